/**
 * The storage port the OAI-PMH core reads through, and the rules every implementation shares:
 * which records a selection holds and in what order they are listed.
 *
 * Lists are snapshots: a selection carries `asOf`, the instant of the first request of a harvest,
 * and a source answers with each record as it was at that instant (its version current then).
 * Because positions `(changedAt, key)` of a snapshot never move, a cursor "after this position"
 * pages through it with no record skipped or repeated, however the records change meanwhile;
 * changes made after `asOf` reach the harvester in its next incremental harvest (`from` = this
 * harvest's first responseDate, OAI-PMH 2.0 §3.4 / the harvester guidelines).
 */
import type { Article, Issue, Journal } from '../model/index.ts';
import { canonicalInstant, datestampOf } from './datestamp.ts';
import type { PreparedRecord } from './prepared.ts';
import { inSet, inSets, type OaiSet } from './sets.ts';

/** What an OAI record is made from: the article with its issue and journal, as the records store keeps it. */
export type OaiArticleRecord = { readonly journal: Journal; readonly issue: Issue; readonly article: Article };

/** One version of one article as OAI-PMH exposes it. */
export type OaiItem = {
  /** When this version was written (ISO 8601 instant): the record's datestamp, cut to the second. */
  readonly changedAt: string;
  /** A withdrawn article: listed as a tombstone (header status="deleted"), never with metadata. */
  readonly deleted: boolean;
  /**
   * Kept on tombstones too, so a deletion is still found by set. With `prepared`, a source may
   * leave it unread when the selection's `render` needs only what `prepared` holds (reading it
   * then throws).
   */
  readonly record: OaiArticleRecord;
  /** The header's parts and payloads made when the version was written (prepared.ts); current revision only. */
  readonly prepared?: PreparedRecord | undefined;
};

/** Where an item sits in every list: change time, then the case-folded DOI (DOIs are case-insensitive, DOI Handbook 2.4). */
export type OaiPosition = {
  readonly changedAt: string;
  readonly key: string;
  /** The source's own handle on the item at this position (e.g. which version), for `at`; not part of the order. */
  readonly handle?: unknown;
};

/** What a ListIdentifiers/ListRecords request selects (§3.3.1 selective harvesting, §3.6 sets), frozen at `asOf`. */
export type OaiSelection = {
  /** Inclusive bounds at second granularity (`YYYY-MM-DDThh:mm:ssZ`). */
  readonly from?: string | undefined;
  readonly until?: string | undefined;
  readonly set?: string | undefined;
  /** The snapshot instant (ISO 8601 with milliseconds). */
  readonly asOf: string;
  /**
   * What the list will render of each item, when its caller says: the header only (no
   * `metadataPrefix`), or the header and that format's payload. A source may then serve items by
   * their `prepared` parts without reading the whole record; without it, items carry their record.
   */
  readonly render?: { readonly metadataPrefix?: string | undefined } | undefined;
};

/**
 * Where a list over several journals stands in each (stage-source.ts), carried from page to page in
 * the resumption token: by journal id, the position of the journal's first item not yet sent and
 * how many items it gave the page before, or `null` when it has none left. A journal not named is
 * not known (it is read as on a first page).
 */
export type JournalCursor = Readonly<Record<string, { readonly next: OaiPosition; readonly share: number } | null>>;

/** A page a source listed with `listResuming`, and how to carry on after its items up to a position. */
export type ResumingPage = {
  readonly items: readonly OaiItem[];
  /** The cursor of the list once every item up to `last` (one of `items`) has been sent; undefined when the source keeps none. */
  cursorAfter(last: OaiPosition): JournalCursor | undefined;
};

export interface OaiRecordSource {
  /** The selection's items in position order, strictly after `after`, at most `limit` of them. */
  list(selection: OaiSelection, after: OaiPosition | undefined, limit: number): Promise<readonly OaiItem[]>;
  /**
   * Optional, for sources over several journals: `list`, told where each journal stood after the
   * previous page (`cursor`, from its token), so that journals whose next item cannot be on this
   * page are not read at all, and telling where each stands after this one.
   */
  listResuming?(selection: OaiSelection, after: OaiPosition | undefined, cursor: JournalCursor | undefined, limit: number): Promise<ResumingPage>;
  /**
   * Optional, for sources that can answer it cheaper than `list`: the positions of the items
   * `list(selection, after, limit)` would return, without reading the records (the stage's source
   * merges its journals' positions first and reads only the records that make the page).
   */
  positions?(selection: OaiSelection, after: OaiPosition | undefined, limit: number): Promise<readonly OaiPosition[]>;
  /**
   * Optional, with `positions`: the items at positions `positions` answered for the same
   * selection, in position order, read by key (no second list query): how the stage's source
   * reads a page's records once it has merged its journals' positions.
   */
  at?(selection: OaiSelection, positions: readonly OaiPosition[]): Promise<readonly OaiItem[]>;
  /** How many items the selection holds (the `completeListSize`). */
  count(selection: OaiSelection): Promise<number>;
  /** The current version of one article (DOI matched case-insensitively), tombstones included. */
  get(doi: string): Promise<OaiItem | undefined>;
  /** The oldest datestamp of any item (Identify's earliestDatestamp), as a change time. */
  earliest(): Promise<string | undefined>;
  /** Every issue the repository holds, for ListSets. */
  issues(): Promise<readonly Issue[]>;
  /** A source over several journals (the stage's, stage-source.ts) names its sets itself; one journal's sets come from its issues. */
  sets?(): Promise<readonly OaiSet[]>;
}

/** The sort key of DOIs: DOIs are case-insensitive (DOI Handbook 2.4). */
export const doiKey = (doi: string): string => doi.toLowerCase();

export const positionOf = (item: OaiItem): OaiPosition => ({ changedAt: canonicalInstant(item.changedAt), key: doiKey(doiOf(item)) });

/** The item's DOI, from its prepared parts when it has them (its record may be unread). */
export const doiOf = (item: OaiItem): string => item.prepared?.doi ?? item.record.article.doi;

/** Orders positions: change time first, then key. */
export function comparePositions(a: OaiPosition, b: OaiPosition): number {
  if (a.changedAt !== b.changedAt) return a.changedAt < b.changedAt ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return 0;
}

/** Whether a version belongs to a selection by datestamp and set (the snapshot itself is the source's job). */
export function matches(item: OaiItem, selection: OaiSelection): boolean {
  const datestamp = datestampOf(item.changedAt);
  if (selection.from !== undefined && datestamp < selection.from) return false;
  if (selection.until !== undefined && datestamp > selection.until) return false;
  if (selection.set === undefined) return true;
  return item.prepared === undefined ? inSet(item.record, selection.set) : inSets(item.prepared.sets, selection.set);
}
