/**
 * The stage's OAI-PMH repository (`/api/oai`) over every journal on the stage, made of the
 * journals' own sources (one repository each at `/api/oai/<journal-id>`). Pure: it only merges
 * what the journal sources answer.
 *
 * - Each journal is a set (setSpec = its id) with its issue and section sets below it
 *   (`balcanica:issue:L-2019`); a set spec is handed to the one journal it names, without the
 *   journal's part, so each journal source keeps its own set rules.
 * - Lists merge the journals' lists in position order (change time, then DOI: DOIs are unique on
 *   a stage), so a stage-wide harvest pages through one snapshot exactly as a journal's does.
 */
import type { Issue, Journal } from '../model/index.ts';
import { canonicalInstant } from './datestamp.ts';
import { journalOfSpec, stageSets } from './sets.ts';
import { comparePositions, positionOf, type JournalCursor, type OaiItem, type OaiPosition, type OaiRecordSource, type OaiSelection, type ResumingPage } from './source.ts';

export type JournalSource = { readonly journal: Journal; readonly source: OaiRecordSource };

type Route = { readonly id: string; readonly source: OaiRecordSource; readonly selection: OaiSelection };

/** What one journal's positions query of a page found: the positions it read after `after` (at most `limit` asked), and whether those are all it has. */
type Read = { readonly positions: readonly OaiPosition[]; readonly limit: number; readonly exhausted: boolean };

/** How many positions to read of a journal that gave the previous page `share` items: a little more than its share, for a page that is not quite the last. */
const sized = (share: number, limit: number): number => Math.min(limit, share + Math.ceil(share / 4) + 2);

/**
 * Which of the first `limit` positions after `after`, over every source, each source holds, and
 * what each source read. Without a `cursor` every journal reads `limit` positions. With one (where
 * each journal stood after the previous page, from the token), in rounds:
 * 1. the journals whose next position is not known read `limit`; those that gave the previous
 *    page items read a little more than they gave (`sized`); if none did, the one whose next
 *    position comes first reads `limit`;
 * 2. then, until none is left to read, every journal not read whose next position is not past
 *    the `limit`-th position found (while fewer are found, the next few in order of their next
 *    positions), and every journal read short of `limit` whose last position read is not past it,
 *    read `limit` (again).
 * A journal with none left (`null`) is not read at all. Positions never move within a snapshot
 * (source.ts), so a journal whose next position is past the page's last holds nothing on it, and
 * one read short holds nothing unread before its last position read: the page is every journal's
 * first `limit` positions merged, as without a cursor, while a stage page of records from a few
 * journals reads about those records' index entries, not `limit` from each of twenty (issue 16).
 */
async function perSource(routes: readonly Route[], after: OaiPosition | undefined, limit: number, cursor: JournalCursor | undefined): Promise<{ mine: OaiPosition[][]; reads: (Read | undefined)[] }> {
  const reads: (Read | undefined)[] = routes.map(() => undefined);
  const readAll = async (asks: readonly (readonly [number, number])[]): Promise<void> => {
    const found = await Promise.all(asks.map(([k, n]) => routes[k]!.source.positions!(routes[k]!.selection, after, n)));
    asks.forEach(([k, n], i) => (reads[k] = { positions: found[i]!, limit: n, exhausted: found[i]!.length < n }));
  };
  const was = (k: number) => cursor?.[routes[k]!.id];
  const live = routes.map((_, k) => k).filter((k) => was(k) !== null);
  const sharing = live.filter((k) => (was(k)?.share ?? 0) > 0);
  const first = live.filter((k) => was(k) !== undefined).sort((a, b) => comparePositions(was(a)!.next, was(b)!.next))[0];
  await readAll([
    ...live.filter((k) => was(k) === undefined).map((k) => [k, limit] as const),
    ...sharing.map((k) => [k, sized(was(k)!.share, limit)] as const),
    ...(sharing.length === 0 && first !== undefined ? [[first, limit] as const] : []),
  ]);
  const merged = (): { at: OaiPosition; k: number }[] => reads.flatMap((r, k) => (r?.positions ?? []).map((at) => ({ at, k }))).sort((a, b) => comparePositions(a.at, b.at)).slice(0, limit);
  // While fewer than `limit` are found, the journals not read are read in the order of their next
  // positions, one, then two, four… at a time (a page that crosses from one journal's run of
  // records into the next reads one more journal, not all of them).
  for (let batch = 1; ; batch *= 2) {
    const found = merged();
    const bound = found.length < limit ? undefined : found.at(-1)!.at;
    const notPast = (at: OaiPosition): boolean => bound === undefined || comparePositions(at, bound) <= 0;
    const short = live.filter((k) => reads[k] !== undefined && reads[k]!.limit < limit && !reads[k]!.exhausted && notPast(reads[k]!.positions.at(-1)!));
    const unread = live.filter((k) => reads[k] === undefined && notPast(was(k)!.next)).sort((a, b) => comparePositions(was(a)!.next, was(b)!.next));
    const asks = [...short, ...(bound === undefined ? unread.slice(0, batch) : unread)];
    if (asks.length === 0) break;
    await readAll(asks.map((k) => [k, limit] as const));
  }
  const page = merged();
  return { mine: routes.map((_, k) => page.filter((m) => m.k === k).map((m) => m.at)), reads };
}

