/**
 * How a version's prepared OAI-PMH parts (core/oai/prepared.ts) are stored: raw DEFLATE JSON in
 * the version item's binary attribute `oaiGz`, written once with the version (~1 KB: about one
 * write unit more per version) and read by the OAI lists instead of the record's body. The head
 * holds a copy of its current version's, which gsi2 projects (records-articles.ts `putVersion`). Versions
 * written before it have none, and parts of another revision or that cannot be read are ignored:
 * the record is then read and rendered as before, so nothing breaks for lack of them.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isCurrentPrepared, prepareRecord, type PreparedRecord } from '#core/oai/prepared';
import type { OaiArticleRecord } from '#core/oai/source';
import type { Item } from './records-table.ts';

export const OAI_ATTRIBUTE = 'oaiGz';

/**
 * A preset DEFLATE dictionary (RFC 1951 §3.2.2's window, primed): what every record's parts spell
 * alike, the JSON's keys and the oai_dc element's namespaces, elements and usual values, so that a
 * ~1 KB record compresses to ~0.3 KB less (issue 16: the head keeps a copy, and every write of a
 * head or gsi2 entry is billed per KB). Parts compressed without it (before it) inflate the same
 * with it: raw DEFLATE without a dictionary never refers back past its own start.
 * NEVER CHANGE IT: parts compressed with it inflate to other bytes under another dictionary (raw
 * DEFLATE has no check). New wording needs a new attribute (tests/adapters/record-oai.test.ts pins it).
 */
export const OAI_DICTIONARY = Buffer.from(
  '{"revision":1,"doi":"10.","journalId":"","sets":["issue:","section:articles"],"payloads":{"oai_dc":"<oai_dc:dc xmlns:oai_dc=\\"http://www.openarchives.org/OAI/2.0/oai_dc/\\" xmlns:dc=\\"http://purl.org/dc/elements/1.1/\\" xmlns:xsi=\\"http://www.w3.org/2001/XMLSchema-instance\\" xsi:schemaLocation=\\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\\">' +
    '\\n          <dc:title xml:lang=\\"en\\"></dc:title>\\n          <dc:creator></dc:creator>\\n          <dc:subject xml:lang=\\"en\\"></dc:subject>\\n          <dc:description xml:lang=\\"en\\"></dc:description>' +
    '\\n          <dc:publisher></dc:publisher>\\n          <dc:date></dc:date>\\n          <dc:type>info:eu-repo/semantics/article</dc:type>\\n          <dc:type>info:eu-repo/semantics/publishedVersion</dc:type>\\n          <dc:type>Text</dc:type>' +
    '\\n          <dc:format>application/pdf</dc:format>\\n          <dc:identifier>https://doi.org/10.</dc:identifier>\\n          <dc:identifier>https:///doi/10.</dc:identifier>\\n          <dc:source>; Vol. , No.  ()</dc:source>' +
    '\\n          <dc:language>en</dc:language>\\n          <dc:relation></dc:relation>\\n          <dc:rights></dc:rights>\\n        </oai_dc:dc>"}}',
  'utf8',
);

/** The attribute that holds a version's prepared OAI parts: spread into the version item written. */
export function oaiBody(record: OaiArticleRecord): { readonly oaiGz: Uint8Array } {
  return { oaiGz: deflateRawSync(JSON.stringify(prepareRecord(record)), { dictionary: OAI_DICTIONARY }) };
}

/**
 * The prepared parts in a version item (or a head, or a gsi2 entry, which hold the current
 * version's), when it holds readable ones of the current revision for the DOI it is the record of:
 * `doi` (any case), by default the item's own `doi` (gsi2 entries do not project it).
 */
export function readPrepared(item: Item, doi: string = String(item.doi)): PreparedRecord | undefined {
  const compressed = item[OAI_ATTRIBUTE];
  if (!(compressed instanceof Uint8Array)) return undefined;
  try {
    const parsed: unknown = JSON.parse(inflateRawSync(compressed, { dictionary: OAI_DICTIONARY }).toString('utf8'));
    return isCurrentPrepared(parsed) && parsed.doi.toLowerCase() === doi.toLowerCase() ? parsed : undefined;
  } catch {
    return undefined;
  }
}
