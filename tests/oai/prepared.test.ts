/**
 * OAI-PMH lists served from the parts each version keeps (core/oai/prepared.ts, adapters/record-oai.ts)
 * on DynamoDB Local, written through the records store as Ingest writes them: a page is its index
 * query and one read of each record's version by key, with no head and no record body read
 * (requests and keys counted off the wire), and every response byte for byte the one rendered from
 * the records themselves (the in-memory source), for versions with, without and with stale parts.
 */
import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOaiSource } from '#adapters/oai-memory';
import { createOaiStore } from '#adapters/oai-store';
import { createVersionReader } from '#adapters/oai-versions';
import { keys } from '#adapters/records-keys';
import { PREPARED_REVISION, prepareRecord } from '#core/oai/prepared';
import { positionOf, type OaiItem, type OaiRecordSource } from '#core/oai/source';
import { stageSource } from '#core/oai/stage-source';
import { allRecords, context, repository, syntheticItems, withDoi } from '#tests/core/oai/fixtures';
import { harvest, type HarvestPage } from '#tests/core/oai/read';
import { validateXml } from '#tests/helpers/xsd';
import { putItems, startLocalRecords, type LocalRecords } from './records-table.ts';

let local: LocalRecords;
// The seed's and the fixture issue's articles (sections, languages, abstracts, relations), one withdrawn, then 250 more.
const fixtures: OaiItem[] = allRecords()
  .map((record) => ({ ...record, journal: { ...record.journal, id: 'testjournal' } }))
  .map((record, n) => ({ changedAt: new Date(Date.UTC(2023, 5, 1) + n * 1000).toISOString(), deleted: n === 2, record }));
const items = [...fixtures, ...syntheticItems(250)];

type Wire = { requests: number; heads: number; versions: number; bodies: number };
let wire: Wire = { requests: 0, heads: 0, versions: 0, bodies: 0 };
let batchGets = 0;
/** Index entries gsi2 queries read (their ScannedCount). */
let indexEntries = 0;

/** Counts what the store asks DynamoDB Local for. */
function counting(client: DynamoDBDocumentClient): DynamoDBDocumentClient {
  return new Proxy(client, {
    get: (target, name, receiver) =>
      name === 'send'
        ? (command: unknown) => {
            wire.requests += 1;
            if (command instanceof BatchGetCommand) {
              batchGets += 1;
              for (const request of Object.values(command.input.RequestItems ?? {})) {
                const asked = request.Keys ?? [];
                wire.heads += asked.filter((k) => k.sk === 'HEAD').length;
                wire.versions += asked.filter((k) => String(k.sk).startsWith('V#')).length;
                // The record's body: no projection (every attribute) or one that names it.
                const names = Object.values(request.ExpressionAttributeNames ?? {});
                if (request.ProjectionExpression === undefined || names.includes('recordGz') || /\brecordGz\b/.test(request.ProjectionExpression)) wire.bodies += asked.length;
              }
            }
            const out = (target.send as (c: unknown) => Promise<unknown>)(command);
            if (command instanceof QueryCommand && command.input.IndexName === 'gsi2') void out.then((o) => (indexEntries += (o as { ScannedCount?: number }).ScannedCount ?? 0), () => undefined);
            return out;
          }
        : Reflect.get(target, name, receiver),
  }) as DynamoDBDocumentClient;
}

const journalOf = (id: string) => ({ ...items[0]!.record.journal, id });
/** Two more journals' records (for the stage's tests), interleaved in time with the first's. */
const othersOf = (id: string): OaiItem[] => syntheticItems(150, Date.UTC(2024, 0, 1) + (id === 'second' ? 300 : 600)).map((item, n) => ({ ...item, record: { ...withDoi(item.record, `10.5555/${id}.${n}`), journal: journalOf(id) } }));

/** A whole harvest of `query` from `source`, each request at its own second (the same seconds for every source). */
async function pagesOf(source: OaiRecordSource, query: string): Promise<HarvestPage[]> {
  let time = Date.UTC(2025, 0, 1);
  return harvest(() => context(source, { now: new Date((time += 1000)).toISOString() }), query);
}

function memory(): MemoryOaiSource {
  const source = new MemoryOaiSource();
  for (const item of items) source.put(item);
  return source;
}

beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, items);
  // Two more journals, for the stage's tests (each journal's own lists do not see them)
  for (const id of ['second', 'third']) await putItems(local, othersOf(id));
}, 180_000);

afterAll(async () => {
  await local?.stop();
});

