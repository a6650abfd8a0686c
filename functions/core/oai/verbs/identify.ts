/** Identify (OAI-PMH 2.0 §4.2), with the oai-identifier description (guidelines-oai-identifier). */
import { el, type XmlElement } from '../../xml/tree.ts';
import type { OaiContext, OaiRepository } from '../context.ts';
import { datestampOf } from '../datestamp.ts';
import { isOaiDomain, oaiIdentifier } from '../identifier.ts';
import { DELETED_RECORD, GRANULARITY, OAI_IDENTIFIER_NAMESPACE, OAI_IDENTIFIER_SCHEMA, PROTOCOL_VERSION, XSI_NAMESPACE } from '../vocab.ts';

/** An empty repository's earliest datestamp is the response's own: nothing older can be harvested. */
export async function identify(ctx: OaiContext): Promise<XmlElement> {
  const { repository } = ctx;
  const earliest = (await ctx.source.earliest()) ?? ctx.now;
  return el(
    'Identify',
    null,
    el('repositoryName', null, repository.name),
    el('baseURL', null, repository.baseUrl),
    el('protocolVersion', null, PROTOCOL_VERSION),
    repository.adminEmails.map((email) => el('adminEmail', null, email)),
    el('earliestDatestamp', null, datestampOf(earliest)),
    el('deletedRecord', null, DELETED_RECORD),
    el('granularity', null, GRANULARITY),
    (repository.compression ?? []).map((c) => el('compression', null, c)),
    oaiIdentifierDescription(repository),
  );
}

/**
 * `<description><oai-identifier>`: how identifiers are built. Left out when the site's host is no
 * domain name the scheme accepts (`localhost` in local runs).
 */
export function oaiIdentifierDescription(repository: OaiRepository): XmlElement | undefined {
  if (!isOaiDomain(repository.domain)) return undefined;
  return el(
    'description',
    null,
    el(
      'oai-identifier',
      { xmlns: OAI_IDENTIFIER_NAMESPACE, 'xmlns:xsi': XSI_NAMESPACE, 'xsi:schemaLocation': `${OAI_IDENTIFIER_NAMESPACE} ${OAI_IDENTIFIER_SCHEMA}` },
      el('scheme', null, 'oai'),
      el('repositoryIdentifier', null, repository.domain),
      el('delimiter', null, ':'),
      el('sampleIdentifier', null, oaiIdentifier(repository.domain, '10.1234/example.5678')),
    ),
  );
}
