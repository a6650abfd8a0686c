/**
 * ListIdentifiers and ListRecords (OAI-PMH 2.0 §4.3, §4.5) with flow control (§3.5).
 *
 * The first request freezes the list at its own time (`asOf`) and counts it; each response sends
 * the next items after the last position sent and, while more follow, a token that carries the
 * query, the snapshot, that position and the counts. The last response of a split list carries an
 * empty token; a list that fits in one response carries none.
 */
import { el, type XmlElement } from '../../xml/tree.ts';
import type { ListStart } from '../arguments.ts';
import type { OaiContext } from '../context.ts';
import { canonicalInstant } from '../datestamp.ts';
import { header, record, resumptionToken } from '../envelope.ts';
import { findFormat, type MetadataFormat } from '../formats.ts';
import { positionOf, type OaiItem, type OaiSelection } from '../source.ts';
import { decodeToken, encodeToken, tokenExpiry, tokenLive, type ListState, type ListVerb } from '../token.ts';
import { oaiError, type OaiError } from '../vocab.ts';

/** The first page of a list. */
export async function startList(ctx: OaiContext, verb: ListVerb, start: ListStart): Promise<XmlElement | OaiError[]> {
  const format = findFormat(ctx.repository.formats, start.metadataPrefix);
  if (format === undefined) return [oaiError('cannotDisseminateFormat', `${start.metadataPrefix} is not a metadata format of this repository.`)];
  const selection: OaiSelection = { from: start.from?.value, until: start.until?.value, set: start.set, asOf: canonicalInstant(ctx.now) };
  const total = await ctx.source.count(selection);
  const state = { verb, metadataPrefix: format.prefix, ...selection, cursor: 0, total };
  return page(ctx, format, state, undefined);
}

/** A later page: everything comes from the token. */
export async function continueList(ctx: OaiContext, verb: ListVerb, token: string): Promise<XmlElement | OaiError[]> {
  const state = decodeToken(token, verb, ctx.repository.tokenSecret);
  const format = state === undefined ? undefined : findFormat(ctx.repository.formats, state.metadataPrefix);
  if (state === undefined || format === undefined) return [oaiError('badResumptionToken', `This resumptionToken was not issued by this repository for ${verb}, or it was altered.`)];
  if (!tokenLive(state.asOf, ctx.now)) return [oaiError('badResumptionToken', `This resumptionToken expired at ${tokenExpiry(state.asOf)}: start the list again without it.`)];
  return page(ctx, format, state, state.after);
}

type PageState = Omit<ListState, 'after'>;

async function page(ctx: OaiContext, format: MetadataFormat, state: PageState, after: ListState['after'] | undefined): Promise<XmlElement | OaiError[]> {
  const size = ctx.repository.pageSize[state.verb];
  // One more than a page: whether anything follows is known without another round trip.
  // Headers only for ListIdentifiers: a source may then serve items without reading their records.
  const render = { metadataPrefix: state.verb === 'ListRecords' ? format.prefix : undefined };
  const selection: OaiSelection = { from: state.from, until: state.until, set: state.set, asOf: state.asOf, render };
  // A stage-wide source is told where each journal stood (the token's `journals`), and says where each stands after this page.
  const listed = ctx.source.listResuming === undefined ? { items: await ctx.source.list(selection, after, size + 1) } : await ctx.source.listResuming(selection, after, state.journals, size + 1);
  const { items } = listed;
  if (items.length === 0) return [oaiError('noRecordsMatch', 'No records match the request.')];
  const shown = items.slice(0, size);
  const more = items.length > size;
  const last = shown.at(-1)!;
  const sent = state.cursor + shown.length;
  const journals = more && 'cursorAfter' in listed ? listed.cursorAfter(positionOf(last)) : undefined;
  const next = more ? encodeToken({ ...state, after: positionOf(last), cursor: sent, total: Math.max(state.total, sent + 1), journals }, ctx.repository.tokenSecret) : undefined;
  const split = more || after !== undefined;
  return el(
    state.verb,
    null,
    shown.map((item) => entry(ctx, state.verb, item, format)),
    split ? resumptionToken(next, state.cursor, Math.max(state.total, sent), next === undefined ? undefined : tokenExpiry(state.asOf)) : undefined,
  );
}

const entry = (ctx: OaiContext, verb: ListVerb, item: OaiItem, format: MetadataFormat): XmlElement =>
  verb === 'ListRecords' ? record(item, ctx.repository.domain, format, ctx.repository.stageWide) : header(item, ctx.repository.domain, ctx.repository.stageWide);
