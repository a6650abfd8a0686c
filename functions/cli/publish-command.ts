/**
 * `colophon publish <issue-dir> [--stage local|dev|prod]`: checks the metadata as `validate` does
 * (any problem: nothing is uploaded), uploads each issue to the stage's inbox as one batch
 * (adapters/inbox.ts: files first, `_publish.json` last, which starts ingest), then follows every
 * article in the records table until it is rendered or its render failed, and prints the landing
 * page URLs.
 *
 * An article counts as ingested once its current record is the one on disk (same content hash as
 * ingest computes) or was written by this batch, so republishing unchanged metadata finishes at
 * once. A failure recorded before this upload is not this upload's: ingest queues such an article
 * again, so only a failure recorded after the upload began is reported.
 *
 * Exit codes: 0 every article rendered, 1 problems in the metadata or a render failed, 2 wrong
 * command line or the stage cannot be reached, 75 still in progress at --timeout (see `colophon status`).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { recordHash } from '#adapters/content-hash';
import { newBatchId, uploadIssue, type AttachedUpload } from '#adapters/inbox';
import { readMetadata } from '#adapters/metadata-fs';
import type { Head, RecordsStore } from '#adapters/records';
import { formatProblem, type IssueBundle, type JournalSources } from '#core/model/index';
import { issueUrl, landingUrl } from '#core/urls';
import { writeAssignedDois } from './assign-dois.ts';
import { checkMetadata, type LoadedIssue } from './check.ts';
import { conflictReport } from './publish-guard.ts';
import { metadataDirOf, stageConflicts } from './publish-guard-stage.ts';
import type { Io } from './main.ts';
import { count, problemReport } from './report.ts';
import { resolveStage, stageFlags, stageOptions, stageUrl, StageError, unreachable, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';
import { renderView, shortTime } from './status-command.ts';

export const PUBLISH_EXIT = { ok: 0, problems: 1, config: 2, later: 75 } as const;

/** Where an article is, seen from one publish. */
export type Progress =
  | { readonly state: 'waiting' }
  | { readonly state: 'rendering'; readonly version: number }
  | { readonly state: 'rendered'; readonly version: number; readonly at: string }
  /** The same content as an earlier publish, rendered then: nothing to do. */
  | { readonly state: 'unchanged'; readonly version: number; readonly at: string }
  | { readonly state: 'failed'; readonly version: number; readonly at: string; readonly reason: string; readonly attempt: number }
  /** Held until its online date: the scheduled release publishes it then (or publish again with --publish-early). */
  | { readonly state: 'scheduled'; readonly version: number; readonly for: string };

/** What this publish sent for one article, and when the upload began (ISO). */
export type Expected = { readonly hash: string; readonly batchId: string; readonly since: string };

export function progressOf(expected: Expected, head: Pick<Head, 'hash' | 'batchId' | 'version' | 'render' | 'scheduledFor'> | undefined): Progress {
  if (!head || (head.hash !== expected.hash && head.batchId !== expected.batchId)) return { state: 'waiting' };
  const view = renderView(head);
  switch (view.state) {
    case 'rendered':
      // Rendered before this upload began, from another batch with this content: nothing changed.
      return head.batchId !== expected.batchId && view.at < expected.since ? { state: 'unchanged', version: view.version, at: view.at } : { state: 'rendered', version: view.version, at: view.at };
    case 'scheduled':
      return { state: 'scheduled', version: view.version, for: view.for };
    case 'failed':
      // An older failure of the same content: ingest queues it again, so wait for the new attempt.
      return view.at >= expected.since ? { state: 'failed', version: view.version, at: view.at, reason: view.reason, attempt: view.attempt } : { state: 'rendering', version: view.version };
    default:
      return { state: 'rendering', version: head.version };
  }
}

export const isFinal = (p: Progress): boolean => p.state === 'rendered' || p.state === 'unchanged' || p.state === 'failed' || p.state === 'scheduled';
const sameProgress = (a: Progress | undefined, b: Progress): boolean => a !== undefined && a.state === b.state && ('version' in a ? a.version : 0) === ('version' in b ? b.version : 0);

/** One issue as uploaded: the sources sent, the bundle loaded from them, the batch they went in. */
type Upload = { readonly sources: JournalSources; readonly bundle: IssueBundle; readonly batchId: string; readonly key: string };
type Tracked = { readonly upload: Upload; readonly doi: string; readonly expected: Expected; readonly url: string; progress?: Progress };

