/**
 * The inbox layout: how one publish of one issue travels from the CLI (or the local stand-in)
 * to the ingest Lambda. Every publish gets its own batch folder, so two uploads never mix:
 *
 *     inbox/<journal>/<issue>/<batchId>/journal.yaml
 *     inbox/<journal>/<issue>/<batchId>/issue.yaml
 *     inbox/<journal>/<issue>/<batchId>/articles/<article>.yaml
 *     inbox/<journal>/<issue>/<batchId>/_publish.json   written last: its Object Created event starts ingest
 *
 * The manifest lists every file with the path the editor knows it by, so problems found by the
 * ingest Lambda name `metadata/balcanica/L-2019/edemskiy.yaml`, not an S3 key.
 */
import { z } from 'zod';
import type { JournalSources, SourceFile } from '#core/model/index';
import type { ObjectStore } from './object-store.ts';
import { StorageError } from './errors.ts';

export const INBOX_PREFIX = 'inbox/';
export const MANIFEST_FILE = '_publish.json';
const YAML_TYPE = 'application/yaml; charset=utf-8';

const fileEntry = z.strictObject({ key: z.string().min(1), path: z.string().min(1) });
export const manifestSchema = z.strictObject({
  format: z.literal(1),
  batchId: z.string().min(1),
  journal: z.string().min(1),
  issue: z.string().min(1),
  files: z.strictObject({ journal: fileEntry, issue: fileEntry, articles: z.array(fileEntry) }),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const isManifestKey = (key: string): boolean => key.startsWith(INBOX_PREFIX) && key.endsWith(`/${MANIFEST_FILE}`);

/** A sortable batch id: UTC time to the millisecond and a random suffix (both given by the caller). */
export const newBatchId = (now: Date, suffix: string): string => `${now.toISOString().replace(/[:.]/g, '-')}-${suffix}`;

/** Uploads one issue of `sources` (one journal, one issue) and then its manifest; returns the manifest key. */
export async function uploadIssue(inbox: ObjectStore, sources: JournalSources, batchId: string): Promise<string> {
  const issue = sources.issues[0];
  if (sources.issues.length !== 1 || issue === undefined) throw new RangeError(`uploadIssue takes one issue, got ${sources.issues.length}`);
  const base = `${INBOX_PREFIX}${sources.id}/${issue.id}/${batchId}`;
  const entry = (file: SourceFile, key: string) => ({ key, path: file.path });
  const manifest: Manifest = {
    format: 1,
    batchId,
    journal: sources.id,
    issue: issue.id,
    files: {
      journal: entry(sources.journal, `${base}/journal.yaml`),
      issue: entry(issue.issue, `${base}/issue.yaml`),
      articles: issue.articles.map((a) => entry(a, `${base}/articles/${a.path.replace(/^.*[\\/]/, '')}`)),
    },
  };
  const texts = [[manifest.files.journal.key, sources.journal.text], [manifest.files.issue.key, issue.issue.text], ...manifest.files.articles.map((a, k) => [a.key, issue.articles[k]!.text])] as const;
  await Promise.all(texts.map(([key, text]) => inbox.put(key, text, { contentType: YAML_TYPE })));
  const key = `${base}/${MANIFEST_FILE}`;
  await inbox.put(key, JSON.stringify(manifest, null, 2), { contentType: 'application/json' });
  return key;
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
  const read = async (entry: { key: string; path: string }): Promise<SourceFile> => {
    const body = await inbox.getText(entry.key);
    if (body === undefined) throw new StorageError(`the manifest lists ${entry.key}, which is missing`, inbox.bucket, entry.key);
    return { path: entry.path, text: body };
  };
  const [journal, issue, ...articles] = await Promise.all([read(manifest.files.journal), read(manifest.files.issue), ...manifest.files.articles.map(read)]);
  return { ok: true, manifest, sources: { id: manifest.journal, journal: journal!, issues: [{ id: manifest.issue, issue: issue!, articles }] } };
}
