/**
 * The response envelope (OAI-PMH 2.0 §3.2) and the parts every verb shares: `<request>`,
 * `<error>`, `<header>`, `<record>`, `<resumptionToken>`.
 */
import { el, raw, type XmlElement, type XmlNode } from '../xml/tree.ts';
import { datestampOf } from './datestamp.ts';
import type { MetadataFormat } from './formats.ts';
import { oaiIdentifier } from './identifier.ts';
import { PAYLOAD_DEPTH, PAYLOAD_INDENT } from './prepared.ts';
import { setSpecsOf, specsIn } from './sets.ts';
import { doiOf, type OaiItem } from './source.ts';
import { OAI_NAMESPACE, OAI_SCHEMA, XSI_NAMESPACE, type OaiError } from './vocab.ts';

/** `<OAI-PMH>`: responseDate, request, then the verb's element or the errors. */
export function oaiPmh(responseDate: string, request: XmlElement, body: XmlNode | readonly XmlNode[]): XmlElement {
  return el(
    'OAI-PMH',
    { xmlns: OAI_NAMESPACE, 'xmlns:xsi': XSI_NAMESPACE, 'xsi:schemaLocation': `${OAI_NAMESPACE} ${OAI_SCHEMA}` },
    el('responseDate', null, responseDate),
    request,
    body,
  );
}

/**
 * `<request>`: the base URL, with the request's arguments as attributes, except after badVerb or
 * badArgument, where they are left out (§3.2: they may not be legal attribute values).
 */
export const request = (baseUrl: string, args: Readonly<Record<string, string>> | undefined): XmlElement => el('request', args ?? null, baseUrl);

/** §3.6: one `<error>` per condition. */
export const errors = (list: readonly OaiError[]): XmlElement[] => list.map((e) => el('error', { code: e.code }, e.message));

/** §2.5 `<header>`: identifier, datestamp, setSpecs (below the journal's set in the stage's repository); status="deleted" on a tombstone. */
export function header(item: OaiItem, domain: string, stageWide = false): XmlElement {
  const prepared = item.prepared;
  return el(
    'header',
    { status: item.deleted ? 'deleted' : undefined },
    el('identifier', null, oaiIdentifier(domain, doiOf(item))),
    el('datestamp', null, datestampOf(item.changedAt)),
    (prepared === undefined ? setSpecsOf(item.record, stageWide) : specsIn(prepared.journalId, prepared.sets, stageWide)).map((spec) => el('setSpec', null, spec)),
  );
}

/**
 * §2.5 `<record>`: the header, and the metadata unless the record is deleted: the payload made
 * when the version was written (prepared.ts) when there is one for this format, else rendered now.
 */
export function record(item: OaiItem, domain: string, format: MetadataFormat, stageWide = false): XmlElement {
  return el('record', null, header(item, domain, stageWide), item.deleted ? undefined : el('metadata', null, payload(item, format)));
}

function payload(item: OaiItem, format: MetadataFormat): XmlElement {
  const xml = item.prepared?.payloads[format.prefix];
  return xml === undefined ? format.payload(item.record) : raw({ xml, depth: PAYLOAD_DEPTH, indent: PAYLOAD_INDENT });
}

/** §3.5 `<resumptionToken>`: empty on the last page of an incomplete list. */
export const resumptionToken = (token: string | undefined, cursor: number, completeListSize: number, expirationDate?: string): XmlElement =>
  el('resumptionToken', { ...(expirationDate === undefined ? {} : { expirationDate }), completeListSize, cursor }, token);
