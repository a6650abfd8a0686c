/**
 * Article records: immutable versions and the head that points at the current one, with its
 * render and deposit state. See records-keys.ts for the key design.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCitations } from '#core/cite/index';
import type { Article, Issue, Journal } from '#core/model/index';
import { RecordCorruptError, RecordNotFoundError, RecordsError } from './errors.ts';
import { readRecordBody, RECORD_BODY_ATTRIBUTES, recordBody } from './record-body.ts';
import { CITATIONS_ATTRIBUTE, citationsBody, readCitations } from './record-citations.ts';
import { OAI_ATTRIBUTE, oaiBody } from './record-oai.ts';
import { withBodies, withBody } from './records-bodies.ts';
import { committed, DEPOSIT_DUE_PARTITIONS, INDEX, keys } from './records-keys.ts';
import { mayWrite, sameOwner, type MoveAuthorisation, type Owner } from './records-owner.ts';
import { attempt, batchGetAll, lostCondition, queryAll, queryThenGet, stillIndexed, type Item, type RecordsTable } from './records-table.ts';

/** What one article's outputs are made from: the article with the issue and journal it appears in. */
export type ArticleRecord = { readonly journal: Journal; readonly issue: Issue; readonly article: Article };

export type RenderState =
  | { readonly status: 'pending'; readonly version: number }
  | { readonly status: 'done'; readonly version: number; readonly at: string; readonly artifacts: Readonly<Record<string, string>> }
  | { readonly status: 'failed'; readonly version: number; readonly at: string; readonly reason: string; readonly attempt: number };

export type VersionMeta = {
  readonly doi: string;
  readonly version: number;
  readonly hash: string;
  readonly journalId: string;
  readonly issueId: string;
  readonly articleId: string;
  readonly batchId: string;
  /** When this version was written: the datestamp OAI-PMH reports and the renderers' timestamp. */
  readonly createdAt: string;
  /** This version withdraws the article (core/model/withdrawal.ts). */
  readonly withdrawn?: true;
};

export type Head = VersionMeta & {
  readonly render: RenderState;
  /** Version numbers below this one that were never published: orphans `putVersion` passed over (see `committed`). */
  readonly skipped?: readonly number[];
  /** The batch that published the article's first version (absent on heads written before issue 16's change): Ingest counts new articles by it. */
  readonly firstBatchId?: string;
  readonly deposit?: { readonly status: 'due' | 'done'; readonly version: number; readonly at?: string };
  readonly moveTo?: MoveAuthorisation;
  /** The issue this version moved from (its table of contents must drop the article). */
  readonly movedFrom?: Owner;
  /**
   * Held back until this instant (its online date is in the future): no page, no OAI-PMH record, no
   * sitemap entry, no deposit, until the scheduled release (records-schedule.ts) removes it.
   */
  readonly scheduledFor?: string;
};
/** `citations`: How to Cite kept with the current version, when it was stored with them (record-citations.ts). */
export type Stored = { readonly meta: Head; readonly record: ArticleRecord; readonly citations?: StoredCitations };

export type PutVersionResult =
  /** `first`: the article's first version was published by this batch (this call, or an earlier try of the same batch). */
  | { readonly outcome: 'created'; readonly version: number; readonly first: boolean }
  | { readonly outcome: 'unchanged'; readonly version: number; readonly render: RenderState; readonly first: boolean }
  /** Another issue (or journal) owns the DOI: nothing was written. */
  | { readonly outcome: 'owned'; readonly owner: Owner & { readonly articleId: string; readonly version: number } };


const MAX_RACES = 5;
/** The first pause after a lost race, doubled each time (at most ~0.3 s in all). */
const RACE_PAUSE_MS = 20;
/**
 * Version numbers one attempt passes over because their item exists already (each an orphan: a
 * writer that crashed, or lost the head's race, after writing it) before it gives up.
 */
const MAX_SKIPS = 20;

