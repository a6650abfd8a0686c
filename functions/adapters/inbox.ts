/**
 * The inbox layout: how one publish of one issue travels from the CLI (or the local stand-in)
 * to the ingest Lambda. Every publish gets its own batch folder, so two uploads never mix:
 *
 *     inbox/<journal>/<issue>/<batchId>/_publish.json   the manifest, with the text of every YAML file of
 *                                                       the batch in it: its Object Created event starts ingest
 *     galleys/<journal id>/<sha256>                      each file the metadata names (galleys), by content,
 *                                                       uploaded before the manifest
 *
 * One object per batch, not one per YAML file (issue 16: an S3 PUT costs as much as 12 GETs, and a
 * 25-article issue was 28 PUTs before its galleys). Batches made before hold each YAML file beside
 * the manifest (`journal.yaml`, `issue.yaml`, `articles/<article>.yaml`), named in it by key; they
 * are still read (`readIssue`), so `colophon pull` and the console give back their exact text too.
 *
 * Files (galleys) are content-addressed: the key is the SHA-256 of the bytes, so a file already on
 * the stage is never uploaded again (a HEAD first), a changed one gets a new key, and a batch can
 * never overwrite what an earlier batch's articles still point at. They sit outside `inbox/`, under
 * their own prefix, so that Render can be granted read on them and on nothing else of the inbox.
 *
 * The manifest lists every file with the path the editor knows it by, so problems found by the
 * ingest Lambda name `metadata/balcanica/L-2019/edemskiy.yaml`, not an S3 key.
 */
import * as z from 'zod';
import type { JournalSources, SourceFile } from '#core/model/index';
import type { ObjectStore } from './object-store.ts';
import { StorageError } from './errors.ts';
import { INBOX_PREFIX, MANIFEST_FILE, attachedFileKey } from './inbox-keys.ts';

export { FILES_PREFIX, INBOX_PREFIX, MANIFEST_FILE, attachedFileKey, isManifestKey } from './inbox-keys.ts';


/** A YAML file of the batch: its text in the manifest itself, or (batches made before) the key of the object holding it. */
const fileEntry = z.union([z.strictObject({ path: z.string().min(1), text: z.string() }), z.strictObject({ key: z.string().min(1), path: z.string().min(1) })]);

const SHA256 = /^[0-9a-f]{64}$/;

