/**
 * The DynamoDB record source (functions/adapters/oai-store.ts) on DynamoDB Local, written through
 * the records store as ingest writes it, and harvested through the core as a harvester would.
 */
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOaiStore } from '#adapters/oai-store';
import { comparePositions, positionOf, type OaiItem, type OaiRecordSource } from '#core/oai/source';
import { stageSource } from '#core/oai/stage-source';
import { context, recordById, syntheticItems, withDoi } from '#tests/core/oai/fixtures';
import { all, ask, errorCodes, harvest, one, parseXml, text } from '#tests/core/oai/read';
import { validateXml } from '#tests/helpers/xsd';
import { putItems, setArticleCounter, startLocalRecords, type LocalRecords } from './records-table.ts';

const identifierOf = (item: OaiItem): string => `oai:journal.example.org:${item.record.article.doi}`;

let local: LocalRecords;
let source: OaiRecordSource;
const items = syntheticItems(1000);
let time = Date.UTC(2025, 0, 1);
const ctx = () => context(source, { now: new Date((time += 1000)).toISOString() });
const later = (): string => new Date((time += 10)).toISOString();

beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, items);
  source = createOaiStore({ client: local.client, tableName: local.tableName, journalId: 'testjournal' });
}, 180_000);

afterAll(async () => {
  await local?.stop();
});

