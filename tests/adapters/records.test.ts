/** The records store against DynamoDB Local, on the table the synthesized template defines. */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJournal, MODEL_LIMITS, recordBytes, type Article, type IssueBundle } from '#core/model/index';
import { recordHash } from '#adapters/content-hash';
import { createRecordsStore, type ArticleRecord, type RecordsStore } from '#adapters/records';
import { recordBody } from '#adapters/record-body';
import { createOaiStore } from '#adapters/oai-store';
import { RecordCorruptError } from '#adapters/errors';
import { DEPOSIT_DUE, DEPOSIT_DUE_SHARDS, depositDueShard } from '#adapters/records-keys';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources } from '../integration/fixtures.ts';
import { articleSources, withAbstract } from '#tests/helpers/article-sources';

let stage: TestStage;
let records: RecordsStore;
let bundle: IssueBundle;
beforeAll(async () => {
  stage = await startTestStage();
  records = createRecordsStore(stage.stack.clients.documents, stage.stack.table('RecordsTable'));
  const loaded = loadJournal(fixtureSources()[0]!);
  if (!loaded.ok) throw new Error('fixture does not load');
  bundle = loaded.bundles[0]!;
});
afterAll(() => stage.stop());

const recordOf = (article: Article): ArticleRecord => ({ journal: bundle.journal, issue: bundle.issue, article });
const at = (now: string) => ({ batchId: `b-${now}`, now });

describe('putVersion', () => {
  it('writes version 1, then nothing for the same hash, then version 2 for a new one', async () => {
    // Prepare
    const article = bundle.articles[0]!;
    const changed: Article = { ...article, keywords: [{ lang: 'en', terms: ['changed'] }] };

    // Act
    const first = await records.putVersion(recordOf(article), recordHash(recordOf(article)), at('2025-01-01T00:00:00.000Z'));
    const again = await records.putVersion(recordOf(article), recordHash(recordOf(article)), at('2025-01-02T00:00:00.000Z'));
    const second = await records.putVersion(recordOf(changed), recordHash(recordOf(changed)), at('2025-01-03T00:00:00.000Z'));

    // Assess
    expect(first).toEqual({ outcome: 'created', version: 1, first: true });
    expect(again).toMatchObject({ outcome: 'unchanged', version: 1, render: { status: 'pending', version: 1 }, first: false });
    expect(second).toEqual({ outcome: 'created', version: 2, first: false });
    expect((await records.listVersions(article.doi)).map((v) => [v.version, v.createdAt])).toEqual([
      [1, '2025-01-01T00:00:00.000Z'],
      [2, '2025-01-03T00:00:00.000Z'],
    ]);
    expect((await records.getVersion(article.doi, 1)).article).toEqual(article);
    expect((await records.getHead(article.doi))!.record.article).toEqual(changed);
  });

  it('after losing the race for the head, reads it again and writes a version of its own; the lost try\'s item is never listed', async () => {
    // Prepare: the caller read no head, and another writer published the article meanwhile.
    const article = bundle.articles[2]!;
    const other: Article = { ...article, keywords: [{ lang: 'en', terms: ['first'] }] };
    await records.putVersion(recordOf(other), recordHash(recordOf(other)), at('2025-03-01T00:00:00.000Z'));

    // Act
    const result = await records.putVersion(recordOf(article), recordHash(recordOf(article)), at('2025-03-01T00:00:01.000Z'), { head: undefined });

    // Assess: version 2 was the lost try's (its head Put found a head); version 3 is published.
    expect(result).toEqual({ outcome: 'created', version: 3, first: false });
    expect((await records.listVersions(article.doi)).map((v) => v.version)).toEqual([1, 3]);
    expect((await records.getHead(article.doi))!.meta).toMatchObject({ version: 3, skipped: [2] });
    expect((await records.getHead(article.doi))!.record.article).toEqual(article);
  });

  it('writes exactly one version when the same change is stored concurrently', async () => {
    // Prepare
    const article = bundle.articles[1]!;
    const hash = recordHash(recordOf(article));

    // Act
    const results = await Promise.all(Array.from({ length: 5 }, (_, k) => records.putVersion(recordOf(article), hash, at(`2025-02-0${k + 1}T00:00:00.000Z`))));

    // Assess: one writer publishes; the others find the change stored. Its number is 1 unless a
    // writer that lost the race for version 1 moved the head first (then 2, with 1 skipped:
    // putVersion writes no transaction, see records-articles.ts), so the test takes either.
    const created = results.filter((r) => r.outcome === 'created');
    expect(created).toEqual([{ outcome: 'created', version: expect.any(Number), first: true }]);
    expect(results.filter((r) => r.outcome === 'unchanged')).toHaveLength(4);
    const versions = await records.listVersions(article.doi);
    expect(versions.map((v) => [v.version, v.hash])).toEqual([[created[0]!.version, hash]]);
    expect((await records.getHead(article.doi))?.meta.version).toBe(created[0]!.version);
  });
});

