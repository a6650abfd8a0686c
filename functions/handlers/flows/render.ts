/**
 * Render: one SQS batch of render jobs. Each article's site files (landing page, JATS, and its
 * citation downloads in one object: core/publish/downloads.ts) go to the site bucket; their keys and hashes go on
 * the article's head; then one site job per issue touched. Articles fail alone: a failure is
 * recorded on the head and reported in `batchItemFailures`, so SQS retries only that message
 * and, after the queue's maxReceiveCount, moves it to the dead-letter queue.
 *
 * A crash (timeout, out of memory) fails the whole batch, and every message of it comes back. So
 * a batch that holds a message seen before is handled one message at a time, those received fewest
 * times first, each deleted from the queue (`ack`) as soon as its files and its site and deposit
 * jobs are out: a message that crashes Render again takes down only itself and those after it, and
 * the innocent ones of its first batch are not dead-lettered with it. An article's files are all
 * prepared (rendered, galleys fetched and checked) before the first write, so a failure there
 * writes nothing; the landing page is written last, after the downloads and galleys it links to.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { articleSiteOutputs, type Output } from '#core/publish/outputs';
import type { CitationEngine, StoredCitations } from '#core/cite/index';
import { landingCitationEngineNeeded } from '#core/landing/index';
import { GALLEY_FORMATS } from '#core/model/galley-formats';
import { linkArticle } from '#core/model/links';
import { galleyKey } from '#core/urls';
import { sha256 } from '#adapters/content-hash';
import { attachedFileKey } from '#adapters/inbox-keys';
import { cacheControlFor } from '#core/site/index';
import { describeError, RecordNotFoundError, RenderSupersededError } from '#adapters/errors';
import type { Logger } from '#adapters/logger';
import type { ObjectStore } from '#adapters/object-store';
import type { QueueSender } from '#adapters/queue';
import type { ArticleRecord, RecordsStore, Stored } from '#adapters/records';
import { parseJob, renderJobSchema, type DepositJob, type RenderJob, type SiteJob } from '../jobs.ts';
import { mapLimit } from './pool.ts';
import { writeAllOrRestore, type FileWrite } from './render-rollback.ts';

export type RenderDeps = {
  readonly records: Pick<RecordsStore, 'getHead' | 'markRendered' | 'markRenderFailed'> & Partial<Pick<RecordsStore, 'getHeads' | 'listNotices'>>;
  /** `getBytes`: the old files are read before they are replaced, to put them back if the render fails part-way (absent: no backup). */
  readonly site: Pick<ObjectStore, 'put' | 'head'> & Partial<Pick<ObjectStore, 'getBytes'>>;
  /** Where Ingest keeps the files the metadata names (the inbox's `galleys/` prefix): galleys are copied from there. */
  readonly files?: Pick<ObjectStore, 'getBytes'>;
  readonly siteQueue: QueueSender<SiteJob>;
  /** One deposit job per issue touched, like the site jobs (absent: no Crossref deposits). */
  readonly depositQueue?: QueueSender<DepositJob>;
  readonly log: Logger;
  readonly now: () => Date;
  /** The article's files; the default is core/publish's, the same the CLI writes. */
  readonly render?: (record: ArticleRecord) => Output[];
  /**
   * The engine that renders How to Cite (citeproc), asked for only when the version keeps no
   * current citations (a version stored before Ingest kept them, or after a style or citeproc
   * upgrade): the handler imports it then, from a bundle file of its own (issue 16, cold start).
   */
  readonly citationEngine: () => Promise<CitationEngine>;
  /** Deletes a handled message from its queue at once (absent: the event source mapping deletes the batch's successes when it ends). */
  readonly ack?: (message: SQSRecord) => Promise<void>;
  /**
   * Makes a message invisible for `seconds` from now (SQS ChangeMessageVisibility). After a crash,
   * each message is held back this way just before it is rendered: if it crashes Render again it
   * comes back after the others of its batch, which were never held, so they are rendered in a
   * batch without it instead of sharing its receive count all the way to the DLQ.
   */
  readonly holdBack?: (message: SQSRecord, seconds: number) => Promise<void>;
};

/**
 * How long a message being rendered after a crash stays invisible: well past the RenderQueue's
 * visibility timeout (12 minutes: six times Render's 2-minute timeout, infra/constructs/work-queue.ts),
 * so the batch's other messages come back first.
 */
