/**
 * OAI-PMH 2.0 data provider, pure: request arguments in, response tree out
 * (https://www.openarchives.org/OAI/openarchivesprotocol.html). The handler supplies the
 * arguments (GET query or POST form), the repository settings, a record source and the time.
 */
import { serializeXml, type XmlElement } from '../xml/tree.ts';
import { parseArguments, type OaiRequest, type RawArguments } from './arguments.ts';
import type { OaiContext } from './context.ts';
import { responseDate } from './datestamp.ts';
import { errors, oaiPmh, request } from './envelope.ts';
import { getRecord } from './verbs/get-record.ts';
import { identify } from './verbs/identify.ts';
import { continueList, startList } from './verbs/list.ts';
import { listMetadataFormats } from './verbs/list-metadata-formats.ts';
import { listSets } from './verbs/list-sets.ts';
import type { OaiError } from './vocab.ts';

export type { OaiContext, OaiRepository } from './context.ts';
export type { RawArguments } from './arguments.ts';
export { METADATA_FORMATS } from './formats.ts';
export { PAGE_SIZE } from './vocab.ts';

/** The whole `<OAI-PMH>` response to one request; OAI-PMH errors are part of it (§3.6), never thrown. */
export async function respondOai(raw: RawArguments, ctx: OaiContext): Promise<XmlElement> {
  const date = responseDate(ctx.now);
  const parsed = parseArguments(raw);
  if (!parsed.ok) return oaiPmh(date, request(ctx.repository.baseUrl, undefined), errors(parsed.errors));
  const echo = request(ctx.repository.baseUrl, { verb: parsed.request.verb, ...parsed.echo });
  const body = await answer(parsed.request, ctx);
  return oaiPmh(date, echo, Array.isArray(body) ? errors(body) : body);
}

/** The response as an XML document. */
export const renderOai = async (raw: RawArguments, ctx: OaiContext): Promise<string> => serializeXml(await respondOai(raw, ctx));

function answer(req: OaiRequest, ctx: OaiContext): Promise<XmlElement | OaiError[]> {
  switch (req.verb) {
    case 'Identify':
      return identify(ctx);
    case 'ListMetadataFormats':
      return listMetadataFormats(ctx, req.identifier);
    case 'ListSets':
      return listSets(ctx, req.resumptionToken);
    case 'GetRecord':
      return getRecord(ctx, req.identifier, req.metadataPrefix);
    case 'ListIdentifiers':
    case 'ListRecords':
      return 'resumptionToken' in req ? continueList(ctx, req.verb, req.resumptionToken) : startList(ctx, req.verb, req.start);
  }
}
