/**
 * `putVersion` without a transaction (issue 16), on DynamoDB Local: what it sends (requests and the
 * write units DynamoDB Local reports for them, read from each response), and what every reader sees
 * when a writer dies between the version item and the head, or loses a race after writing one.
 *
 * A crash of the Lambda between two requests is the one fault the emulator cannot produce: the
 * client below stops before a chosen request, as a killed process would (no aws-sdk-client-mock:
 * every other request goes to DynamoDB Local).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOaiStore } from '#adapters/oai-store';
import { createRecordsStore, type ArticleRecord, type RecordsStore } from '#adapters/records';
import { recordBody } from '#adapters/record-body';
import { oaiBody } from '#adapters/record-oai';
import { keys } from '#adapters/records-keys';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { startLocalRecords, type LocalRecords } from '../oai/records-table.ts';

/** A request and the write or read units DynamoDB Local reports for it: the table's, and each index's. */
type Sent = { readonly operation: string; readonly units: number; readonly table: number; readonly indexes: Readonly<Record<string, number>> };
type Consumed = { CapacityUnits?: number; Table?: { CapacityUnits?: number }; GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }> };

let local: LocalRecords;
let sent: Sent[] = [];
let records: RecordsStore;

/** A client on DynamoDB Local that logs every request and the capacity DynamoDB Local says it consumed. */
function countingClient(): DynamoDBDocumentClient {
  const raw = new DynamoDBClient({ endpoint: local.emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const all = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
      const indexes: Record<string, number> = {};
      for (const c of all) for (const [name, i] of Object.entries(c.GlobalSecondaryIndexes ?? {})) indexes[name] = (indexes[name] ?? 0) + (i.CapacityUnits ?? 0);
      sent.push({ operation: String(context.commandName).replace(/Command$/, ''), units: all.reduce((a, c) => a + (c.CapacityUnits ?? 0), 0), table: all.reduce((a, c) => a + (c.Table?.CapacityUnits ?? 0), 0), indexes });
      return out;
    },
    { step: 'initialize', name: 'countWrites' },
  );
  return DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
}

/** The records store over a client that dies (as a killed Lambda) before its `n`-th PutItem. */
function crashingStore(n: number): RecordsStore {
  const real = local.client;
  let puts = 0;
  const dying = new Proxy(real, {
    get: (target, name, receiver) =>
      name === 'send'
        ? (command: unknown) => {
            if (command instanceof PutCommand && ++puts === n) return Promise.reject(new Error('Sandbox.Timedout: Task timed out after 60 seconds'));
            return (target.send as (c: unknown) => Promise<unknown>)(command);
          }
        : Reflect.get(target, name, receiver),
  }) as DynamoDBDocumentClient;
  return createRecordsStore(dying, local.tableName);
}

const record = (doi: string, title = 'First title'): ArticleRecord => {
  const base = withDoi(recordById('a01-petrovic'), doi, doi.replace(/\W/g, '-'));
  return { ...base, article: { ...base.article, titles: [{ ...base.article.titles[0]!, title: [title] }] } } as ArticleRecord;
};
const at = (now: string, batchId = `b-${now}`) => ({ batchId, now });
const writes = (): Sent[] => sent.filter((s) => !['GetItem', 'BatchGetItem', 'Query'].includes(s.operation));

beforeAll(async () => {
  local = await startLocalRecords();
  records = createRecordsStore(countingClient(), local.tableName);
}, 180_000);
afterAll(async () => {
  await local?.stop();
});

describe('putVersion sends', () => {
  it('two conditional PutItems for a first version, and no transaction: each item billed once', async () => {
    // Prepare
    const r = record('10.5555/wire.1');
    sent = [];
    // Act
    const out = await records.putVersion(r, 'h1', at('2026-01-01T00:00:00.000Z'), { head: undefined });
    // Assess: DynamoDB bills a transaction's items twice; a PutItem once per KB of the item.
    expect(out).toEqual({ outcome: 'created', version: 1, first: true });
    const [version, head] = writes();
    expect(writes().map((s) => s.operation)).toEqual(['PutItem', 'PutItem']);
    // The version item: its compressed body and a few hundred bytes of metadata, in no index.
    const bodyKb = Buffer.byteLength(recordBody(r).recordGz) / 1024;
    expect(version!.indexes).toEqual({});
    expect(version!.units).toBe(version!.table);
    expect(version!.table).toBeGreaterThanOrEqual(Math.ceil(bodyKb));
    expect(version!.table).toBeLessThanOrEqual(Math.ceil(bodyKb) + 1);
    // The head: its metadata (~0.6 KB) and its version's OAI-PMH parts (0.84 KB for this record),
    // which only gsi2 projects (OAI lists read them from the index: oai-store.ts): two units, and
    // one in each index it enters (the issue's articles, OAI-PMH with the parts, deposits due).
    expect(Buffer.byteLength(oaiBody(r).oaiGz)).toBeLessThan(0.9 * 1024);
    expect(head).toEqual({ operation: 'PutItem', units: 5, table: 2, indexes: { gsi1: 1, gsi2: 1, gsi3: 1 } });
  });

  it('two PutItems for a changed article, none for an unchanged one', async () => {
    // Prepare
    const r = record('10.5555/wire.2');
    await records.putVersion(r, 'h1', at('2026-01-01T00:00:00.000Z'));
    const head = await records.getHead(r.article.doi);
    sent = [];
    // Act
    const unchanged = await records.putVersion(r, 'h1', at('2026-01-02T00:00:00.000Z'), { head });
    const unchangedWrites = writes().length;
    const changed = await records.putVersion(record(r.article.doi, 'Second title'), 'h2', at('2026-01-03T00:00:00.000Z'), { head });
    // Assess
    expect(unchanged.outcome).toBe('unchanged');
    expect(unchangedWrites).toBe(0);
    expect(changed).toEqual({ outcome: 'created', version: 2, first: false });
    expect(writes().map((s) => s.operation)).toEqual(['PutItem', 'PutItem']);
  });
});