const label = (t: Pick<Tracked, 'upload' | 'doi'>): string => `${t.upload.bundle.journal.id}/${t.upload.bundle.issue.id} ${t.doi}`;

/** The line printed when an article reaches a new state. */
export function progressLine(what: string, progress: Progress, url: string): string {
  switch (progress.state) {
    case 'waiting':
      return `${what}: waiting for ingest`;
    case 'rendering':
      return `${what}: ingested as version ${progress.version}, rendering`;
    case 'rendered':
      return `${what}: rendered version ${progress.version} ${url}`;
    case 'unchanged':
      return `${what}: unchanged, version ${progress.version} is already rendered ${url}`;
    case 'scheduled':
      return `${what}: scheduled for ${progress.for.slice(0, 10)} (it goes live by itself then; colophon publish --publish-early puts it live now)`;
    case 'failed':
      return `${what}: FAILED version ${progress.version} (attempt ${progress.attempt}, ${shortTime(progress.at)}): ${progress.reason.replace(/\s+/g, ' ')}`;
  }
}

/** `1 rendered, 2 rendering` */
export function tally(progress: readonly Progress[]): string {
  const by = new Map<string, number>();
  for (const p of progress) by.set(p.state, (by.get(p.state) ?? 0) + 1);
  return [...by].map(([state, n]) => `${n} ${state}`).join(', ');
}

export type PublishOptions = StageFlags & {
  readonly root: string;
  readonly wait: boolean;
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
  /** Publish articles whose online date is still to come now, not on that date. */
  readonly publishEarly?: boolean;
  /** Overwrite console changes made since the files were pulled (publish-guard.ts). */
  readonly force?: boolean;
};

export type PublishDeps = {
  readonly resolve: (flags: StageFlags) => Promise<StageTarget>;
  readonly now: () => Date;
  /** The random part of a batch id. */
  readonly suffix: () => string;
  readonly sleep: (ms: number) => Promise<void>;
};

const defaultDeps: PublishDeps = { resolve: (flags) => resolveStage(flags), now: () => new Date(), suffix: () => randomBytes(3).toString('hex'), sleep: (ms) => sleep(ms) };

/** Each issue that passed the check with the sources it was loaded from (one journal, one issue) and the files its metadata names. */
function issueSources(root: string, loaded: readonly LoadedIssue[]): { sources: JournalSources; bundle: IssueBundle; dir: string; files: AttachedUpload[] }[] {
  const read = readMetadata(root) as JournalSources[];
  return loaded.map(({ bundle, dir, files }) => {
    const journal = read.find((j) => j.issues.some((i) => dirname(i.issue.path) === dir))!;
    const uploads = files.map((f) => ({ owner: f.owner, name: f.name, sha256: f.sha256, size: f.size, read: () => readFileSync(f.path) }));
    return { sources: { ...journal, issues: journal.issues.filter((i) => dirname(i.issue.path) === dir) }, bundle, dir, files: uploads };
  });
}

type Refusal = { readonly upload: Upload; readonly lines: readonly string[] };

/** Problems ingest recorded for this very batch: the stage refused what the local check accepted (another version of colophon). */
async function refusal(records: RecordsStore, upload: Upload): Promise<Refusal | undefined> {
  const recorded = await records.getProblems(upload.sources.id, upload.bundle.issue.id);
  if (recorded?.batchId !== upload.batchId) return undefined;
  return { upload, lines: recorded.problems.map(formatProblem) };
}

