/**
 * What `colophon pull` writes, read from a stage: each published issue's files as the stage holds
 * them now, console changes included. Every publish (from files or from the console) leaves its
 * exact YAML files in the inbox (adapters/inbox.ts), and the records say which publish made what
 * is current: an article's head names the batch of its current version, an issue's record the
 * batch that last changed it. So each file is the very text that made the current record, and
 * publishing the pulled files again changes nothing (same content hashes: no new version).
 *
 * Galleys and covers come back from the stage's content-addressed store, byte for byte.
 */
import type { AttachedEntry } from '#adapters/inbox';
import type { ObjectStore } from '#adapters/object-store';
import type { Head, IssueRecord, RecordsStore } from '#adapters/records';
import type { Draft } from '#adapters/staff-drafts';
import { publishedSources, type IssueSources } from '#handlers/admin/sources';
import { articleId } from '#core/model/index';
import type { PulledBase } from './pull-base.ts';

/** One file to write, relative to the journal's folder (`journal.yaml`, `L-2019/issue.yaml`, `L-2019/edemskiy.pdf`). */
export type PulledFile = { readonly path: string; readonly bytes: string | Uint8Array };

export type PulledIssue = {
  readonly issueId: string;
  readonly files: readonly PulledFile[];
  /** What the stage held, for the base file (pull-base.ts). */
  readonly base: Omit<PulledBase, 'stage' | 'pulledAt'>;
  /** Console drafts not published yet: not in the files. */
  readonly drafts: readonly Draft[];
};

export type PulledJournal = {
  readonly journalId: string;
  /** The journal's folder name as its latest publish gave it (usually its id): where its files go. */
  readonly folder: string;
  readonly journal: PulledFile;
  readonly issues: readonly PulledIssue[];
};

/** The journal or issue is not on the stage; the message says what to do. */
export class PullError extends Error {
  override readonly name = 'PullError';
}

const fileName = (path: string): string => path.replace(/^.*[\\/]/, '');

export type PullStores = {
  readonly records: RecordsStore;
  readonly inbox: ObjectStore;
  readonly drafts: { readonly listIssue: (journal: string, issue: string) => Promise<Draft[]> };
  /** Where the stage was found, for messages. */
  readonly where: string;
};

/** Reads `journal` (every issue, or only `issue`) from the stage. */
export async function pullJournal(stores: PullStores, journal: string, issue?: string): Promise<PulledJournal> {
  const issues = await stores.records.listIssues(journal);
  if (issues.length === 0) {
    const known = (await stores.records.listJournals()).map((j) => j.journal.id).sort();
    throw new PullError(
      `${stores.where} has no journal "${journal}"${known.length > 0 ? ` (it has ${known.join(', ')})` : ' (it has no journal yet)'}: give the journal's id as its journal.yaml has it, or publish the journal once with colophon publish`,
    );
  }
  const chosen = issue === undefined ? issues : issues.filter((i) => i.issue.id === issue);
  if (chosen.length === 0) {
    throw new PullError(`journal "${journal}" on ${stores.where} has no issue "${issue}" (it has ${issues.map((i) => i.issue.id).join(', ')}): give one of these, or leave the issue out to pull them all`);
  }
  const batches = new Map<string, Promise<IssueSources>>();
  const batch = (issueId: string, batchId: string): Promise<IssueSources> => {
    const key = `${issueId}/${batchId}`;
    if (!batches.has(key)) batches.set(key, publishedSources(stores.inbox, journal, issueId, batchId));
    return batches.get(key)!;
  };
  // The journal's file as its latest publish of any issue had it: every publish writes the journal record.
  const latest = [...issues].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0]!;
  const latestBatch = await batch(latest.issue.id, latest.publishedBatchId);
  const journalFile = latestBatch.sources.journal;
  const pulled: PulledIssue[] = [];
  for (const record of chosen) pulled.push(await pullIssue(stores, record, batch));
  const folder = /^[^/\\.][^/\\]*$/.test(latestBatch.manifest.journal) ? latestBatch.manifest.journal : journal;
  // Names come from the stage: each part a plain name, so nothing lands outside the journal's folder. Checked before anything is written.
  const odd = pulled.flatMap((i) => i.files).find((f) => f.path.split('/').some((part) => part === '' || part === '.' || part === '..' || part.includes('\\')));
  if (odd !== undefined) throw new PullError(`${stores.where} names a file "${odd.path}" that is not a plain name below the journal's folder; nothing was written`);
  return { journalId: journal, folder, journal: { path: 'journal.yaml', bytes: journalFile.text }, issues: pulled };
}

async function pullIssue(stores: PullStores, record: IssueRecord, batch: (issueId: string, batchId: string) => Promise<IssueSources>): Promise<PulledIssue> {
  const { journal, issue } = record;
  const dir = issue.id;
  const files: PulledFile[] = [];
  const named = async (owner: string, attached: readonly AttachedEntry[]): Promise<void> => {
    for (const entry of attached.filter((a) => a.owner === owner)) {
      const bytes = await stores.inbox.getBytes(entry.key);
      if (bytes === undefined) throw new PullError(`${entry.name} (named by ${fileName(owner)}) is not on ${stores.where} any more (${entry.key}): publish the issue from the files that have it`);
      files.push({ path: `${dir}/${entry.name}`, bytes });
    }
  };
  // issue.yaml from the publish that last changed the issue's record.
  const issueBatch = await batch(issue.id, record.batchId);
  const issueFile = issueBatch.sources.issues[0]!.issue;
  files.push({ path: `${dir}/issue.yaml`, bytes: issueFile.text });
  await named(issueFile.path, issueBatch.manifest.files.attached);
  // Each article from the publish that made its current version (held ones too: they are published, only not yet out).
  const heads: Head[] = await stores.records.listIssueArticleMeta(journal.id, issue.id, { scheduled: true });
  const articles: PulledBase['articles'] = {};
  for (const head of [...heads].sort((a, b) => a.articleId.localeCompare(b.articleId))) {
    const made = await batch(issue.id, head.batchId);
    const file = made.sources.issues[0]!.articles.find((a) => articleId(a.path) === head.articleId);
    if (file === undefined) throw new PullError(`the publish that made version ${head.version} of ${head.doi} (batch ${head.batchId}) has no file for article "${head.articleId}" on ${stores.where}`);
    files.push({ path: `${dir}/${fileName(file.path)}`, bytes: file.text });
    await named(file.path, made.manifest.files.attached);
    articles[head.doi.toLowerCase()] = { version: head.version, hash: head.hash };
  }
  const drafts = (await stores.drafts.listIssue(journal.id, issue.id)).filter((d) => d.published === undefined);
  return { issueId: issue.id, files: dedupe(files), base: { issue: { hash: record.hash }, articles }, drafts };
}

/** A file named twice (two articles sharing a galley) is written once. */
function dedupe(files: readonly PulledFile[]): PulledFile[] {
  const seen = new Map<string, PulledFile>();
  for (const f of files) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}