describe('a writer that dies between the version item and the head', () => {
  it('leaves a first version nobody reads, and the retry publishes it', async () => {
    // Prepare
    const r = record('10.5555/crash.1');
    const oai = createOaiStore({ client: local.client, tableName: local.tableName, journalId: r.journal.id });
    // Act: the head's PutItem (the second) never leaves the dying Lambda.
    await expect(crashingStore(2).putVersion(r, 'h1', at('2026-02-01T00:00:00.000Z'))).rejects.toThrow(/write|publish/);
    const seen = { head: await records.getHead(r.article.doi), versions: await records.listVersions(r.article.doi), oai: await oai.get(r.article.doi), heads: await records.getHeads([r.article.doi]) };
    const listed = await oai.list({ asOf: '2026-02-02T00:00:00.000Z' }, undefined, 100);
    const retry = await records.putVersion(r, 'h1', at('2026-02-01T00:05:00.000Z'));
    // Assess: nothing was published, and the orphan item is there but read by no one.
    expect(seen).toEqual({ head: undefined, versions: [], oai: undefined, heads: new Map() });
    expect(listed.map((i) => i.record.article.doi)).not.toContain(r.article.doi);
    expect(retry).toEqual({ outcome: 'created', version: 2, first: true });
    const head = await records.getHead(r.article.doi);
    expect(head!.meta).toMatchObject({ version: 2, skipped: [1], createdAt: '2026-02-01T00:05:00.000Z', firstBatchId: 'b-2026-02-01T00:05:00.000Z' });
    expect(head!.record.article).toEqual(r.article);
    expect((await records.listVersions(r.article.doi)).map((v) => v.version)).toEqual([2]);
    expect((await oai.get(r.article.doi))?.changedAt).toBe('2026-02-01T00:05:00.000Z');
  });

  it('keeps the published version for every reader, OAI-PMH snapshots included, and the retry passes the orphan by', async () => {
    // Prepare: version 1 (A), then a writer of B dies after writing its version item.
    const doi = '10.5555/crash.2';
    const oai = createOaiStore({ client: local.client, tableName: local.tableName, journalId: record(doi).journal.id });
    await records.putVersion(record(doi, 'Title A'), 'hA', at('2026-03-01T00:00:00.000Z'));
    // Act
    await expect(crashingStore(2).putVersion(record(doi, 'Title B'), 'hB', at('2026-03-02T00:00:00.000Z'))).rejects.toThrow();
    const during = { head: (await records.getHead(doi))!.record.article.titles[0]!.title, versions: (await records.listVersions(doi)).map((v) => v.version) };
    const retry = await records.putVersion(record(doi, 'Title B'), 'hB', at('2026-03-03T00:00:00.000Z'));
    // A harvest that began between the crash and the retry sees the article as it was then: A.
    const snapshot = await oai.list({ asOf: '2026-03-02T12:00:00.000Z' }, undefined, 100);
    // Assess
    expect(during).toEqual({ head: ['Title A'], versions: [1] });
    expect(retry).toEqual({ outcome: 'created', version: 3, first: false });
    expect((await records.listVersions(doi)).map((v) => [v.version, v.hash])).toEqual([[1, 'hA'], [3, 'hB']]);
    expect(snapshot.filter((i) => i.record.article.doi === doi).map((i) => i.record.article.titles[0]!.title)).toEqual([['Title A']]);
    expect((await records.getHead(doi))!.meta).toMatchObject({ version: 3, skipped: [2] });
  });

  it('passes over an orphan above the head whatever wrote it, and carries the numbers passed over to later versions', async () => {
    // Prepare: an orphan at version 2 of another journal's record (a writer that lost the race for the DOI).
    const doi = '10.5555/crash.3';
    await records.putVersion(record(doi, 'Mine'), 'h1', at('2026-04-01T00:00:00.000Z'));
    const intruder = { ...record(doi, 'Not mine'), journal: { ...record(doi).journal, id: 'another-journal' } } as ArticleRecord;
    await local.client.send(new PutCommand({ TableName: local.tableName, Item: { ...keys.version(doi, 2), doi, version: 2, hash: 'hx', journalId: 'another-journal', issueId: 'x', articleId: 'x', batchId: 'x', createdAt: '2026-04-01T00:00:01.000Z', ...recordBody(intruder) } }));
    // Act
    const second = await records.putVersion(record(doi, 'Mine, revised'), 'h2', at('2026-04-02T00:00:00.000Z'));
    const third = await records.putVersion(record(doi, 'Mine, again'), 'h3', at('2026-04-03T00:00:00.000Z'));
    // Assess
    expect([second, third]).toEqual([{ outcome: 'created', version: 3, first: false }, { outcome: 'created', version: 4, first: false }]);
    expect((await records.listVersions(doi)).map((v) => [v.version, v.journalId])).toEqual([[1, record(doi).journal.id], [3, record(doi).journal.id], [4, record(doi).journal.id]]);
    expect((await records.getHead(doi))!.meta.skipped).toEqual([2]);
  });
});