describe('DOI ownership', () => {
  const other = (article: Article, issueId: string, journalId = bundle.journal.id): ArticleRecord => ({
    journal: { ...bundle.journal, id: journalId },
    issue: { ...bundle.issue, id: issueId },
    article: { ...article, titles: [{ ...article.titles[0], title: ['taken over'] }] },
  });
  // An issue of its own, so the index tests below see only the fixture's articles.
  const home = (article: Article): ArticleRecord => ({ journal: bundle.journal, issue: { ...bundle.issue, id: 'owned-home' }, article });

  it('refuses a version from another issue or journal by the write condition, even when the caller read no head (a concurrent first publish)', async () => {
    // Prepare: the DOI is published, then two writers that saw no head yet try to take it.
    const article: Article = { ...bundle.articles[0]!, doi: '10.5555/owned.1' };
    await records.putVersion(home(article), recordHash(home(article)), at('2025-03-01T00:00:00.000Z'));

    // Act
    const otherIssue = await records.putVersion(other(article, 'another-issue'), 'h1', at('2025-03-02T00:00:00.000Z'), { head: undefined });
    const otherJournal = await records.putVersion(other(article, 'owned-home', 'another-journal'), 'h2', at('2025-03-03T00:00:00.000Z'), { head: undefined });

    // Assess
    const owner = { journalId: bundle.journal.id, issueId: 'owned-home', articleId: article.id, version: 1 };
    expect(otherIssue).toEqual({ outcome: 'owned', owner });
    expect(otherJournal).toEqual({ outcome: 'owned', owner });
    expect(await records.listVersions(article.doi)).toHaveLength(1);
  });

  it('lets another issue take the DOI only after a logged move to that issue', async () => {
    // Prepare
    const article: Article = { ...bundle.articles[0]!, doi: '10.5555/owned.2' };
    await records.putVersion(home(article), recordHash(home(article)), at('2025-03-01T00:00:00.000Z'));

    // Act
    const wrongIssue = await records.authoriseMove(article.doi, { journalId: bundle.journal.id, issueId: 'elsewhere', by: 'ed', at: '2025-03-04T00:00:00.000Z' });
    const stillOwned = await records.putVersion(other(article, 'new-home'), 'h3', at('2025-03-05T00:00:00.000Z'));
    const move = await records.authoriseMove(article.doi, { journalId: bundle.journal.id, issueId: 'new-home', by: 'ed', at: '2025-03-06T00:00:00.000Z', reason: 'moved' });
    const moved = await records.putVersion(other(article, 'new-home'), 'h3', at('2025-03-07T00:00:00.000Z'));
    const back = await records.putVersion(home(article), 'h4', at('2025-03-08T00:00:00.000Z'));

    // Assess
    expect(wrongIssue.ok).toBe(true);
    expect(stillOwned.outcome).toBe('owned');
    expect(move).toEqual({ ok: true, from: { journalId: bundle.journal.id, issueId: 'owned-home' } });
    expect(moved).toEqual({ outcome: 'created', version: 2, first: false });
    expect(back.outcome).toBe('owned');
    expect((await records.getHead(article.doi))!.meta).toMatchObject({ issueId: 'new-home', movedFrom: { issueId: 'owned-home' } });
    expect((await records.listMoves(article.doi)).map((m) => m.to.issueId)).toEqual(['elsewhere', 'new-home']);
  });
});