async function follow(target: StageTarget, uploads: readonly Upload[], since: string, options: PublishOptions, io: Pick<Io, 'out' | 'err'>, deps: PublishDeps): Promise<number> {
  const { createRecordsStore } = await import('#adapters/records');
  const records = createRecordsStore(target.documents, target.outputs.TableName);
  const tracked: Tracked[] = uploads.flatMap((upload) =>
    upload.bundle.articles.map((article) => ({
      upload,
      doi: article.doi,
      expected: { hash: recordHash({ journal: upload.bundle.journal, issue: upload.bundle.issue, article }), batchId: upload.batchId, since },
      url: stageUrl(landingUrl(upload.bundle.journal, article.doi), upload.bundle.journal.base_url, target.siteUrl),
    })),
  );
  const started = deps.now().getTime();
  const deadline = started + options.timeoutSeconds * 1000;
  let lastNews = started;
  const refused: Refusal[] = [];
  const open = (): Tracked[] => tracked.filter((t) => !(t.progress && isFinal(t.progress)) && !refused.some((r) => r.upload === t.upload));
  io.err(`waiting for ${count(tracked.length, 'article')} (timeout ${options.timeoutSeconds} s)\n`);
  for (;;) {
    for (const upload of new Set(open().map((t) => t.upload))) {
      const found = await refusal(records, upload);
      if (found) {
        refused.push(found);
        io.err(`${upload.bundle.journal.id}/${upload.bundle.issue.id}: the stage refused the metadata:\n${found.lines.map((l) => `  ${l}\n`).join('')}`);
      }
    }
    const issues = new Set(open().map((t) => t.upload));
    const heads = new Map<string, Head>();
    for (const upload of issues) for (const head of await records.listIssueArticleMeta(upload.bundle.journal.id, upload.bundle.issue.id, { scheduled: true })) heads.set(head.doi.toLowerCase(), head);
    for (const t of open()) {
      const next = progressOf(t.expected, heads.get(t.doi.toLowerCase()));
      if (sameProgress(t.progress, next)) continue;
      if (t.progress !== undefined || next.state !== 'waiting') io.err(`${progressLine(label(t), next, t.url)}\n`);
      t.progress = next;
      lastNews = deps.now().getTime();
    }
    if (open().length === 0) break;
    const now = deps.now().getTime();
    if (now >= deadline) break;
    if (now - lastNews >= 15_000) {
      io.err(`still waiting after ${Math.round((now - started) / 1000)} s: ${tally(open().map((t) => t.progress ?? { state: 'waiting' }))}\n`);
      lastNews = now;
    }
    await deps.sleep(Math.min(options.pollSeconds * 1000, Math.max(0, deadline - now)));
  }
  return summary(target, tracked, refused, (deps.now().getTime() - started) / 1000, io);
}

function summary(target: StageTarget, tracked: readonly Tracked[], refused: readonly Refusal[], seconds: number, io: Pick<Io, 'out' | 'err'>): number {
  const progress = tracked.map((t) => t.progress ?? { state: 'waiting' as const });
  const rendered = tracked.filter((t) => t.progress?.state === 'rendered' || t.progress?.state === 'unchanged');
  const unchanged = tracked.filter((t) => t.progress?.state === 'unchanged').length;
  const failed = tracked.filter((t) => t.progress?.state === 'failed');
  const unfinished = tracked.filter((t) => !(t.progress && isFinal(t.progress)) && !refused.some((r) => r.upload === t.upload));
  if (unchanged > 0 && unchanged === tracked.length) io.out(`nothing changed: ${unchanged === 1 ? 'the article is' : `all ${unchanged} articles are`} as published before, already rendered\n`);
  else if (unchanged > 0) io.out(`${rendered.length - unchanged} of ${count(tracked.length, 'article')} rendered, ${unchanged} unchanged, in ${seconds.toFixed(1)} s (${tally(progress)})\n`);
  else io.out(`${rendered.length} of ${count(tracked.length, 'article')} rendered in ${seconds.toFixed(1)} s (${tally(progress)})\n`);
  for (const t of rendered) io.out(`  ${t.doi}  ${t.url}\n`);
  for (const upload of new Set(rendered.map((t) => t.upload))) {
    const { journal, issue } = upload.bundle;
    io.out(`  issue ${journal.id}/${issue.id}  ${stageUrl(issueUrl(journal, issue.id), journal.base_url, target.siteUrl)}\n`);
  }
  for (const t of tracked) if (t.progress?.state === 'scheduled') io.out(`  ${t.doi}  scheduled for ${t.progress.for.slice(0, 10)}: it goes live by itself then\n`);
  for (const t of failed) io.out(`  FAILED ${t.doi}: ${t.progress?.state === 'failed' ? t.progress.reason.replace(/\s+/g, ' ') : ''}\n`);
  if (failed.length > 0) io.err('failed renders are retried by the queue; see colophon status for the latest attempt\n');
  if (unfinished.length > 0) io.err(`timed out with ${count(unfinished.length, 'article')} not rendered yet (${unfinished.map((t) => t.doi).join(', ')}); the stage goes on: see colophon status\n`);
  if (refused.length > 0 || failed.length > 0) return PUBLISH_EXIT.problems;
  return unfinished.length > 0 ? PUBLISH_EXIT.later : PUBLISH_EXIT.ok;
}