describe('oai-store on DynamoDB Local', () => {
  it('a harvester pages through 1,000 records and receives each exactly once', async () => {
    // Act
    const pages = await harvest(ctx, 'verb=ListRecords&metadataPrefix=oai_dc');
    // Assess
    expect(pages.flatMap((p) => p.identifiers)).toEqual(items.map(identifierOf));
    expect(pages.map((p) => p.token?.attrs.completeListSize)).toEqual(Array(10).fill('1000'));
    expect(validateXml('oai', pages[3]!.xml).errors).toEqual([]);
  });

  it('selects by datestamp and set, and answers GetRecord, ListSets and Identify from the table', async () => {
    // Act
    const range = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01T00:01:00Z&until=2024-01-01T00:01:09Z');
    const bySet = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=issue:2024-12-3');
    const none = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:reviews');
    const got = await ask(ctx(), `verb=GetRecord&metadataPrefix=jats&identifier=${identifierOf(items[7]!)}`);
    const sets = await ask(ctx(), 'verb=ListSets');
    const identify = await ask(ctx(), 'verb=Identify');
    // Assess
    expect(all(range.root, 'identifier').map(text)).toEqual(items.slice(60, 70).map(identifierOf));
    expect(one(bySet.root, 'resumptionToken').attrs.completeListSize).toBe('1000');
    expect(errorCodes(none.root)).toEqual(['noRecordsMatch']);
    expect(text(one(one(got.root, 'header'), 'identifier'))).toBe(identifierOf(items[7]!));
    expect(all(sets.root, 'setSpec').map(text)).toEqual(['issue', 'issue:2024-12-3', 'section', 'section:articles', 'section:reviews']);
    expect(text(one(identify.root, 'earliestDatestamp'))).toBe('2024-01-01T00:00:00Z');
  });

  it('receives each exactly once while records change, appear and are withdrawn between pages; the next harvest brings the changes', async () => {
    // Prepare
    const firstDate = new Date(time + 1000).toISOString().slice(0, 19) + 'Z';
    const changes: OaiItem[] = [];
    // Act
    const pages = await harvest(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc', async (_page, n) => {
      const batch: OaiItem[] = [
        { ...items[n * 100 - 50]!, changedAt: later() },
        { ...(items[n * 100 + 50] ?? items[0]!), changedAt: later() },
        { ...items[999 - n]!, changedAt: later(), deleted: true },
        { changedAt: later(), deleted: false, record: withDoi(recordById('a01-petrovic'), `10.5555/new.${n}`) },
      ];
      changes.push(...batch);
      await putItems(local, batch, 1);
    });
    const next = await harvest(ctx, `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${firstDate}`);
    const after = await harvest(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    // Assess
    const seen = pages.flatMap((p) => p.identifiers);
    expect(seen).toEqual(items.map(identifierOf));
    const changed = next.flatMap((p) => p.identifiers);
    expect(new Set(changed)).toEqual(new Set(changes.map(identifierOf)));
    expect(changed).toHaveLength(new Set(changed).size);
    const deleted = next.flatMap((p) => all(parseXml(p.xml), 'header')).filter((h) => h.attrs.status === 'deleted');
    expect(deleted).toHaveLength(10);
    expect(after.flatMap((p) => p.identifiers)).toHaveLength(1010);
    expect(after[0]!.token?.attrs.completeListSize).toBe('1010');
  });

  it('counts a full list from the article counter when the store keeps one, exactly as by reading gsi2', async () => {
    // Prepare: one more article than the counter's snapshot will hold, written after the first request
    await setArticleCounter(local, 'testjournal', 1010);
    const first = await ask(ctx(), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    await putItems(local, [{ changedAt: later(), deleted: false, record: withDoi(recordById('a01-petrovic'), '10.5555/late') }], 1);
    await setArticleCounter(local, 'testjournal', 1011);
    const token = text(one(first.root, 'resumptionToken'));
    // Act
    const counted = await source.count({ asOf: new Date(time - 5).toISOString() });
    const read = await source.count({ asOf: new Date(time - 5).toISOString(), from: '2000-01-01T00:00:00Z' });
    const second = await ask(ctx(), `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
    // Assess
    expect(one(first.root, 'resumptionToken').attrs.completeListSize).toBe('1010');
    expect([counted, read]).toEqual([1010, 1010]);
    expect(one(second.root, 'resumptionToken').attrs.completeListSize).toBe('1010');
  });

  it('answers idDoesNotExist, not 503, for an identifier longer than any DynamoDB key (issue 12, Low), and another journal\'s DOI is not its record', async () => {
    // Prepare
    const other = createOaiStore({ client: local.client, tableName: local.tableName, journalId: 'another-journal' });
    // Act
    const long = await ask(ctx(), `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:journal.example.org:10.5555/${'x'.repeat(5000)}`);
    const foreign = await other.get(items[0]!.record.article.doi);
    // Assess
    expect(errorCodes(long.root)).toEqual(['idDoesNotExist']);
    expect(validateXml('oai', long.xml).errors).toEqual([]);
    expect(foreign).toBeUndefined();
  });

  it('lists a record changed between the index query and the read of its body as it was when the harvest began (gsi2 projects keys only)', async () => {
    // Prepare: the list as it stands, then a client that changes the first article it is asked to read, just before reading it.
    const asOf = later();
    const before = await source.list({ asOf }, undefined, 20);
    let changed: string | undefined;
    const racing = new Proxy(local.client, {
      get: (target, name, receiver) =>
        name === 'send'
          ? async (command: unknown) => {
              if (command instanceof BatchGetCommand && changed === undefined) {
                const [key] = Object.values(command.input.RequestItems ?? {})[0]?.Keys ?? [];
                const head = await local.records.getHead(String(key?.pk).slice('ART#'.length));
                changed = head!.meta.doi;
                const [first, ...rest] = head!.record.article.titles;
                const article = { ...head!.record.article, titles: [{ ...first, title: ['changed during the harvest'] }, ...rest] as const };
                await local.records.putVersion({ ...head!.record, article }, 'changed-during-harvest', { batchId: 'race', now: later() });
              }
              return (target.send as (c: unknown) => Promise<unknown>)(command);
            }
          : Reflect.get(target, name, receiver),
    }) as DynamoDBDocumentClient;
    const store = createOaiStore({ client: racing, tableName: local.tableName, journalId: 'testjournal' });
    // Act
    const listed = await store.list({ asOf }, undefined, 20);
    // Assess
    expect(changed).toBe(before[0]!.record.article.doi);
    expect(listed).toEqual(before);
    expect((await source.get(changed!))!.record.article.titles[0]!.title).toEqual(['changed during the harvest']);
  });

  it('a stage repository over several journals reads only the records of each page: their positions come from gsi2 keys first', async () => {
    // Prepare: a second journal whose records interleave in time with the first's
    const second = syntheticItems(300, Date.UTC(2024, 0, 1) + 500).map((item, n) => ({ ...item, record: { ...withDoi(item.record, `10.5555/second.${n}`), journal: { ...item.record.journal, id: 'second' } } }));
    await putItems(local, second);
    let keysRead = 0;
    let bodiesRead = 0;
    const counting = new Proxy(local.client, {
      get: (target, name, receiver) =>
        name === 'send'
          ? (command: unknown) => {
              // Heads, and the versions that hold their bodies (records-bodies.ts): one each per record.
              const asked = command instanceof BatchGetCommand ? Object.values(command.input.RequestItems ?? {}).flatMap((r) => r.Keys ?? []) : [];
              keysRead += asked.filter((k) => k.sk === 'HEAD').length;
              bodiesRead += asked.filter((k) => String(k.sk).startsWith('V#')).length;
              return (target.send as (c: unknown) => Promise<unknown>)(command);
            }
          : Reflect.get(target, name, receiver),
    }) as DynamoDBDocumentClient;
    const storeOf = (journalId: string) => createOaiStore({ client: counting, tableName: local.tableName, journalId });
    const stage = stageSource([{ journal: { ...items[0]!.record.journal, id: 'testjournal' }, source: storeOf('testjournal') }, { journal: { ...items[0]!.record.journal, id: 'second' }, source: storeOf('second') }]);
    const selection = { asOf: later() };
    const expected = [...(await source.list(selection, undefined, 5000)), ...(await createOaiStore({ client: local.client, tableName: local.tableName, journalId: 'second' }).list(selection, undefined, 5000))].sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
    // Act
    const listed: OaiItem[] = [];
    let pages = 0;
    for (let page = await stage.list(selection, undefined, 100); page.length > 0; page = await stage.list(selection, positionOf(page.at(-1)!), 100)) {
      listed.push(...page);
      pages += 1;
    }
    // Assess: every record once, in position order, and about one page of records read per page (not one per journal)
    expect(listed.map((i) => i.record.article.doi)).toEqual(expected.map((i) => i.record.article.doi));
    expect(listed.length).toBeGreaterThanOrEqual(1300);
    // (each record's version by the key its index entry names: no head is read, issue 16)
    expect(keysRead + bodiesRead).toBeLessThanOrEqual(listed.length + pages * 2);
  });

  it('a stage repository lists each record once as it was when the harvest began while both journals change between pages, reading each page\'s records by key (no second query per journal)', async () => {
    // Prepare: a third journal interleaved in time with the first, and the snapshot both journals hold now
    const third = syntheticItems(150, Date.UTC(2024, 0, 1) + 700).map((item, n) => ({ ...item, record: { ...withDoi(item.record, `10.5555/third.${n}`), journal: { ...item.record.journal, id: 'third' } } }));
    await putItems(local, third);
    let queries = 0;
    const counting = new Proxy(local.client, {
      get: (target, name, receiver) =>
        name === 'send'
          ? (command: unknown) => {
              // Index queries only: a record changed since the snapshot is looked up by version on the table.
              if (command instanceof QueryCommand && command.input.IndexName !== undefined) queries += 1;
              return (target.send as (c: unknown) => Promise<unknown>)(command);
            }
          : Reflect.get(target, name, receiver),
    }) as DynamoDBDocumentClient;
    const storeOf = (journalId: string) => createOaiStore({ client: counting, tableName: local.tableName, journalId });
    const stage = stageSource(['testjournal', 'third'].map((id) => ({ journal: { ...items[0]!.record.journal, id }, source: storeOf(id) })));
    const selection = { asOf: later() };
    const plain = (id: string) => createOaiStore({ client: local.client, tableName: local.tableName, journalId: id }).list(selection, undefined, 5000);
    const snapshot = [...(await plain('testjournal')), ...(await plain('third'))].sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
    const retitled = (item: OaiItem, title: string): OaiItem => ({ ...item, changedAt: later(), record: { ...item.record, article: { ...item.record.article, titles: [{ ...item.record.article.titles[0]!, title: [title] }] } } });
    // Act: after each page, change one record of each journal that a later page lists
    const listed: OaiItem[] = [];
    let pages = 0;
    for (let page = await stage.list(selection, undefined, 100); page.length > 0; page = await stage.list(selection, positionOf(page.at(-1)!), 100)) {
      listed.push(...page);
      pages += 1;
      const ahead = snapshot.slice(listed.length + 10);
      const changes = ['testjournal', 'third'].map((id) => ahead.find((i) => i.record.journal.id === id)).filter((i): i is OaiItem => i !== undefined);
      await putItems(local, changes.map((i) => retitled(i, `changed after page ${pages}`)), 1);
    }
    // Assess: the snapshot exactly (every record once, as it was), and two index queries a journal a page (its positions, its changes since the snapshot)
    expect(listed.map((i) => i.record.article.doi)).toEqual(snapshot.map((i) => i.record.article.doi));
    expect(listed.map((i) => i.record.article.titles[0]!.title)).toEqual(snapshot.map((i) => i.record.article.titles[0]!.title));
    // (pages + 1: the last call answers the empty page after the last.)
    expect(queries).toBeLessThanOrEqual((pages + 1) * 2 * 2);
  });
});