describe('render and deposit state', () => {
  it('records a render only for the current version', async () => {
    // Prepare
    const doi = bundle.articles[0]!.doi;

    // Act
    const stale = await records.markRendered(doi, 1, { 'doi/x/index.html': 'abc' }, '2025-03-01T00:00:00.000Z');
    const current = await records.markRendered(doi, 2, { 'doi/x/index.html': 'def' }, '2025-03-01T00:00:00.000Z');

    // Assess
    expect([stale, current]).toEqual([false, true]);
    expect((await records.getHead(doi))!.meta.render).toEqual({ status: 'done', version: 2, at: '2025-03-01T00:00:00.000Z', artifacts: { 'doi/x/index.html': 'def' } });
  });

  it('lists deposits due until the current version is deposited', async () => {
    // Prepare
    const doi = bundle.articles[0]!.doi;
    const due = (await records.depositsDue()).map((s) => s.meta.doi);

    // Act
    const stale = await records.markDeposited(doi, 1, '2025-03-02T00:00:00.000Z');
    const done = await records.markDeposited(doi, 2, '2025-03-02T00:00:00.000Z');

    // Assess
    expect(due).toContain(doi);
    expect([stale, done]).toEqual([false, true]);
    expect((await records.depositsDue()).map((s) => s.meta.doi)).not.toContain(doi);
  });
});

describe('deposits due in shards (issue 16)', () => {
  it('spreads the deposits due over the gsi3 shards and lists them from every shard, oldest first, with those written before the split', async () => {
    // Prepare: 24 new articles, one each second; one more head moved into the single partition of before
    const made = Array.from({ length: 24 }, (_, n) => ({ ...bundle.articles[0]!, id: `a7${String(n).padStart(2, '0')}-shard`, doi: `10.5555/shard.${n}` }));
    const issue = { ...bundle.issue, id: 'shards' };
    for (const [n, article] of made.entries()) {
      const record: ArticleRecord = { journal: bundle.journal, issue, article };
      await records.putVersion(record, recordHash(record), at(`2031-01-01T00:00:${String(n).padStart(2, '0')}.000Z`));
    }
    const legacy = made[5]!.doi;
    await stage.stack.clients.documents.send(new UpdateCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${legacy}`, sk: 'HEAD' }, UpdateExpression: 'SET gsi3pk = :p', ExpressionAttributeValues: { ':p': DEPOSIT_DUE } }));

    // Act
    const partitions = new Map<string, number>();
    for (const article of made) {
      const found = await stage.stack.clients.documents.send(new GetCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${article.doi}`, sk: 'HEAD' }, ProjectionExpression: 'gsi3pk' }));
      const partition = String(found.Item!.gsi3pk);
      partitions.set(partition, (partitions.get(partition) ?? 0) + 1);
    }
    const due = (await records.depositsDue()).map((s) => s.meta.doi).filter((doi) => doi.startsWith('10.5555/shard.'));

    // Assess: several partitions, none holding most of them; every one listed once, in the order written
    expect(partitions.size).toBeGreaterThan(DEPOSIT_DUE_SHARDS / 2);
    expect(Math.max(...partitions.values())).toBeLessThan(made.length / 2);
    expect(due).toEqual(made.map((a) => a.doi));
    for (const article of made) await records.markDeposited(article.doi, 1, '2031-01-02T00:00:00.000Z');
    expect((await records.depositsDue()).filter((s) => s.meta.doi.startsWith('10.5555/shard.'))).toEqual([]);
  });
});

