/**
 * The stage's list with a journal cursor (core/oai/stage-source.ts `listResuming`): pages chained as
 * the verbs chain them (the cursor of one page, through its token, into the next) list exactly the
 * journals' items merged in position order, however the journals' items interleave, while reading
 * only the journals (and about as many index entries) a page needs. Journal sources here are pure
 * fakes over sorted arrays that count what they are asked for; the DynamoDB store is
 * tests/oai/prepared.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { stageSource } from '#core/oai/stage-source';
import { comparePositions, positionOf, type JournalCursor, type OaiItem, type OaiPosition, type OaiRecordSource, type OaiSelection } from '#core/oai/source';
import { decodeToken, encodeToken, type ListState } from '#core/oai/token';
import type { Journal } from '#core/model/index';

type Reads = { calls: number; entries: number };

const itemAt = (ms: number, doi: string): OaiItem => ({ changedAt: new Date(Date.UTC(2024, 0, 1) + ms).toISOString(), deleted: false, record: { article: { doi } } as never });

/** A journal source over its items (in position order) answering `positions` and `at` as oai-store.ts does, counting its reads. */
function journalSource(items: readonly OaiItem[], reads: Reads): OaiRecordSource {
  const after = (at: OaiPosition | undefined) => items.filter((item) => at === undefined || comparePositions(positionOf(item), at) > 0);
  return {
    list: (_s, at, limit) => Promise.resolve(after(at).slice(0, limit)),
    positions: (_s, at, limit) => {
      const found = after(at).slice(0, limit).map(positionOf);
      reads.calls += 1;
      reads.entries += found.length;
      return Promise.resolve(found);
    },
    at: (_s, positions) => Promise.resolve(positions.map((p) => items.find((item) => comparePositions(positionOf(item), p) === 0)!)),
    count: () => Promise.resolve(items.length),
    get: () => Promise.resolve(undefined),
    earliest: () => Promise.resolve(undefined),
    issues: () => Promise.resolve([]),
  };
}

/** `journals` journals whose item n is at `time(j, n)` ms. */
function layout(journals: number, perJournal: (j: number) => number, time: (j: number, n: number) => number) {
  const reads = Array.from({ length: journals }, (): Reads => ({ calls: 0, entries: 0 }));
  const items = Array.from({ length: journals }, (_, j) => Array.from({ length: perJournal(j) }, (_, n) => itemAt(time(j, n), `10.${5000 + j}/a.${String(n).padStart(5, '0')}`)).sort((a, b) => comparePositions(positionOf(a), positionOf(b))));
  const source = stageSource(items.map((list, j) => ({ journal: { id: `j${String(j).padStart(2, '0')}` } as Journal, source: journalSource(list, reads[j]!) })));
  return { reads, all: items.flat().sort((a, b) => comparePositions(positionOf(a), positionOf(b))), source };
}

const SELECTION: OaiSelection = { asOf: '2025-01-01T00:00:00.000Z', render: { metadataPrefix: 'oai_dc' } };

/** A whole list in pages of `size`, as verbs/list.ts pages it: `size + 1` asked, `size` sent, the cursor through a sealed token. */
async function pages(source: OaiRecordSource, size: number, onPage: (n: number) => void = () => undefined): Promise<{ sent: OaiItem[]; tokens: number[] }> {
  const sent: OaiItem[] = [];
  const tokens: number[] = [];
  let after: OaiPosition | undefined;
  let cursor: JournalCursor | undefined;
  for (let n = 0; ; n++) {
    const page = await source.listResuming!(SELECTION, after, cursor, size + 1);
    onPage(n);
    const shown = page.items.slice(0, size);
    sent.push(...shown);
    if (page.items.length <= size) return { sent, tokens };
    after = positionOf(shown.at(-1)!);
    const state: ListState = { verb: 'ListRecords', metadataPrefix: 'oai_dc', asOf: SELECTION.asOf, after, cursor: sent.length, total: 0, journals: page.cursorAfter(after) };
    const token = encodeToken(state, 's');
    tokens.push(token.length);
    cursor = decodeToken(token, 'ListRecords', 's')!.journals;
  }
}

const LAYOUTS = {
  'round robin (bench/press.ts)': () => layout(20, () => 60, (j, n) => (n * 20 + j) * 10),
  'one journal after another': () => layout(20, () => 60, (j, n) => (j * 60 + n) * 10),
  'issues of 25 from journals in turn': () => layout(6, (j) => 100 + 25 * j, (j, n) => (Math.floor(n / 25) * 6 + j) * 25_000 + (n % 25)),
  'random, some journals empty, some alike instants': () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    return layout(9, (j) => (j % 4 === 1 ? 0 : 20 + Math.floor(random() * 150)), () => Math.floor(random() * 5000) * 1000);
  },
} as const;

describe('the stage list with a journal cursor', () => {
  for (const [name, make] of Object.entries(LAYOUTS)) {
    it(`lists every item once, in position order, as the merged journals hold them: ${name}`, async () => {
      // Prepare
      const { all, source } = make();
      // Act
      const { sent } = await pages(source, 10);
      // Assess
      expect(sent.map((item) => positionOf(item).key)).toEqual(all.map((item) => positionOf(item).key));
    });
  }

  it('reads only the journal whose records make a page when journals follow one another', async () => {
    // Prepare
    const { reads, source } = layout(20, () => 300, (j, n) => (j * 300 + n) * 10);
    const perPage: number[] = [];
    let before = 0;
    // Act
    await pages(source, 100, () => {
      const calls = reads.reduce((a, r) => a + r.calls, 0);
      perPage.push(calls - before);
      before = calls;
    });
    // Assess: the first page asks every journal; later ones the journal at hand, and the next one where it ends
    expect(perPage[0]).toBe(20);
    expect(Math.max(...perPage.slice(1))).toBeLessThanOrEqual(2);
  });

  it('reads about a page of index entries, not a page from each journal, when journals interleave', async () => {
    // Prepare
    const { reads, source } = layout(20, () => 300, (j, n) => (n * 20 + j) * 10);
    const perPage: number[] = [];
    let before = 0;
    // Act
    const { tokens } = await pages(source, 100, () => {
      const entries = reads.reduce((a, r) => a + r.entries, 0);
      perPage.push(entries - before);
      before = entries;
    });
    // Assess: the first page reads 101 of each of the 20 journals; later ones (5 records of each) 9 of each
    expect(perPage[0]).toBe(20 * 101);
    expect(Math.max(...perPage.slice(1))).toBeLessThanOrEqual(20 * 9);
    // (the cost: the token carries each journal's next position)
    expect(Math.max(...tokens)).toBeLessThan(2500);
  });
});
