/**
 * Ingest's check of the files an issue's metadata names (galleys given by `path`, the issue's cover): each must have
 * come with the batch (listed in the manifest, at its content-addressed key under this journal),
 * be in the inbox, be no larger than the stage takes, hash to what the manifest says, and start
 * like the format its YAML declares. One wrong file refuses the whole issue, naming the YAML file,
 * the field and its line: nothing is published. A file the article's current record already holds
 * with the same hash was checked when that record was written and is not downloaded again.
 */
import { sha256 } from '#adapters/content-hash';
import { attachedFileKey, type Manifest } from '#adapters/inbox';
import type { ObjectStore } from '#adapters/object-store';
import type { Stored } from '#adapters/records';
import { articleId, attachFiles, coverFormat, fileProblem, ISSUE_OWNER, SNIFF_BYTES, type AttachedFile, type FieldPath, type IssueBundle, type JournalSources, type Problem, type SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { mapLimit } from './pool.ts';

export type FileCheckDeps = {
  readonly inbox: Pick<ObjectStore, 'head' | 'getBytes'>;
  /** The largest file the stage takes (stage config, `GALLEY_MAX_BYTES`). */
  readonly maxBytes: number;
};

export type FileCheck = { readonly ok: true; readonly bundle: IssueBundle } | { readonly ok: false; readonly problems: Problem[] };

type Want = { readonly owner: string; readonly source: SourceFile; readonly field: FieldPath; readonly name: string; readonly format: Parameters<typeof fileProblem>[0]; readonly known: AttachedFile | undefined };

/**
 * Files checked at once. One by one, an issue's 25 galleys (a HEAD and a GET each) took 0.7–4 s of
 * its Ingest on the local stand-in, most of the invocation's wall time besides the writes (issue 16).
 */
const MAX_PARALLEL = 8;
/**
 * Bytes held at once while files are checked (each is read whole to hash it): Ingest has 1,024 MB,
 * and one file may be as large as the stage takes (100 MB by default), so large files go fewer at a time.
 */
const BYTES_IN_FLIGHT = 256 * 1024 * 1024;

/** The manifest's entry for a wanted file: the upload that brought it. */
const entryOf = (manifest: Manifest, want: Want) => manifest.files.attached.find((e) => e.owner === want.source.path && e.name === want.name);

/** How many of these files to check at once: at most MAX_PARALLEL, and never more than BYTES_IN_FLIGHT at their largest. */
function parallelism(deps: FileCheckDeps, manifest: Manifest, wants: readonly Want[]): number {
  const largest = Math.max(1, ...wants.map((want) => Math.min(deps.maxBytes, entryOf(manifest, want)?.size ?? deps.maxBytes)));
  return Math.max(1, Math.min(MAX_PARALLEL, Math.floor(BYTES_IN_FLIGHT / largest)));
}

const REUPLOAD = 'publish again with colophon publish, which uploads each file with the issue';
const REPLACE = 'replace the file with the right one, or correct its format in the YAML file, and publish again';

/** Checks one file; its facts, or what is wrong with it (a message, and whether uploading again helps). */
async function checkOne(deps: FileCheckDeps, manifest: Manifest, journalId: string, want: Want): Promise<AttachedFile | string | { readonly content: string }> {
  const entry = entryOf(manifest, want);
  if (entry === undefined) return `file "${want.name}" did not come with this upload`;
  // The manifest could name any key: only this journal's copy of exactly these bytes is taken.
  if (entry.key !== attachedFileKey(journalId, entry.sha256)) return `file "${want.name}" is listed at ${entry.key}, which is not where this journal's files are kept`;
  if (want.known?.sha256 === entry.sha256 && want.known.size === entry.size) return want.known;
  const tooLarge = (size: number): { content: string } => ({ content: `file "${want.name}" ${fileProblem(want.format, new Uint8Array(), size, deps.maxBytes) ?? 'is too large'}` });
  if (entry.size > deps.maxBytes) return tooLarge(entry.size);
  const stored = await deps.inbox.head(entry.key);
  if (stored === undefined) return `file "${want.name}" is not on the stage: the upload did not finish`;
  if (stored.size !== undefined && stored.size > deps.maxBytes) return tooLarge(stored.size);
  // Not the bytes uploaded (so not worth downloading): it also keeps what is read at once to what the manifest declares (`parallelism`).
  if (stored.size !== undefined && stored.size !== entry.size) return `file "${want.name}" on the stage does not match the one uploaded (its size differs)`;
  const bytes = await deps.inbox.getBytes(entry.key);
  if (bytes === undefined) return `file "${want.name}" is not on the stage: the upload did not finish`;
  if (sha256(bytes) !== entry.sha256 || bytes.length !== entry.size) return `file "${want.name}" on the stage does not match the one uploaded (its SHA-256 differs)`;
  const problem = fileProblem(want.format, bytes.subarray(0, SNIFF_BYTES), bytes.length, deps.maxBytes);
  return problem === undefined ? { sha256: entry.sha256, size: entry.size } : { content: `file "${want.name}" ${problem}` };
}

/** The files each article of `bundle` (and its issue.yaml) names, checked against the manifest and the inbox; the bundle with their facts, or every problem. */
export async function checkAttachedFiles(
  deps: FileCheckDeps,
  manifest: Manifest,
  sources: JournalSources,
  bundle: IssueBundle,
  heads: ReadonlyMap<string, Stored>,
  /** The issue as stored before this upload: its cover, checked then, is not downloaded again. */
  stored?: IssueBundle['issue'],
): Promise<FileCheck> {
  const issue = sources.issues[0];
  const wants: Want[] = [];
  for (const article of bundle.articles) {
    const source = issue?.articles.find((a) => articleId(a.path) === article.id);
    if (source === undefined) continue;
    const recorded = heads.get(article.doi.toLowerCase())?.record.article.galleys ?? [];
    article.galleys.forEach((g, k) => {
      if (g.path === undefined) return;
      const known = recorded.find((r) => r.path === g.path && r.format === g.format)?.file;
      wants.push({ owner: article.id, source, field: ['galleys', k, 'path'], name: g.path, format: g.format, known });
    });
  }
  // The issue's cover, checked like a galley (its format from its name's ending: model/cover.ts).
  const cover = bundle.issue.cover;
  const coverKind = cover === undefined ? undefined : coverFormat(cover.path);
  const knownCover = stored?.cover?.path === cover?.path ? stored?.cover?.file : undefined;
  if (issue !== undefined && cover !== undefined && coverKind !== undefined) wants.push({ owner: ISSUE_OWNER, source: issue.issue, field: ['cover', 'path'], name: cover.path, format: coverKind, known: knownCover });
  const problems: Problem[] = [];
  const found = new Map<string, AttachedFile>();
  // Checked a few at once, reported in the issue's order.
  const outcomes = await mapLimit(wants, parallelism(deps, manifest, wants), (want) => checkOne(deps, manifest, bundle.journal.id, want));
  for (const [k, want] of wants.entries()) {
    const outcome = outcomes[k]!;
    if (typeof outcome !== 'string' && !('content' in outcome)) {
      found.set(`${want.owner}/${want.name}`, outcome);
      continue;
    }
    const [message, hint] = typeof outcome === 'string' ? [outcome, REUPLOAD] : [outcome.content, REPLACE];
    const yaml = parseYaml(want.source);
    problems.push({ file: want.source.path, path: want.field, message, hint, ...(yaml.ok ? yaml.locate(want.field) : {}) });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, bundle: attachFiles(bundle, (owner, name) => found.get(`${owner}/${name}`)) };
}
