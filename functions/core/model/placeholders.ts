/**
 * The mark `colophon new` puts on every value staff must give. A file that still holds one is
 * not ready: each is a problem of its own, and says nothing else about that field.
 */
import type { FieldPath } from './problems.ts';

export const FILL_IN = 'FILL IN';

/** The path of every value that is still the skeleton's mark. */
export function placeholderPaths(value: unknown, path: FieldPath = []): FieldPath[] {
  if (typeof value === 'string') return value.trim() === FILL_IN ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, k) => placeholderPaths(v, [...path, k]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, [...path, k]));
  return [];
}