describe('concurrent publishes of one article with different contents', () => {
  it('publish each number once, with its own content, and every listed version is one a head published', async () => {
    // Prepare
    const doi = '10.5555/race.1';
    const titles = ['T1', 'T2', 'T3', 'T4', 'T5'];
    // Act
    const results = await Promise.all(titles.map((t, k) => records.putVersion(record(doi, t), `h-${t}`, at(`2026-05-01T00:00:0${k}.000Z`))));
    // Assess
    const created = results.flatMap((r) => (r.outcome === 'created' ? [r.version] : []));
    expect(created).toHaveLength(titles.length);
    expect(new Set(created).size).toBe(titles.length);
    const versions = await records.listVersions(doi);
    expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
    for (const v of versions) expect((await records.getVersion(doi, v.version)).article.titles[0]!.title).toEqual([v.hash.slice(2)]);
    const head = await records.getHead(doi);
    expect(head!.meta.version).toBe(Math.max(...created));
    expect(head!.record.article.titles[0]!.title).toEqual([head!.meta.hash.slice(2)]);
  });
});

describe('the journal\'s article count (records-counter.ts)', () => {
  it('counts a batch retried after a crash half-way once, sums the batches and the old counter', async () => {
    // Prepare: a journal of its own; the old counter holds 10 (articles published before the change).
    const mine = (n: number): ArticleRecord => ({ ...record(`10.5555/count.${n}`), journal: { ...record('x').journal, id: 'counted' } }) as ArticleRecord;
    await local.client.send(new PutCommand({ TableName: local.tableName, Item: { ...keys.articleCounter('counted'), articles: 10 } }));
    const batch = at('2026-06-01T00:00:00.000Z', 'batch-1');
    // Act: the first try writes two of three articles and dies before counting; the retry writes all three and counts.
    for (const n of [1, 2]) await records.putVersion(mine(n), `h${n}`, batch);
    const retry = await Promise.all([1, 2, 3].map((n) => records.putVersion(mine(n), `h${n}`, batch)));
    await records.countFirstPublished('counted', 'batch-1', retry.filter((r) => r.outcome !== 'owned' && r.first).length);
    await records.countFirstPublished('counted', 'batch-1', retry.filter((r) => r.outcome !== 'owned' && r.first).length);
    // A later batch changes article 1 and adds article 4; a late retry of the first batch sees fewer of its own.
    const later = await Promise.all([1, 4].map((n) => records.putVersion({ ...mine(n), article: { ...mine(n).article, keywords: [{ lang: 'en', terms: ['later'] }] } }, `h${n}-later`, at('2026-06-02T00:00:00.000Z', 'batch-2'))));
    await records.countFirstPublished('counted', 'batch-2', later.filter((r) => r.outcome !== 'owned' && r.first).length);
    await records.countFirstPublished('counted', 'batch-1', 1);
    // Assess
    expect(retry.map((r) => r.outcome !== 'owned' && r.first)).toEqual([true, true, true]);
    expect(later.map((r) => r.outcome !== 'owned' && r.first)).toEqual([false, true]);
    expect(await records.countArticles('counted')).toBe(10 + 3 + 1);
    expect(await records.countArticles('never-published')).toBeUndefined();
  });
});
