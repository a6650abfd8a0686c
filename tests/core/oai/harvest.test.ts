import { describe, expect, it } from 'vitest';
import { MemoryOaiSource } from '#adapters/oai-memory';
import type { OaiItem } from '#core/oai/source';
import { validateXml } from '#tests/helpers/xsd';
import { context, syntheticItems, withDoi } from './fixtures.ts';
import { all, ask, errorCodes, harvest, one, text } from './read.ts';

const identifierOf = (item: OaiItem): string => `oai:journal.example.org:${item.record.article.doi}`;

/** A source of 1,000 synthetic records, a clock that moves one second per request, and `later()`: a time after the last request. */
function setup(count = 1000) {
  const source = new MemoryOaiSource();
  const items = syntheticItems(count);
  for (const item of items) source.put(item);
  let time = Date.UTC(2025, 0, 1);
  const tick = () => new Date((time += 1000)).toISOString();
  return { source, items, ctx: () => context(source, { now: tick() }), later: () => new Date((time += 10)).toISOString() };
}

/** A new version of a record, written now. */
const change = (item: OaiItem, at: string, deleted = false): OaiItem => ({ ...item, changedAt: at, deleted });

describe('a harvester paging through 1,000 records', () => {
  it('receives each exactly once, 100 per page, with cursor and completeListSize', async () => {
    // Prepare
    const { items, ctx } = setup();
    // Act
    const pages = await harvest(ctx, 'verb=ListRecords&metadataPrefix=oai_dc');
    // Assess
    const seen = pages.flatMap((p) => p.identifiers);
    expect(pages).toHaveLength(10);
    expect(seen).toEqual(items.map(identifierOf));
    expect(pages.map((p) => [p.token?.attrs.cursor, p.token?.attrs.completeListSize])).toEqual(Array.from({ length: 10 }, (_, n) => [String(n * 100), '1000']));
    expect(text(pages.at(-1)!.token!)).toBe('');
    for (const page of [pages[0]!, pages.at(-1)!]) expect(validateXml('oai', page.xml).errors).toEqual([]);
  });

  it('receives each exactly once while records change, appear and are withdrawn between pages', async () => {
    // Prepare
    const { source, items, ctx, later } = setup();
    const added: OaiItem[] = [];
    // Act: after every page, change one record already sent, one not yet sent, withdraw one, add one
    const pages = await harvest(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc', (_page, n) => {
      const at = later();
      source.put(change(items[n * 100 - 50]!, at));
      source.put(change(items[n * 100 + 50] ?? items[0]!, `${at.slice(0, 20)}001Z`));
      source.put(change(items[999 - n]!, `${at.slice(0, 20)}002Z`, true));
      const fresh = { ...items[0]!, changedAt: `${at.slice(0, 20)}003Z`, record: withDoi(items[0]!.record, `10.5555/new.${n}`) };
      source.put(fresh);
      added.push(fresh);
    });
    // Assess: the harvest is the list as it was when it began
    const seen = pages.flatMap((p) => p.identifiers);
    expect(seen).toEqual(items.map(identifierOf));
    expect(new Set(seen).size).toBe(1000);
    expect(pages.every((p) => p.token?.attrs.completeListSize === '1000')).toBe(true);

    // Act: the next incremental harvest, from the first response's date, brings every change
    const firstDate = text(one((await ask(context(source, { now: '2025-01-01T00:00:01.000Z' }), 'verb=Identify')).root, 'responseDate'));
    const next = await harvest(ctx, `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${firstDate}`);
    const changed = next.flatMap((p) => p.identifiers);
    // Assess
    expect(changed).toHaveLength(new Set(changed).size);
    // 11 changed (items 50, 150, …, 950 and 0), 10 withdrawn, 10 new
    expect(changed).toHaveLength(31);
    expect(changed).toEqual(expect.arrayContaining([...added.map(identifierOf), identifierOf(items[50]!), identifierOf(items[150]!), identifierOf(items[998]!)]));
  });

  it('an offset would not do: the token resumes after a position, so earlier records moving away skip nothing', async () => {
    // Prepare: two pages of 100
    const { source, items, ctx, later } = setup(200);
    const first = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const token = text(one(first.root, 'resumptionToken'));
    // Act: half the first page changes (moves to the end), then the second page is asked for
    for (const item of items.slice(0, 50)) source.put(change(item, later()));
    const second = await ask(ctx(), `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
    // Assess
    expect(all(second.root, 'identifier').map(text)).toEqual(items.slice(100).map(identifierOf));
  });

  it('the same token asked twice gives the same page (a harvester may retry)', async () => {
    // Prepare
    const { ctx } = setup(250);
    const first = await ask(ctx(), 'verb=ListRecords&metadataPrefix=oai_dc');
    const query = `verb=ListRecords&resumptionToken=${encodeURIComponent(text(one(first.root, 'resumptionToken')))}`;
    // Act
    const a = await ask(ctx(), query);
    const b = await ask(ctx(), query);
    // Assess
    expect(all(a.root, 'identifier').map(text)).toEqual(all(b.root, 'identifier').map(text));
    expect(errorCodes(a.root)).toEqual([]);
  });

  it('a list that fits in one response carries no resumptionToken', async () => {
    const { ctx } = setup(100);
    const { root } = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(all(root, 'header')).toHaveLength(100);
    expect(all(root, 'resumptionToken')).toEqual([]);
  });

  it('a token of ListIdentifiers is refused by ListRecords', async () => {
    const { ctx } = setup(150);
    const first = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const { root } = await ask(ctx(), `verb=ListRecords&resumptionToken=${encodeURIComponent(text(one(first.root, 'resumptionToken')))}`);
    expect(errorCodes(root)).toEqual(['badResumptionToken']);
  });
});