export const HOLD_BACK_SECONDS = 30 * 60;

/** The issues whose pages must change: the article's, and the one it moved from (which must drop it). */
type Outcome = { readonly ok: true; readonly sites?: readonly SiteJob[] } | { readonly ok: false; readonly reason: string };

const MESSAGE_CONCURRENCY = 4;

/**
 * `citations`: How to Cite kept with the version (Ingest renders it), which spares citeproc here
 * when current; only otherwise is the engine loaded (`deps.citationEngine`).
 * The six citation downloads are one object, replaced whole by each version (issue 16): reference
 * lists a version no longer has are gone with the old object, with no HEAD or empty file for them.
 */
async function defaultRender(deps: RenderDeps, { journal, issue, article }: ArticleRecord, citations: StoredCitations | undefined): Promise<Output[]> {
  const bundle = { journal, issue, articles: [article] };
  const engine = landingCitationEngineNeeded(bundle, article, { citations }) ? await deps.citationEngine() : undefined;
  return articleSiteOutputs(bundle, article, { citations, engine });
}

const receiveCount = (message: SQSRecord): number => Number(message.attributes.ApproximateReceiveCount) || 1;

export async function renderBatch(deps: RenderDeps, messages: readonly SQSRecord[]): Promise<SQSBatchResponse> {
  if (deps.ack && messages.some((m) => receiveCount(m) > 1)) return renderOneByOne({ ...deps, ack: deps.ack }, messages);
  const heads = await prefetchHeads(deps, messages);
  const outcomes = await mapLimit(messages, MESSAGE_CONCURRENCY, (message) => renderMessage(deps, message, heads));
  const failures: SQSBatchItemFailure[] = messages.flatMap((m, k) => (outcomes[k]!.ok ? [] : [{ itemIdentifier: m.messageId }]));
  await sendJobs(deps, outcomes);
  deps.log.info('render batch done', { messages: messages.length, failed: failures.length });
  return { batchItemFailures: failures };
}

/**
 * A batch after a crash: one message at a time, fewest receives first, each held back just before
 * it is rendered (`holdBack`) and acknowledged once its jobs are out.
 */
async function renderOneByOne(deps: RenderDeps & { ack: NonNullable<RenderDeps['ack']> }, messages: readonly SQSRecord[]): Promise<SQSBatchResponse> {
  const failures: SQSBatchItemFailure[] = [];
  const order = [...messages].sort((a, b) => receiveCount(a) - receiveCount(b));
  for (const message of order) {
    if (deps.holdBack) {
      try {
        await deps.holdBack(message, HOLD_BACK_SECONDS);
      } catch (error) {
        deps.log.warn('message not held back; a crash would bring it back with the others', { messageId: message.messageId, error });
      }
    }
    const outcome = await renderMessage(deps, message);
    if (!outcome.ok) {
      failures.push({ itemIdentifier: message.messageId });
      continue;
    }
    await sendJobs(deps, [outcome]);
    try {
      await deps.ack(message);
    } catch (error) {
      // The mapping deletes it anyway when the batch ends; only a crash before then would bring it back (harmless: already rendered).
      deps.log.warn('message not deleted early', { messageId: message.messageId, error });
    }
  }
  deps.log.info('render batch done one by one after a failed delivery', { messages: messages.length, failed: failures.length });
  return { batchItemFailures: failures };
}

/**
 * The heads of the batch's articles, read together (one BatchGetItem for the heads and one for
 * their bodies instead of two reads per article, issue 16). Each is as current as a read of its
 * own: a version stored after this read makes the render's `markRendered` report it superseded,
 * and the render starts again from a fresh read. If the batch read fails (a corrupt record
 * among them), each article reads its own head, as before, and fails alone.
 */
async function prefetchHeads(deps: RenderDeps, messages: readonly SQSRecord[]): Promise<ReadonlyMap<string, Stored>> {
  const getHeads = deps.records.getHeads;
  if (getHeads === undefined || messages.length < 2) return new Map();
  const dois = messages.flatMap((m) => ((parsed) => (parsed.ok ? [parsed.job.doi] : []))(parseJob(renderJobSchema, m.body)));
  try {
    return await getHeads(dois);
  } catch (error) {
    deps.log.warn('heads not read together; each article reads its own', { error: describeError(error) });
    return new Map();
  }
}