/**
 * Writes a new version only when `hash` differs from the head's; safe to retry and to run
 * concurrently. `known` is the head as read just before (see `getHeads`), saving one read; after
 * a lost race the head is read again.
 *
 * A DOI belongs to the journal and issue that first wrote it: a record of another issue or
 * journal (a copied file, two journals sharing a prefix) gets `owned` and writes nothing, unless
 * staff authorised the move (`authoriseMove`). Ownership is part of the write's condition, not only
 * of the read before it, so no concurrent writer can take a DOI over between the two.
 *
 * Two single-item conditional writes, no transaction (issue 16: TransactWriteItems bills every item
 * twice, and the version item is most of an article's write units):
 * 1. the version item `V#<n>`, only if no item has that key (`attribute_not_exists`). An item there
 *    already was written by a writer that has not moved the head to it: one still in flight, or
 *    one that crashed or lost the race. Either way the number is not ours: it is passed over (kept
 *    in the head's `skipped`) and the next one tried; nothing is ever overwritten.
 * 2. the head, only if it is still the one read (its `version` and owner) or, for a first
 *    version, if there is none. Only then is the version published: a reader finds bodies through
 *    the head, and lists versions through `committed` (the head's version and `skipped`), so an
 *    orphan of step 1 is never read, whoever wrote it. A lost race leaves one orphan and starts
 *    again from a fresh read of the head.
 * So a crash between the two writes changes nothing any reader sees, and a retry writes the version
 * afresh (with its own time: an OAI-PMH datestamp is never earlier than the write that publishes it).
 */