/** A file named by a YAML file of the batch: `owner` is that file's path as in `files`, `name` the name it gives. */
const attachedEntry = z.strictObject({
  owner: z.string().min(1),
  name: z.string().min(1),
  sha256: z.string().regex(SHA256),
  size: z.number().int().nonnegative(),
  key: z.string().min(1),
});
export type AttachedEntry = z.infer<typeof attachedEntry>;
export const manifestSchema = z.strictObject({
  format: z.literal(1),
  batchId: z.string().min(1),
  journal: z.string().min(1),
  issue: z.string().min(1),
  files: z.strictObject({ journal: fileEntry, issue: fileEntry, articles: z.array(fileEntry), attached: z.array(attachedEntry).default([]) }),
  /** Staff chose to publish now, whatever the online dates say (`colophon publish --publish-early`). */
  publishEarly: z.literal(true).optional(),
  /** Where the batch was made: metadata files (`colophon publish`) or the staff console. Batches without it came from files (or from a console before it was recorded). */
  source: z.enum(['files', 'console']).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A file to send with the batch: its facts and how to read its bytes (only when it must be uploaded). */
export type AttachedUpload = { readonly owner: string; readonly name: string; readonly sha256: string; readonly size: number; readonly read: () => Uint8Array };

export type Uploaded = {
  readonly manifestKey: string;
  /** Files sent now, and files the stage already had (same content, so not sent again). */
  readonly files: { readonly uploaded: number; readonly unchanged: number };
};


/** A sortable batch id: UTC time to the millisecond and a random suffix (both given by the caller). */
export const newBatchId = (now: Date, suffix: string): string => `${now.toISOString().replace(/[:.]/g, '-')}-${suffix}`;

/** Sends each file the stage does not have yet (same key = same bytes); how many were sent. */
async function uploadFiles(inbox: ObjectStore, journal: string, files: readonly AttachedUpload[]): Promise<{ uploaded: number; unchanged: number }> {
  let uploaded = 0;
  const seen = new Set<string>();
  for (const file of files) {
    const key = attachedFileKey(journal, file.sha256);
    if (seen.has(key)) continue;
    seen.add(key);
    const there = await inbox.head(key);
    if (there?.sha256 === file.sha256) continue;
    await inbox.put(key, file.read(), { contentType: 'application/octet-stream' });
    uploaded += 1;
  }
  return { uploaded, unchanged: seen.size - uploaded };
}

/**
 * Uploads one issue of `sources` (one journal, one issue): first the files its metadata names that
 * the stage lacks, then the YAML files, then the manifest (which starts ingest).
 */
export async function uploadIssue(
  inbox: ObjectStore,
  sources: JournalSources,
  batchId: string,
  options: {
    readonly files?: readonly AttachedUpload[];
    /** The journal's id as its journal.yaml gives it (the folder name by default): files are kept under it. */
    readonly journalId?: string;
    /** Publish articles whose online date is still to come now, not on that date. */
    readonly publishEarly?: boolean;
    /** Where the batch was made (the manifest's `source`). */
    readonly source?: Manifest['source'];
  } = {},
): Promise<Uploaded> {
  const attached = options.files ?? [];
  const scope = options.journalId ?? sources.id;
  const issue = sources.issues[0];
  if (sources.issues.length !== 1 || issue === undefined) throw new RangeError(`uploadIssue takes one issue, got ${sources.issues.length}`);
  const base = `${INBOX_PREFIX}${sources.id}/${issue.id}/${batchId}`;
  const entry = (file: SourceFile) => ({ path: file.path, text: file.text });
  const manifest: Manifest = {
    format: 1,
    batchId,
    journal: sources.id,
    issue: issue.id,
    files: {
      journal: entry(sources.journal),
      issue: entry(issue.issue),
      articles: issue.articles.map(entry),
      attached: attached.map((f) => ({ owner: f.owner, name: f.name, sha256: f.sha256, size: f.size, key: attachedFileKey(scope, f.sha256) })),
    },
    ...(options.publishEarly === true ? { publishEarly: true as const } : {}),
    ...(options.source === undefined ? {} : { source: options.source }),
  };
  const files = await uploadFiles(inbox, scope, attached);
  const key = `${base}/${MANIFEST_FILE}`;
  await inbox.put(key, JSON.stringify(manifest, null, 2), { contentType: 'application/json' });
  return { manifestKey: key, files };
}

/** Where a batch's manifest is: beside its files, under the journal's folder name and the issue. */
export const manifestKeyOf = (journalFolder: string, issue: string, batchId: string): string => `${INBOX_PREFIX}${journalFolder}/${issue}/${batchId}/${MANIFEST_FILE}`;

/** Where the batch whose manifest is at `key` was made; one without `source` (or not found) came from files. */
export async function batchSource(inbox: Pick<ObjectStore, 'getText'>, key: string): Promise<'files' | 'console' | undefined> {
  const text = await inbox.getText(key);
  if (text === undefined) return undefined;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.source === 'console' ? 'console' : 'files';
  } catch {
    return 'files';
  }
}

export type InboxIssue = { readonly ok: true; readonly manifest: Manifest; readonly sources: JournalSources } | { readonly ok: false; readonly reason: string };

/** Reads a manifest and every file it lists back into the sources the core loader takes. */
export async function readIssue(inbox: ObjectStore, manifestKey: string): Promise<InboxIssue> {
  const text = await inbox.getText(manifestKey);
  if (text === undefined) return { ok: false, reason: `${manifestKey} does not exist` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${manifestKey} is not JSON` };
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: `${manifestKey} is not a manifest: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  const manifest = result.data;
  const read = async (entry: Manifest['files']['journal']): Promise<SourceFile> => {
    if ('text' in entry) return { path: entry.path, text: entry.text };
    const body = await inbox.getText(entry.key);
    if (body === undefined) throw new StorageError(`the manifest lists ${entry.key}, which is missing`, inbox.bucket, entry.key);
    return { path: entry.path, text: body };
  };
  const [journal, issue, ...articles] = await Promise.all([read(manifest.files.journal), read(manifest.files.issue), ...manifest.files.articles.map(read)]);
  return { ok: true, manifest, sources: { id: manifest.journal, journal: journal!, issues: [{ id: manifest.issue, issue: issue!, articles }] } };
}