/** One site job and one deposit job per issue the successful outcomes touched. */
async function sendJobs(deps: RenderDeps, outcomes: readonly Outcome[]): Promise<void> {
  const siteJobs = new Map<string, SiteJob>();
  for (const o of outcomes) if (o.ok) for (const site of o.sites ?? []) siteJobs.set(`${site.journalId}/${site.issueId}`, site);
  if (siteJobs.size === 0) return;
  // A lost site job would leave a stale table of contents until the scheduled rebuild; failing
  // the whole batch instead would render every article again, so it is logged and left to the schedule.
  try {
    await deps.siteQueue.send([...siteJobs.values()]);
  } catch (error) {
    deps.log.error('site jobs not sent; the scheduled rebuild will catch up', { error, issues: [...siteJobs.keys()] });
  }
  // The same issues, for Crossref; a lost deposit job is caught up by the Deposit schedule.
  try {
    await deps.depositQueue?.send([...siteJobs.values()]);
  } catch (error) {
    deps.log.error('deposit jobs not sent; the scheduled deposit will catch up', { error, issues: [...siteJobs.keys()] });
  }
}

async function renderMessage(deps: RenderDeps, message: SQSRecord, heads: ReadonlyMap<string, Stored> = new Map()): Promise<Outcome> {
  const attempt = receiveCount(message);
  const parsed = parseJob(renderJobSchema, message.body);
  if (!parsed.ok) {
    deps.log.error('poison message', { messageId: message.messageId, attempt, reason: parsed.reason });
    return { ok: false, reason: parsed.reason };
  }
  const { job } = parsed;
  const log = deps.log.child({ doi: job.doi, version: job.version, messageId: message.messageId, attempt });
  const seen = { version: job.version };
  try {
    return await renderJob(deps, job, seen, log, heads.get(job.doi.toLowerCase()));
  } catch (error) {
    const reason = describeError(error);
    log.error('render failed', { error });
    try {
      await deps.records.markRenderFailed(job.doi, seen.version, reason, attempt, deps.now().toISOString());
    } catch (recordError) {
      log.error('render failure not recorded', { error: recordError });
    }
    return { ok: false, reason };
  }
}

type GalleyCopy = { readonly key: string; readonly sha256: string; readonly copy?: { readonly bytes: Uint8Array; readonly contentType: string } };

/**
 * Each galley given by path, beside the landing page with its format's Content-Type: copied from
 * the files Ingest checked, unless the site already holds these very bytes there (a re-render
 * after a title change does not copy a large PDF again). The bytes are fetched and hashed again
 * before anything is written, so nothing but the file Ingest checked can reach readers, and a
 * missing or changed file fails the render before it has written any of the article's files.
 */
async function prepareGalleys(deps: RenderDeps, record: ArticleRecord, firstRender: boolean): Promise<GalleyCopy[]> {
  const out: GalleyCopy[] = [];
  for (const galley of record.article.galleys) {
    const key = galleyKey(record.article.doi, galley);
    if (key === undefined || galley.file === undefined) continue;
    // Nothing can be there yet before the article's first render (the key is its DOI's): no HEAD (issue 16).
    const there = firstRender ? undefined : await deps.site.head(key);
    const contentType = GALLEY_FORMATS[galley.format];
    if (there?.sha256 === galley.file.sha256 && there.contentType === contentType) {
      out.push({ key, sha256: galley.file.sha256 });
      continue;
    }
    const source = attachedFileKey(record.journal.id, galley.file.sha256);
    const bytes = await deps.files?.getBytes(source);
    if (bytes === undefined) throw new RecordNotFoundError(`galley ${galley.path} of ${record.article.doi} is not in the file store (${source})`);
    if (sha256(bytes) !== galley.file.sha256) throw new RecordNotFoundError(`galley ${galley.path} of ${record.article.doi}: the stored file does not match its hash`);
    out.push({ key, sha256: galley.file.sha256, copy: { bytes, contentType } });
  }
  return out;
}

/**
 * The article's files, the landing page last: a reader never gets a page whose downloads are not
 * there yet. A write that fails puts back every file already replaced (render-rollback.ts).
 */
