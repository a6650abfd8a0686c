/**
 * Content hashes: SHA-256 over a canonical JSON form (object keys sorted, `undefined` dropped),
 * so the same normalised record always hashes the same, whatever order its fields were built in.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys in code-point order at every depth (RFC 8785's ordering, without its number rules). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The hash of a record: what decides whether a new version is written. */
export const recordHash = (value: unknown): string => sha256(canonicalJson(value));

/** S3's ETag for a single-part upload without SSE-KMS: the body's MD5, quoted (used only as a fallback). */
export const md5Etag = (data: string | Uint8Array): string => `"${createHash('md5').update(data).digest('hex')}"`;
