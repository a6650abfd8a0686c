/**
 * An article's files written all or none, as far as S3 allows (it has no multi-object transaction):
 * the objects about to be replaced are read first (one GET each; a missing one is new), then the
 * files are written, the landing page last. When a write fails (S3 error, throttling, a dropped
 * connection), every file already replaced gets its old bytes back before the error goes on, so
 * readers see the old article whole, never old pages beside new downloads; the retry writes the
 * new set again. A file that did not exist before stays (Render may not delete: its grant has no
 * s3:DeleteObject), unlinked from the old landing page. Not covered: the process dying between two
 * writes (timeout, out of memory): nothing runs to restore, and the article's files stay mixed until
 * the message's retry rewrites them all (or `colophon redrive`, once dead-lettered).
 */
import type { Logger } from '#adapters/logger';
import type { ObjectHeaders, ObjectStore, PutOutcome } from '#adapters/object-store';
import { describeError } from '#adapters/errors';
import { mapLimit } from './pool.ts';

/** `sha256`: the body's hash, when the caller has just computed it from these bytes (put does not hash them again). */
export type FileWrite = { readonly key: string; readonly body: string | Uint8Array; readonly headers: ObjectHeaders; readonly sha256?: string };

/** GETs in flight while the old files are read. */
const READ_CONCURRENCY = 8;

/**
 * Writes `groups` one after another (each group's files at once), restoring every replaced file
 * when any write fails. Without `getBytes` (a store that cannot read) it writes without a backup.
 */
export async function writeAllOrRestore(site: Pick<ObjectStore, 'put'> & Partial<Pick<ObjectStore, 'getBytes'>>, groups: readonly (readonly FileWrite[])[], log: Logger): Promise<PutOutcome[]> {
  const all = groups.flat();
  const read = site.getBytes;
  const before = read ? await mapLimit(all, READ_CONCURRENCY, (w) => read(w.key)) : [];
  const old = new Map(all.flatMap((w, k) => (before[k] === undefined ? [] : [[w.key, before[k]] as const])));
  const touched: FileWrite[] = [];
  const out: PutOutcome[] = [];
  for (const group of groups) {
    const settled = await Promise.allSettled(group.map(async (w) => (touched.push(w), site.put(w.key, w.body, w.headers, w.sha256))));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await restore(site, touched, old, log);
      throw failed.reason;
    }
    out.push(...settled.map((s) => (s as PromiseFulfilledResult<PutOutcome>).value));
  }
  return out;
}

async function restore(site: Pick<ObjectStore, 'put'>, touched: readonly FileWrite[], old: ReadonlyMap<string, Uint8Array>, log: Logger): Promise<void> {
  const back = touched.filter((w) => old.has(w.key));
  const results = await Promise.allSettled(back.map((w) => site.put(w.key, old.get(w.key)!, w.headers)));
  const lost = back.filter((_, k) => results[k]!.status === 'rejected').map((w) => w.key);
  if (lost.length > 0) log.error('render failed and some old files could not be put back; the retry rewrites them', { keys: lost, error: describeError((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason) });
  else log.warn('render failed part-way; the files it had replaced are back as they were', { restored: back.length, left: touched.length - back.length });
}