describe('indexes', () => {
  it('lists the articles of an issue and the changes in a date range', async () => {
    // Act
    const articles = await records.listIssueArticles(bundle.journal.id, bundle.issue.id);
    const changes = await records.changedSince(bundle.journal.id, '2025-01-03', '2025-01-31');

    // Assess
    // The table lists by article id; the issue's order is core/model/order.ts's business.
    expect(articles.map((a) => a.meta.articleId)).toEqual(bundle.articles.slice(0, 3).map((a) => a.id).sort());
    expect(articles.map((a) => a.meta.articleId).slice(0, 2)).toEqual(['a01-petrovic', 'a02-mueller']);
    expect(changes.map((c) => [c.meta.doi, c.meta.createdAt])).toEqual([[bundle.articles[0]!.doi, '2025-01-03T00:00:00.000Z']]);
  });

  it('keeps journals, issues and problems, writing them only when their hash changes', async () => {
    // Act
    const firstJournal = await records.putJournal(bundle.journal, 'h1', '2025-04-01T00:00:00.000Z');
    const sameJournal = await records.putJournal(bundle.journal, 'h1', '2025-04-02T00:00:00.000Z');
    const issue = await records.putIssue(bundle.journal, bundle.issue, 'i1', at('2025-04-01T00:00:00.000Z'));
    await records.putProblems({ journalId: 'testjournal', issueId: 'x', batchId: 'b', at: 'now', problems: [{ file: 'f.yaml', path: ['doi'], message: 'bad' }] });

    // Assess
    expect([firstJournal, sameJournal, issue]).toEqual([true, false, true]);
    expect((await records.getJournal('testjournal'))!.updatedAt).toBe('2025-04-01T00:00:00.000Z');
    expect((await records.listJournals()).map((j) => j.journal.id)).toEqual(['testjournal']);
    expect((await records.listIssues('testjournal')).map((i) => i.issue.id)).toEqual([bundle.issue.id]);
    expect((await records.getProblems('testjournal', 'x'))!.problems).toEqual([{ file: 'f.yaml', path: ['doi'], message: 'bad' }]);
    await records.putProblems({ journalId: 'testjournal', issueId: 'x', batchId: 'd', at: 'now', problems: [{ file: 'crossref/invalid/a.xml', path: [], message: 'bad' }] }, 'deposit');
    await records.clearProblems('testjournal', 'x');
    expect(await records.getProblems('testjournal', 'x')).toBeUndefined();
    // An upload that loads clears its own problems, never the deposit file's (and the other way round).
    expect((await records.getProblems('testjournal', 'x', 'deposit'))?.batchId).toBe('d');
    await records.clearProblems('testjournal', 'x', 'deposit');
    expect(await records.getProblems('testjournal', 'x', 'deposit')).toBeUndefined();
  });
});

describe('index projections (issue 16)', () => {
  const keyNames = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];
  const indexed = async (index: string, partition: string): Promise<Record<string, unknown>[]> =>
    (await stage.stack.clients.documents.send(new QueryCommand({ TableName: stage.stack.table('RecordsTable'), IndexName: index, KeyConditionExpression: `${index}pk = :p`, ExpressionAttributeValues: { ':p': partition } }))).Items ?? [];

  it('keeps no record body, render or deposit state in any index, only keys and what the lists read there', async () => {
    // Prepare: rendered heads of the fixture's issue, one of them due for deposit
    const doi = bundle.articles[1]!.doi;
    const head = (await records.getHead(doi))!;
    await records.markRendered(doi, head.meta.version, { 'doi/x/index.html': 'abc' }, '2025-05-01T00:00:00.000Z');

    // Act
    const byIndex = {
      gsi1: await indexed('gsi1', `ISSUE#${bundle.journal.id}#${bundle.issue.id}`),
      gsi2: await indexed('gsi2', `OAI#${bundle.journal.id}`),
      gsi3: await indexed('gsi3', depositDueShard(doi)),
    };

    // Assess: written out here (not read from the construct), so that a projection that grows must change this test
    const allowed = { gsi1: ['doi', 'createdAt', 'withdrawn', 'scheduledFor'], gsi2: ['createdAt', 'releasedAt', 'version', 'withdrawn', 'oaiGz'], gsi3: [] as string[] };
    for (const [index, items] of Object.entries(byIndex)) {
      expect(items.length, index).toBeGreaterThan(0);
      const extra = new Set(items.flatMap((item) => Object.keys(item)).filter((name) => !keyNames.includes(name) && !allowed[index as keyof typeof allowed].includes(name)));
      expect([...extra], index).toEqual([]);
    }
  });

  it('lists an issue\'s DOIs and change dates from gsi1 alone, and still reads render and deposit state and whole records by key', async () => {
    // Act
    const dates = await records.listIssueArticleDates(bundle.journal.id, bundle.issue.id);
    const meta = await records.listIssueArticleMeta(bundle.journal.id, bundle.issue.id);
    const stored = await records.listIssueArticles(bundle.journal.id, bundle.issue.id);

    // Assess
    const heads = await records.getHeads(stored.map((s) => s.meta.doi));
    expect(dates).toEqual(stored.map((s) => ({ doi: s.meta.doi, createdAt: s.meta.createdAt })));
    expect(meta).toEqual(stored.map((s) => s.meta));
    expect(stored).toEqual(stored.map((s) => heads.get(s.meta.doi.toLowerCase())));
    expect(meta.find((m) => m.doi === bundle.articles[1]!.doi)?.render).toMatchObject({ status: 'done', artifacts: { 'doi/x/index.html': 'abc' } });
  });
});

