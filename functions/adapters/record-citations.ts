/**
 * How the citations kept with an article version (core/cite/stored-citations.ts) are stored: gzip
 * JSON in the version item's binary attribute `citationsGz`, beside the record's body
 * (record-body.ts), written once with the version and read with it. Versions written before issue
 * 16's change have none, and a value that cannot be read is ignored: either way the landing page
 * renders its citations with citeproc, as it always did, so nothing breaks for lack of them.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { StoredCitation, StoredCitations } from '#core/cite/index';
import type { Inline } from '#core/model/index';
import { INLINE_TAGS } from '#core/model/markup';
import type { Item } from './records-table.ts';

export const CITATIONS_ATTRIBUTE = 'citationsGz';

/** The attribute that holds a version's citations: spread into the version item written. */
export function citationsBody(citations: StoredCitations): { readonly citationsGz: Uint8Array } {
  return { citationsGz: gzipSync(JSON.stringify(citations)) };
}

const isInline = (node: unknown): node is Inline =>
  typeof node === 'string' ||
  (typeof node === 'object' && node !== null && (INLINE_TAGS as readonly unknown[]).includes((node as { tag?: unknown }).tag) && Array.isArray((node as { children?: unknown }).children) && (node as { children: unknown[] }).children.every(isInline));

const isEntry = (e: unknown): e is StoredCitation => {
  const entry = e as Partial<Record<keyof StoredCitation, unknown>> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.style === 'string' && typeof entry.locale === 'string' && typeof entry.engine === 'string' && Array.isArray(entry.inline) && entry.inline.every(isInline);
};

/** The citations stored in a version item, or undefined when it has none (or none readable). */
export function readCitations(item: Item): StoredCitations | undefined {
  const compressed = item[CITATIONS_ATTRIBUTE];
  if (!(compressed instanceof Uint8Array)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(compressed).toString('utf8'));
  } catch {
    return undefined;
  }
  const c = parsed as Partial<Record<keyof StoredCitations, unknown>> | null;
  return typeof c === 'object' && c !== null && typeof c.item === 'string' && Array.isArray(c.entries) && c.entries.every(isEntry) ? (c as StoredCitations) : undefined;
}