export async function runPublish(options: PublishOptions, io: Pick<Io, 'out' | 'err'>, deps: PublishDeps = defaultDeps): Promise<number> {
  let checked = checkMetadata(options.root);
  // New articles' DOIs from doi_pattern go into their files first: what the stage gets, and Crossref registers, never changes afterwards.
  if (checked.problems.length === 0 && checked.assigned !== undefined) {
    writeAssignedDois(checked.assigned, io);
    checked = checkMetadata(options.root);
  }
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems, 'nothing was uploaded')) io.err(`${line}\n`);
    return PUBLISH_EXIT.problems;
  }
  let target: StageTarget;
  try {
    target = await deps.resolve(options);
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    io.err(`colophon publish: ${error.message}\n`);
    return PUBLISH_EXIT.config;
  }
  try {
    const issues = issueSources(options.root, checked.issues);
    if (options.force !== true) {
      const conflicts = await stageConflicts(target, issues);
      if (conflicts.length > 0) {
        const first = issues[0]!;
        const pull = `colophon pull ${first.bundle.journal.id}${issues.length === 1 ? ` ${first.bundle.issue.id}` : ''} --stage ${options.stage} --out ${metadataDirOf(first.dir)}`;
        for (const line of conflictReport(conflicts, pull)) io.err(`${line}\n`);
        return PUBLISH_EXIT.problems;
      }
    }
    // Imported here, with the SDK it uses: commands that never upload start faster.
    const { createObjectStore } = await import('#adapters/object-store');
    const inbox = createObjectStore(target.s3, target.outputs.InboxBucketName);
    const since = deps.now().toISOString();
    const uploads: Upload[] = [];
    for (const { sources, bundle, files } of issues) {
      const batchId = newBatchId(deps.now(), deps.suffix());
      const sent = await uploadIssue(inbox, sources, batchId, { files, journalId: bundle.journal.id, source: 'files', ...(options.publishEarly === true ? { publishEarly: true } : {}) });
      uploads.push({ sources, bundle, batchId, key: sent.manifestKey });
      const fileNote = files.length === 0 ? '' : `, ${count(sent.files.uploaded, 'file')} uploaded, ${sent.files.unchanged} already there`;
      io.err(`uploaded ${bundle.journal.id}/${bundle.issue.id} (${count(bundle.articles.length, 'article')}${fileNote}) to ${target.source}: s3://${inbox.bucket}/${sent.manifestKey}\n`);
    }
    if (!options.wait) {
      io.err(`not following the articles (--no-wait): see colophon status ${options.root}\n`);
      return PUBLISH_EXIT.ok;
    }
    return await follow(target, uploads, since, options, io, deps);
  } catch (error) {
    const message = unreachable(target, error);
    if (message === undefined) throw error;
    io.err(`colophon publish: ${message}\n`);
    return PUBLISH_EXIT.config;
  } finally {
    target.close();
  }
}

export function secondsOption(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`must be a number of seconds, at least ${min}`);
    return n;
  };
}

type PublishCliFlags = StageCliFlags & { wait: boolean; timeout: number; poll: number; publishEarly?: boolean; force?: boolean };

/** Adds `colophon publish` to the CLI. */
export function registerPublish(program: Command, io: Io, setExit: (code: number) => void, deps?: PublishDeps): Command {
  return stageOptions(
    program
      .command('publish')
      .description('check an issue, upload it to the stage, and follow each article until it is rendered')
      .argument('<issue-dir>', 'an issue folder (a journal or metadata folder publishes each of its issues)'),
  )
    .option('--timeout <seconds>', 'stop following after this long (the stage goes on)', secondsOption(1), 300)
    .option('--poll <seconds>', 'how often to look at the records table', secondsOption(0.05), 2)
    .option('--no-wait', 'upload and return without following the articles')
    .option('--publish-early', 'put articles whose online date is still to come live now (without it they wait for their date)')
    .option('--force', 'publish even over console changes made since the files were pulled (they are overwritten; without it publish refuses and names them)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ colophon publish metadata/balcanica/L-2019              to the local stand-in (npm start)\n' +
        '  $ colophon publish metadata/balcanica/L-2019 --stage dev  to AWS: names from the stack outputs, credentials as for the AWS CLI\n\n' +
        'Exit codes: 0 every article rendered, 1 problems in the metadata or a failed render, 2 usage or stage unreachable, 75 still rendering at --timeout.',
    )
    .action(async (root: string, flags: PublishCliFlags) => {
      setExit(await runPublish({ ...stageFlags(flags), root, wait: flags.wait, timeoutSeconds: flags.timeout, pollSeconds: flags.poll, ...(flags.publishEarly === true ? { publishEarly: true } : {}), ...(flags.force === true ? { force: true } : {}) }, io, deps));
    });
}