async function writeArticle(deps: RenderDeps, outputs: readonly Output[], galleys: readonly GalleyCopy[], backup: boolean): Promise<{ key: string; sha256: string }[]> {
  const write = (o: Output): FileWrite => ({ key: o.key, body: o.body, headers: { contentType: o.contentType, cacheControl: cacheControlFor(o.key) } });
  const isLanding = (o: Output): boolean => o.key.endsWith('/index.html');
  // A copy's bytes were hashed and checked in prepareGalleys: that hash goes with them (one SHA-256 of a galley, not two).
  const copies = galleys.flatMap((g) => (g.copy ? [{ key: g.key, body: g.copy.bytes, headers: { contentType: g.copy.contentType, cacheControl: cacheControlFor(g.key) }, sha256: g.sha256 }] : []));
  const site = backup ? deps.site : { put: deps.site.put };
  const written = await writeAllOrRestore(site, [[...outputs.filter((o) => !isLanding(o)).map(write), ...copies], outputs.filter(isLanding).map(write)], deps.log);
  const kept = galleys.filter((g) => !g.copy).map(({ key, sha256 }) => ({ key, sha256 }));
  return [...written.map(({ key, sha256 }) => ({ key, sha256 })), ...kept];
}

/**
 * The record as its outputs show it: with the titles of the articles it relates to (from their
 * current records) and the notices that update it (records-links.ts). Neither is in the record.
 */
async function linked(deps: RenderDeps, record: ArticleRecord): Promise<ArticleRecord> {
  const { article } = record;
  const [targets, notices] = await Promise.all([
    article.relations.length === 0 || !deps.records.getHeads ? new Map<string, Stored>() : deps.records.getHeads(article.relations.map((r) => r.doi)),
    deps.records.listNotices ? deps.records.listNotices(article.doi) : [],
  ]);
  return { ...record, article: linkArticle(article, (doi) => targets.get(doi.toLowerCase())?.record.article.titles[0].title, notices) };
}

/** How often a render starts again because a newer version was stored while it ran. */
const MAX_SUPERSEDED = 3;

/**
 * Renders the article's current version: a job for an older version renders the newer one, never
 * the old. When a newer version is stored while this render runs, the newer version's own render
 * may already have written its files, which this one has just overwritten with older content: so
 * it renders the (new) current version again, rather than leave stale files until the next change.
 */
async function renderJob(deps: RenderDeps, job: RenderJob, seen: { version: number }, log: Logger, prefetched?: Stored): Promise<Outcome> {
  for (let round = 0; ; round++) {
    const stored = round === 0 && prefetched !== undefined ? prefetched : await deps.records.getHead(job.doi);
    if (!stored) throw new RecordNotFoundError(`no record of ${job.doi}`);
    const { meta, record, citations } = stored;
    seen.version = meta.version;
    if (round === 0 && !job.refresh && meta.render.status === 'done' && meta.render.version === meta.version) {
      log.info('already rendered; duplicate delivery ignored');
      return { ok: true };
    }
    // An article's first version before any render of it succeeded: no reader has seen any of its
    // files, and nothing but a failed attempt at this same version can have written any.
    const firstRender = meta.version === 1 && meta.render.status !== 'done';
    const shown = await linked(deps, record);
    const outputs = deps.render ? deps.render(shown) : await defaultRender(deps, shown, citations);
    // A withdrawn article's work is not served: its galley is neither copied nor linked (issue 11).
    const galleys = record.article.withdrawn === undefined ? await prepareGalleys(deps, record, firstRender) : [];
    // A new version changes nearly every file of the article, so each is written straight away:
    // one PUT instead of a HEAD and a PUT (S3 gives identical bytes the same ETag). Unchanged
    // metadata never gets here: Ingest queues no render for it.
    // Nothing to put back before an article's first render has ever succeeded (a failed attempt's
    // files are this same version's), so the backup reads (one GET per file, issue 16) are
    // skipped. A later version, or a refresh, keeps them.
    const backup = !firstRender;
    const written = await writeArticle(deps, outputs, galleys, backup);
    const artifacts = Object.fromEntries(written.map((w) => [w.key, w.sha256]));
    const current = await deps.records.markRendered(job.doi, meta.version, artifacts, deps.now().toISOString());
    log.info('rendered', { renderedVersion: meta.version, files: outputs.length, superseded: !current });
    if (current) return { ok: true, sites: [{ journalId: meta.journalId, issueId: meta.issueId }, ...(meta.movedFrom ? [{ journalId: meta.movedFrom.journalId, issueId: meta.movedFrom.issueId }] : [])] };
    if (round + 1 === MAX_SUPERSEDED) throw new RenderSupersededError(`${job.doi} changed ${MAX_SUPERSEDED} times while it was being rendered; SQS will try again`);
  }
}