describe('heads without the record body (issue 16)', () => {
  const raw = async (sk: string, doi: string): Promise<Record<string, unknown> | undefined> =>
    (await stage.stack.clients.documents.send(new GetCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${doi.toLowerCase()}`, sk }, ConsistentRead: true }))).Item;

  it('writes the body once, in the version; the head names the version, and every reader reads the record from it', async () => {
    // Prepare: a new article of its own issue, so the other tests' articles do not matter
    const base = bundle.articles[0]!;
    const article: Article = { ...base, id: 'a90-bodies', doi: '10.5555/Bodies.1', keywords: [{ lang: 'en', terms: ['bodies'] }] };
    const issue = { ...bundle.issue, id: 'bodies-issue' };
    const record: ArticleRecord = { journal: bundle.journal, issue, article };

    // Act
    await records.putVersion(record, recordHash(record), at('2030-01-01T00:00:00.000Z'));
    const head = await raw('HEAD', article.doi);
    const version = await raw('V#000001', article.doi);

    // Assess: the head is small, and the version holds the record
    expect(Object.keys(head!).filter((name) => name === 'recordGz' || name === 'record')).toEqual([]);
    expect(version!.recordGz).toBeInstanceOf(Uint8Array);
    expect((await records.getHead(article.doi))!.record).toEqual(record);
    expect((await records.getHeads([article.doi])).get(article.doi.toLowerCase())!.record).toEqual(record);
    expect((await records.listIssueArticles(bundle.journal.id, issue.id)).map((s) => s.record)).toEqual([record]);
    expect((await records.changedSince(bundle.journal.id, '2030-01-01', '2030-01-01')).map((s) => s.record)).toEqual([record]);
    expect((await records.depositsDue()).find((s) => s.meta.doi === article.doi)!.record).toEqual(record);
    const oai = createOaiStore({ client: stage.stack.clients.documents, tableName: stage.stack.table('RecordsTable'), journalId: bundle.journal.id });
    expect((await oai.get(article.doi))!.record).toEqual(record);
    const listed = await oai.list({ asOf: '2030-01-02T00:00:00.000Z', from: '2030-01-01T00:00:00Z' }, undefined, 10);
    expect(listed.map((i) => i.record)).toEqual([record]);
  });

  it('still reads a head written before (holding its own body), and names a head whose version is missing', async () => {
    // Prepare: the old shape, a head with its body; and a head whose version item was lost
    const old = { ...bundle.articles[0]!, id: 'a91-old', doi: '10.5555/Bodies.Old' };
    const oldRecord: ArticleRecord = { journal: bundle.journal, issue: { ...bundle.issue, id: 'bodies-old' }, article: old };
    await records.putVersion(oldRecord, recordHash(oldRecord), at('2030-02-01T00:00:00.000Z'));
    await stage.stack.clients.documents.send(new PutCommand({ TableName: stage.stack.table('RecordsTable'), Item: { ...(await raw('HEAD', old.doi)), ...recordBody(oldRecord) } }));
    await stage.stack.clients.documents.send(new DeleteCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${old.doi.toLowerCase()}`, sk: 'V#000001' } }));
    const lost = { ...bundle.articles[0]!, id: 'a92-lost', doi: '10.5555/Bodies.Lost' };
    const lostRecord: ArticleRecord = { journal: bundle.journal, issue: { ...bundle.issue, id: 'bodies-lost' }, article: lost };
    await records.putVersion(lostRecord, recordHash(lostRecord), at('2030-02-01T00:00:00.000Z'));
    await stage.stack.clients.documents.send(new DeleteCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${lost.doi.toLowerCase()}`, sk: 'V#000001' } }));

    // Act
    const read = await records.getHead(old.doi);
    const failure = await records.getHead(lost.doi).catch((error: unknown) => error);

    // Assess
    expect(read!.record).toEqual(oldRecord);
    expect(failure).toBeInstanceOf(RecordCorruptError);
    expect(String(failure)).toMatch(/10\.5555\/Bodies\.Lost.*version 1/);
    await records.markDeposited(old.doi, 1, '2030-02-02T00:00:00.000Z');
    await records.markDeposited(lost.doi, 1, '2030-02-02T00:00:00.000Z');
  });
});

describe('getHeads', () => {
  it('reads the heads of several articles at once, keyed by lower-case DOI, leaving out those without one', async () => {
    // Prepare
    const [stored, other] = [bundle.articles[0]!, bundle.articles[1]!];
    await records.putVersion(recordOf(stored), recordHash(recordOf(stored)), at('2025-04-01T00:00:00.000Z'));
    await records.putVersion(recordOf(other), recordHash(recordOf(other)), at('2025-04-01T00:00:00.000Z'));

    // Act
    const heads = await records.getHeads([stored.doi.toUpperCase(), other.doi, stored.doi, '10.5555/never-stored']);

    // Assess
    expect([...heads.keys()].sort()).toEqual([stored.doi.toLowerCase(), other.doi.toLowerCase()].sort());
    expect(heads.get(stored.doi.toLowerCase())).toEqual(await records.getHead(stored.doi));
  });
});

describe('the model\'s record size limit (issue 12, Medium 5)', () => {
  it('stores the largest article validate accepts, with its render state and a long failure reason, on DynamoDB Local', async () => {
    // Prepare: the largest abstract the model accepts (core/model/limits.ts).
    const base = loadJournal(articleSources(withAbstract(1)));
    if (!base.ok) throw new Error('the base article loads');
    const { journal, issue, articles } = base.bundles[0]!;
    const loaded = loadJournal(articleSources(withAbstract(MODEL_LIMITS.recordBytes - recordBytes(journal, issue, articles[0]!) + 1)));
    if (!loaded.ok) throw new Error('the largest accepted article loads');
    const big = loaded.bundles[0]!;
    const record: ArticleRecord = { journal: big.journal, issue: big.issue, article: big.articles[0]! };
    const artifacts = Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`doi/${record.article.doi}/file-${k}.pdf`, 'f'.repeat(64)]));
    // Act
    const put = await records.putVersion(record, recordHash(record), at('2025-06-01T00:00:00.000Z'));
    const rendered = await records.markRendered(record.article.doi, 1, artifacts, '2025-06-01T00:01:00.000Z');
    const changed = { ...record, article: { ...record.article, keywords: [{ lang: 'en', terms: ['v2'] }] } };
    const second = await records.putVersion(changed, recordHash(changed), at('2025-06-02T00:00:00.000Z'));
    const failed = await records.markRenderFailed(record.article.doi, 2, 'e'.repeat(2000), 1, '2025-06-02T00:01:00.000Z');
    // Assess
    expect(put).toEqual({ outcome: 'created', version: 1, first: true });
    expect(rendered).toBe(true);
    expect(second).toEqual({ outcome: 'created', version: 2, first: false });
    expect(failed).toBe(true);
    expect((await records.getHead(record.article.doi))!.record.article).toEqual(changed.article);
  });
});