export async function putVersion(
  table: RecordsTable,
  record: ArticleRecord,
  hash: string,
  at: { readonly batchId: string; readonly now: string },
  known?: { readonly head: Stored | undefined },
  /** Hold the new version until this instant (records-schedule.ts): it gets no OAI-PMH or deposit index until then. */
  scheduledFor?: string,
  /** The article's How to Cite, kept with the new version (record-citations.ts). */
  citations?: StoredCitations,
): Promise<PutVersionResult> {
  const { doi } = record.article;
  // oaiGz: the OAI-PMH record's parts, made once here instead of on every harvest (record-oai.ts).
  const prepared = oaiBody(record);
  const body = { ...recordBody(record), ...(citations === undefined ? {} : citationsBody(citations)), ...prepared };
  for (let race = 0; race < MAX_RACES; race++) {
    const head = race === 0 && known ? known.head : await getHead(table, doi);
    if (head && !mayWrite(head.meta, { journalId: record.journal.id, issueId: record.issue.id })) return { outcome: 'owned', owner: { journalId: head.meta.journalId, issueId: head.meta.issueId, articleId: head.meta.articleId, version: head.meta.version } };
    if (head?.meta.hash === hash) return { outcome: 'unchanged', version: head.meta.version, render: head.meta.render, first: head.meta.firstBatchId === at.batchId };
    const moved = head && !sameOwner(head.meta, { journalId: record.journal.id, issueId: record.issue.id }) ? { movedFrom: { journalId: head.meta.journalId, issueId: head.meta.issueId } } : {};
    // A withdrawn article stays, as a tombstone OAI-PMH lists with status="deleted" (oai-store.ts reads `withdrawn`).
    const metaAt = (version: number): VersionMeta => ({ doi, version, hash, journalId: record.journal.id, issueId: record.issue.id, articleId: record.article.id, batchId: at.batchId, createdAt: at.now, ...(record.article.withdrawn === undefined ? {} : { withdrawn: true }) });
    const skipped = [...(head?.meta.skipped ?? [])];
    let version = (head?.meta.version ?? 0) + 1;
    for (;;) {
      const item = { ...keys.version(doi, version), ...metaAt(version), ...body };
      try {
        await attempt(`write version ${version} of ${doi}`, () => table.client.send(new PutCommand({ TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' })));
        break;
      } catch (error) {
        if (!lostCondition(error)) throw error;
        if (skipped.length - (head?.meta.skipped?.length ?? 0) >= MAX_SKIPS) throw new RecordsError(`records table: ${doi} has ${MAX_SKIPS} unpublished versions after version ${head?.meta.version ?? 0}; gave up`);
        skipped.push(version);
        version += 1;
      }
    }
    const meta = metaAt(version);
    // The head names its version and holds no body: the version item does (records-bodies.ts).
    // It does hold the version's OAI-PMH parts (~1 KB), which gsi2 projects: a harvest's page is
    // then its index query alone, with no read of the versions it lists (oai-store.ts, issue 16).
    const headItem: Item = {
      ...keys.head(doi),
      ...meta,
      ...prepared,
      render: { status: 'pending', version } satisfies RenderState,
      deposit: { status: 'due', version },
      ...moved,
      ...(skipped.length === 0 ? {} : { skipped }),
      // The batch that published the article first: Ingest counts the journal's articles by it (records-counter.ts).
      ...(head === undefined ? { firstBatchId: at.batchId } : head.meta.firstBatchId === undefined ? {} : { firstBatchId: head.meta.firstBatchId }),
      ...keys.articleIndex(meta.journalId, meta.issueId, meta.articleId),
      ...(scheduledFor === undefined ? { ...keys.oaiIndex(meta.journalId, at.now, doi), ...keys.depositIndex(at.now, doi) } : { scheduledFor, ...keys.scheduledIndex(scheduledFor, doi) }),
    };
    try {
      await attempt(`publish version ${version} of ${doi}`, () =>
        table.client.send(
          new PutCommand({
            TableName: table.tableName,
            Item: headItem,
            ...(head
              ? {
                  // Unchanged since read, and still this issue's (or moving to it by a logged staff decision).
                  ConditionExpression: '#version = :previous AND ((journalId = :j AND issueId = :i) OR (moveTo.journalId = :j AND moveTo.issueId = :i))',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':previous': head.meta.version, ':j': meta.journalId, ':i': meta.issueId },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        ),
      );
      return { outcome: 'created', version, first: head === undefined || head.meta.firstBatchId === at.batchId };
    } catch (error) {
      if (!lostCondition(error)) throw error;
      // Another writer moved the head meanwhile: the version item just written is an orphan no
      // reader will see (see `committed`). Read the head again and decide afresh, after a short
      // random pause so racing writers spread out.
      await sleep(Math.random() * RACE_PAUSE_MS * 2 ** race);
    }
  }
  throw new RecordsError(`records table: gave up writing ${doi} after ${MAX_RACES} concurrent changes`);
}

export async function getHead(table: RecordsTable, doi: string): Promise<Stored | undefined> {
  const out = await attempt(`read ${doi}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.head(doi), ConsistentRead: true })));
  return out.Item ? toStored(await withBody(table, out.Item)) : undefined;
}

/**
 * The heads of several articles in one BatchGetItem per hundred (strongly consistent, like
 * `getHead`), by DOI in lower case: DOIs are case-insensitive, and so are the table's keys.
 */
export async function getHeads(table: RecordsTable, dois: readonly string[]): Promise<Map<string, Stored>> {
  const unique = [...new Set(dois.map((doi) => doi.toLowerCase()))];
  const items = await attempt(`read ${unique.length} heads`, async () => withBodies(table, await batchGetAll(table, unique.map((doi) => keys.head(doi)), { consistent: true })));
  return new Map(items.map((item) => {
    const stored = toStored(item);
    return [stored.meta.doi.toLowerCase(), stored];
  }));
}

export async function getVersion(table: RecordsTable, doi: string, version: number): Promise<ArticleRecord> {
  const out = await attempt(`read ${doi} v${version}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.version(doi, version), ConsistentRead: true })));
  if (!out.Item) throw new RecordNotFoundError(`no version ${version} of ${doi}`);
  return parseRecord(out.Item, `${doi} v${version}`);
}

/** Every version of an article its head published (see `committed`), oldest first. */
export async function listVersions(table: RecordsTable, doi: string): Promise<VersionMeta[]> {
  // The head and the versions in one query over the article's partition (its moves and notices are
  // small items beside them). A replica behind the head only lists fewer: `skipped` never shrinks.
  const items = await attempt(`list versions of ${doi}`, () =>
    queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.head(doi).pk }, ProjectionExpression: 'sk, doi, version, #h, journalId, issueId, articleId, batchId, createdAt, skipped', ExpressionAttributeNames: { '#h': 'hash' } }),
  );
  const head = items.find((i) => i.sk === keys.head(doi).sk) as Head | undefined;
  const published = items.filter((i) => String(i.sk).startsWith('V#') && committed(head, Number(i.version)));
  return published.map((i) => Object.fromEntries(Object.entries(i).filter(([name]) => name !== 'sk')) as VersionMeta);
}

/** An article held until its online date is on no page, list or sitemap (records-schedule.ts). */
const published = (item: Item): boolean => item.scheduledFor === undefined;

/** The current articles of an issue (heads), in article-id order; those held until a future online date only with `scheduled`. */
export async function listIssueArticles(table: RecordsTable, journalId: string, issueId: string, options: { readonly scheduled?: boolean } = {}): Promise<Stored[]> {
  const found = await attempt(`list articles of ${journalId}/${issueId}`, () => queryThenGet(table, issueArticlesQuery(journalId, issueId), { consistent: true }));
  const heads = found.filter(({ item, entry }) => stillIndexed(item, entry, INDEX.children) && (options.scheduled === true || published(item))).map(({ item }) => item);
  return (await attempt(`read the records of ${journalId}/${issueId}`, () => withBodies(table, heads))).map(toStored);
}

/** The attributes of a head besides its record, for lists that need no record. */
const HEAD_META = { expression: 'gsi1pk, doi, version, #h, journalId, issueId, articleId, batchId, createdAt, #r, deposit, scheduledFor, withdrawn, skipped, firstBatchId', names: { '#h': 'hash', '#r': 'render' } } as const;

/** The heads of an issue without their records (status, rebuild, publish); held ones only with `scheduled`. */
export async function listIssueArticleMeta(table: RecordsTable, journalId: string, issueId: string, options: { readonly scheduled?: boolean } = {}): Promise<Head[]> {
  const found = await attempt(`list articles of ${journalId}/${issueId}`, () => queryThenGet(table, issueArticlesQuery(journalId, issueId), { consistent: true, projection: HEAD_META }));
  return found.filter(({ item, entry }) => stillIndexed(item, entry, INDEX.children) && (options.scheduled === true || published(item))).map(({ item }) => toMeta(item));
}

/** What a sitemap lists of an article: read from gsi1 alone, which projects exactly these (infra/constructs/records-table.ts). */
export type ArticleDates = Pick<Head, 'doi' | 'createdAt' | 'withdrawn' | 'scheduledFor'>;

/** The DOIs and change dates of an issue's published articles (held ones too with `scheduled`), from the index alone (one query, no read of any head): what the sitemap needs. */
export async function listIssueArticleDates(table: RecordsTable, journalId: string, issueId: string, options: { readonly scheduled?: boolean } = {}): Promise<ArticleDates[]> {
  const items = await attempt(`list articles of ${journalId}/${issueId}`, () => queryAll(table, { ...issueArticlesQuery(journalId, issueId), ProjectionExpression: 'doi, createdAt, withdrawn, scheduledFor' }));
  return items
    .filter((i) => options.scheduled === true || published(i))
    .map((i) => ({ doi: String(i.doi), createdAt: String(i.createdAt), ...(i.withdrawn === true ? { withdrawn: true } : {}), ...(i.scheduledFor === undefined ? {} : { scheduledFor: String(i.scheduledFor) }) }));
}

function issueArticlesQuery(journalId: string, issueId: string) {
  const index = keys.articleIndex(journalId, issueId, '');
  return { IndexName: INDEX.children, KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :a)', ExpressionAttributeValues: { ':p': index.gsi1pk, ':a': index.gsi1sk } };
}

/** Records the outputs of a rendered version; `false` when a newer version has replaced it meanwhile. */
export async function markRendered(table: RecordsTable, doi: string, version: number, artifacts: Readonly<Record<string, string>>, at: string): Promise<boolean> {
  return setRender(table, doi, version, { status: 'done', version, at, artifacts });
}

/** Records why rendering a version failed (shown by `colophon status`); the message is retried by SQS. */
export async function markRenderFailed(table: RecordsTable, doi: string, version: number, reason: string, attemptNo: number, at: string): Promise<boolean> {
  return setRender(table, doi, version, { status: 'failed', version, at, reason: reason.slice(0, 2000), attempt: attemptNo });
}

async function setRender(table: RecordsTable, doi: string, version: number, render: RenderState): Promise<boolean> {
  return updateHeadAt(table, doi, version, `record render state of ${doi}`, { update: 'SET #render = :render', names: { '#render': 'render' }, values: { ':render': render } });
}

/**
 * Updates the head only while its current version is `version`: `false` when a newer version has
 * replaced it meanwhile (the write is then stale, and dropped).
 */
async function updateHeadAt(
  table: RecordsTable,
  doi: string,
  version: number,
  what: string,
  change: { readonly update: string; readonly names: Readonly<Record<string, string>>; readonly values: Readonly<Record<string, unknown>> },
): Promise<boolean> {
  try {
    await attempt(what, () =>
      table.client.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: keys.head(doi),
          UpdateExpression: change.update,
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { ...change.names, '#version': 'version' },
          ExpressionAttributeValues: { ...change.values, ':version': version },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (lostCondition(error)) return false;
    throw error;
  }
}

/** Seam for the OAI-PMH handler: heads changed in [from, until] (ISO datestamps), oldest first. */
export async function changedSince(table: RecordsTable, journalId: string, from: string, until: string): Promise<Stored[]> {
  const index = keys.oaiIndex(journalId, '', '');
  const found = await attempt(`list changes of ${journalId}`, () =>
    queryThenGet(table, { IndexName: INDEX.changedSince, KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :until', ExpressionAttributeValues: { ':p': index.gsi2pk, ':from': from, ':until': `${until}~` } }, { consistent: true }),
  );
  // A head changed again since the query has moved past `until` (or to another journal's partition).
  const heads = found.filter(({ item, entry }) => stillIndexed(item, entry, INDEX.changedSince, true)).map(({ item }) => item);
  return (await attempt(`read the records changed in ${journalId}`, () => withBodies(table, heads))).map(toStored);
}

/** Seam for the deposit handler: heads whose current version waits for a Crossref deposit, oldest first. */
export async function depositsDue(table: RecordsTable): Promise<Stored[]> {
  // One query per shard (records-keys.ts), merged into one list by gsi3 sort key (`<iso>#<doi>`).
  const found = await attempt('list deposits due', () => queryThenGet(table, DEPOSIT_DUE_PARTITIONS.map((p) => ({ IndexName: INDEX.deposits, KeyConditionExpression: 'gsi3pk = :p', ExpressionAttributeValues: { ':p': p } })), { consistent: true, order: 'gsi3sk' }));
  // Deposited since the query: no longer due.
  const heads = found.filter(({ item, entry }) => stillIndexed(item, entry, INDEX.deposits)).map(({ item }) => item);
  return (await attempt('read the records of deposits due', () => withBodies(table, heads))).map(toStored);
}

/** Seam for the deposit handler: Crossref accepted `version`; `false` when a newer version is due meanwhile. */
export async function markDeposited(table: RecordsTable, doi: string, version: number, at: string): Promise<boolean> {
  return updateHeadAt(table, doi, version, `record the deposit of ${doi}`, {
    update: 'SET #deposit = :deposit REMOVE gsi3pk, gsi3sk',
    names: { '#deposit': 'deposit' },
    values: { ':deposit': { status: 'done', version, at } },
  });
}

/** Attributes that are keys or the record itself, not part of the head's metadata. */
const STORAGE_ONLY = new Set<string>([...RECORD_BODY_ATTRIBUTES, CITATIONS_ATTRIBUTE, OAI_ATTRIBUTE, 'pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);

function toMeta(item: Item): Head {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ONLY.has(name))) as Head;
}

/**
 * `citations` is read (gunzip, JSON, checks) on first use, not here: only Render shows them, and
 * Site, Deposit and the console read many heads for their records alone (issue 16, CPU per article).
 * Absent when the version keeps none, as before.
 */
function toStored(item: Item): Stored {
  const stored = { meta: toMeta(item), record: parseRecord(item, String(item.doi)) };
  const compressed = item[CITATIONS_ATTRIBUTE];
  if (!(compressed instanceof Uint8Array)) return stored;
  // Only the compressed bytes are kept until then, not the whole item (body and OAI parts).
  let citations: { value: StoredCitations | undefined } | undefined;
  return Object.defineProperty(stored, 'citations', {
    enumerable: true,
    get: (): StoredCitations | undefined => (citations ??= { value: readCitations({ [CITATIONS_ATTRIBUTE]: compressed }) }).value,
  });
}

function parseRecord(item: Item, what: string): ArticleRecord {
  const parsed = readRecordBody(item, what);
  const r = parsed as Partial<ArticleRecord> | undefined;
  if (!r?.journal?.id || !r.issue?.id || !r.article?.doi || !Array.isArray(r.article.titles)) throw new RecordCorruptError(`record of ${what} lacks its journal, issue or article`);
  return r as ArticleRecord;
}