describe('OAI-PMH lists from prepared parts on DynamoDB Local', () => {
  const store = (): OaiRecordSource => createOaiStore({ client: counting(local.client), tableName: local.tableName, journalId: 'testjournal' });

  it('a ListRecords page (oai_dc) is its index query and the changed-since query, sent together: no head, no version, no record body read (gsi2 holds the parts)', async () => {
    // Act
    const perPage: Wire[] = [];
    let time = Date.UTC(2025, 0, 1);
    const source = store();
    await harvest(() => {
      wire = { requests: 0, heads: 0, versions: 0, bodies: 0 };
      return context(source, { now: new Date((time += 1000)).toISOString() });
    }, 'verb=ListRecords&metadataPrefix=oai_dc', () => void perPage.push(wire));
    // Assess: every page after the first (which also counts the list), the last one included
    const later = perPage.slice(1);
    expect(later.length).toBeGreaterThan(1);
    for (const page of later) expect(page).toEqual({ requests: 2, heads: 0, versions: 0, bodies: 0 });
  });

  it('ListIdentifiers reads no head and no record body either', async () => {
    // Act
    wire = { requests: 0, heads: 0, versions: 0, bodies: 0 };
    const pages = await pagesOf(store(), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    // Assess
    expect(pages.flatMap((p) => p.identifiers)).toHaveLength(items.length);
    expect(wire).toMatchObject({ heads: 0, versions: 0, bodies: 0 });
  });

  it('every response is byte for byte the one rendered from the records, and XSD-valid', async () => {
    for (const query of ['verb=ListRecords&metadataPrefix=oai_dc', 'verb=ListRecords&metadataPrefix=jats', 'verb=ListIdentifiers&metadataPrefix=oai_dc', 'verb=ListRecords&metadataPrefix=oai_dc&set=section', 'verb=ListRecords&metadataPrefix=oai_dc&from=2023-06-01T00:00:05Z&until=2024-01-01T00:00:30Z']) {
      // Act
      const served = await pagesOf(store(), query);
      const rendered = await pagesOf(memory(), query);
      // Assess
      expect(served.map((p) => p.xml), query).toEqual(rendered.map((p) => p.xml));
      // (a jats payload is validated against JATS by tests/core/oai/jats.test.ts: the OAI schemas do not hold it)
      if (query.includes('oai_dc')) expect(validateXml('oai', served[0]!.xml).errors, query).toEqual([]);
    }
  });

  it('versions without parts, or with parts of another revision, are rendered from their records, byte for byte the same', async () => {
    // Prepare: the seed's version (and its head) lose their parts; the next one's are of an older revision (and say something else)
    const [bare, stale] = fixtures;
    for (const key of [keys.version(bare!.record.article.doi, 1), keys.head(bare!.record.article.doi)]) await local.client.send(new UpdateCommand({ TableName: local.tableName, Key: key, UpdateExpression: 'REMOVE oaiGz' }));
    const old = { ...prepareRecord(stale!.record), revision: PREPARED_REVISION - 1, payloads: { oai_dc: '<oai_dc:dc>stale</oai_dc:dc>' } };
    for (const key of [keys.version(stale!.record.article.doi, 1), keys.head(stale!.record.article.doi)]) await local.client.send(new UpdateCommand({ TableName: local.tableName, Key: key, UpdateExpression: 'SET oaiGz = :p', ExpressionAttributeValues: { ':p': deflateRawSync(JSON.stringify(old)) } }));
    // Act
    const served = await pagesOf(store(), 'verb=ListRecords&metadataPrefix=oai_dc');
    const rendered = await pagesOf(memory(), 'verb=ListRecords&metadataPrefix=oai_dc');
    // Assess
    expect(served.map((p) => p.xml)).toEqual(rendered.map((p) => p.xml));
    expect(served[0]!.xml).not.toContain('stale');
  });

  it('heads written before they held their version\'s parts are served from the version\'s parts, read by key, byte for byte the same', async () => {
    // Prepare: the heads of the first page lose their copy (as heads Ingest wrote before this change); their versions keep theirs
    const old = fixtures.slice(2).concat(items.slice(fixtures.length, 60));
    for (const item of old) await local.client.send(new UpdateCommand({ TableName: local.tableName, Key: keys.head(item.record.article.doi), UpdateExpression: 'REMOVE oaiGz' }));
    const served: Wire[] = [];
    let time = Date.UTC(2025, 0, 1);
    const source = store();
    // Act
    const pages = await harvest(() => {
      wire = { requests: 0, heads: 0, versions: 0, bodies: 0 };
      return context(source, { now: new Date((time += 1000)).toISOString() });
    }, 'verb=ListRecords&metadataPrefix=oai_dc', () => void served.push(wire));
    const rendered = await pagesOf(memory(), 'verb=ListRecords&metadataPrefix=oai_dc');
    // Assess: the same bytes; those versions read by key, with the two without current parts (whose bodies are read too), and no head
    expect(pages.map((p) => p.xml)).toEqual(rendered.map((p) => p.xml));
    expect(served[0]).toMatchObject({ heads: 0, versions: old.length + 2 + 2, bodies: 2 });
    expect(served.slice(1)).toEqual(served.slice(1).map(() => ({ requests: 2, heads: 0, versions: 0, bodies: 0 })));
    // (the heads get their copies back, as Ingest's next version of each would write them)
    for (const item of old) {
      const version = await local.client.send(new GetCommand({ TableName: local.tableName, Key: keys.version(item.record.article.doi, 1) }));
      await local.client.send(new UpdateCommand({ TableName: local.tableName, Key: keys.head(item.record.article.doi), UpdateExpression: 'SET oaiGz = :p', ExpressionAttributeValues: { ':p': version.Item!.oaiGz } }));
    }
  });

  it('the stage repository reads a page\'s records from every journal\'s index entries, with no BatchGetItem', async () => {
    // Prepare: two more journals whose records interleave in time with the first's
    const client = counting(local.client);
    const reader = createVersionReader({ client, tableName: local.tableName });
    const stage = stageSource(['testjournal', 'second', 'third'].map((id) => ({ journal: journalOf(id), source: createOaiStore({ client, tableName: local.tableName, journalId: id, reader }) })));
    const selection = { asOf: new Date(Date.UTC(2025, 0, 1)).toISOString(), render: { metadataPrefix: 'oai_dc' } };
    batchGets = 0;
    // Act
    const perPage: number[] = [];
    let listed = 0;
    for (let page = await stage.list(selection, undefined, 101), n = 0; page.length > 0 && n < 5; page = await stage.list(selection, positionOf(page.at(-2) ?? page.at(-1)!), 101), n++) {
      perPage.push(batchGets);
      batchGets = 0;
      listed += page.length;
    }
    // Assess: 101 records a page, from three journals, with no BatchGetItem (each journal's index entries hold their records' parts),
    // but for the first page's two records without current parts (above): their versions, then their bodies
    expect(listed).toBeGreaterThan(300);
    expect(perPage).toEqual([2, ...perPage.slice(1).map(() => 0)]);
  });

  it('a stage harvest reads, after its first page, only the journals whose records may be on the page (the token says where each stands), and sends what the records render', async () => {
    // Prepare: the stage over the three journals above, and over their records in memory
    const ids = ['testjournal', 'second', 'third'];
    const client = counting(local.client);
    const reader = createVersionReader({ client, tableName: local.tableName });
    const stored = stageSource(ids.map((id) => ({ journal: journalOf(id), source: createOaiStore({ client, tableName: local.tableName, journalId: id, reader }) })));
    const inMemory = stageSource(ids.map((id) => {
      const source = new MemoryOaiSource();
      for (const item of id === 'testjournal' ? items : othersOf(id)) source.put(item);
      return { journal: journalOf(id), source };
    }));
    const stage = { repository: repository({ stageWide: true }) };
    const perPage: { requests: number; entries: number }[] = [];
    let time = Date.UTC(2025, 0, 1);
    // Act
    const served = await harvest(() => {
      wire = { requests: 0, heads: 0, versions: 0, bodies: 0 };
      indexEntries = 0;
      return context(stored, { ...stage, now: new Date((time += 1000)).toISOString() });
    }, 'verb=ListRecords&metadataPrefix=oai_dc', () => void perPage.push({ requests: wire.requests, entries: indexEntries }));
    time = Date.UTC(2025, 0, 1);
    const rendered = await harvest(() => context(inMemory, { ...stage, now: new Date((time += 1000)).toISOString() }), 'verb=ListRecords&metadataPrefix=oai_dc');
    // Assess: the same records and bytes but for the tokens (which carry the journals' positions).
    // Where the three journals' records interleave, each journal reads a little more than its share
    // of a page, not 101 entries each (303 before); the last page, of the first journal's records
    // alone, reads that journal only (its positions and its changed-since query: 6 requests before)
    const untokened = (xml: string) => xml.replace(/(<resumptionToken[^>]*>)[^<]+(<\/resumptionToken>)/, '$1$2').replace(/resumptionToken="[^"]+"/, 'resumptionToken=""');
    expect(served.map((p) => untokened(p.xml))).toEqual(rendered.map((p) => untokened(p.xml)));
    expect(served.flatMap((p) => p.identifiers)).toHaveLength(items.length + 300);
    expect(perPage.length).toBeGreaterThan(4);
    expect(perPage[0]).toEqual({ requests: expect.any(Number) as number, entries: 3 * 101 });
    for (const page of perPage.slice(1)) expect(page.entries).toBeLessThanOrEqual(2 * 101);
    expect(perPage.at(-1)!.requests).toBe(2);
  });

  it('gsi2 names each head\'s version and holds its parts, so a list needs no head and no version', async () => {
    // Act
    const out = await local.client.send(new QueryCommand({ TableName: local.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': 'OAI#testjournal' }, Limit: 64 }));
    // Assess: the parts are the version's, byte for byte (the first 60 heads lost or spoiled theirs above)
    expect(new Set(out.Items!.map((i) => i.version))).toEqual(new Set([1]));
    for (const entry of out.Items!.slice(60)) {
      const version = await local.client.send(new GetCommand({ TableName: local.tableName, Key: { pk: entry.pk, sk: keys.version('', 1).sk } }));
      expect(Buffer.from(entry.oaiGz as Uint8Array)).toEqual(Buffer.from(version.Item!.oaiGz as Uint8Array));
    }
  });
});