/**
 * Where each journal stands once every position up to `last` is sent: its first position read
 * past it and how many it gave, none left, or (read to its limit and all sent) not known.
 */
function cursorAfter(routes: readonly Route[], reads: readonly (Read | undefined)[], cursor: JournalCursor | undefined, last: OaiPosition): JournalCursor {
  const out: Record<string, { next: OaiPosition; share: number } | null> = {};
  routes.forEach((route, k) => {
    const read = reads[k];
    if (read === undefined) {
      // Not read: its next position is past this page's, so still its next (or none left), and it gave nothing.
      const was = cursor?.[route.id];
      if (was !== undefined) out[route.id] = was === null ? null : { next: was.next, share: 0 };
      return;
    }
    const ahead = read.positions.findIndex((at) => comparePositions(at, last) > 0);
    if (ahead >= 0) out[route.id] = { next: { changedAt: read.positions[ahead]!.changedAt, key: read.positions[ahead]!.key }, share: ahead };
    else if (read.exhausted) out[route.id] = null;
  });
  return out;
}

export function stageSource(journals: readonly JournalSource[]): OaiRecordSource {
  /** The journals a selection reaches, each with the selection as its own source reads it. */
  function routed(selection: OaiSelection): Route[] {
    if (selection.set === undefined) return journals.map((j) => ({ id: j.journal.id, source: j.source, selection }));
    const target = journalOfSpec(selection.set, journals.map((j) => j.journal.id));
    const journal = target && journals.find((j) => j.journal.id === target.journalId);
    return journal === undefined ? [] : [{ id: journal.journal.id, source: journal.source, selection: { ...selection, set: target!.inner } }];
  }

  /**
   * A page: every journal's next positions first (from its index alone), then from each journal
   * only as many records as it has on this page: one page reads `limit` records, not `limit` per
   * journal. A journal that reads records at known positions (`at`) reads them by key, without
   * listing again. With a `cursor`, only the journals whose next item may be on the page (perSource).
   */
  async function listResuming(selection: OaiSelection, after: OaiPosition | undefined, cursor: JournalCursor | undefined, limit: number): Promise<ResumingPage> {
    const routes = routed(selection);
    const split = routes.length > 1 && routes.every((r) => r.source.positions !== undefined) ? await perSource(routes, after, limit, cursor) : undefined;
    const lists = await Promise.all(
      routes.map((r, k) => {
        if (split === undefined) return r.source.list(r.selection, after, limit);
        const positions = split.mine[k]!;
        if (positions.length === 0) return [];
        return r.source.at === undefined ? r.source.list(r.selection, after, positions.length) : r.source.at(r.selection, positions);
      }),
    );
    const items = lists.flat().sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, limit);
    return { items, cursorAfter: (last) => (split === undefined ? undefined : cursorAfter(routes, split.reads, cursor, last)) };
  }

  return {
    async list(selection, after, limit) {
      return (await listResuming(selection, after, undefined, limit)).items;
    },
    listResuming,
    async count(selection) {
      const counts = await Promise.all(routed(selection).map((r) => r.source.count(r.selection)));
      return counts.reduce((a, b) => a + b, 0);
    },
    async get(doi) {
      const found = await Promise.all(journals.map((j) => j.source.get(doi)));
      return found.find((item): item is OaiItem => item !== undefined);
    },
    async earliest() {
      const times = (await Promise.all(journals.map((j) => j.source.earliest()))).filter((t): t is string => t !== undefined).map(canonicalInstant);
      return times.length === 0 ? undefined : times.reduce((a, b) => (a < b ? a : b));
    },
    async issues(): Promise<readonly Issue[]> {
      return (await Promise.all(journals.map((j) => j.source.issues()))).flat();
    },
    async sets() {
      return stageSets(await Promise.all(journals.map(async (j) => ({ journal: j.journal, issues: await j.source.issues() }))));
    },
  };
}
