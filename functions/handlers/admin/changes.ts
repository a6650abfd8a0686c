/** Which fields a save changed, as field paths (`contributors[0].orcid`), for the audit trail. */
import { formatPath, type FieldPath } from '#core/model/problems';

/** At most this many paths per entry: a pasted-over article is "everything", not 500 lines. */
const MAX_PATHS = 50;

export function changedFields(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: FieldPath): void => {
    if (out.length > MAX_PATHS) return;
    if (Object.is(a, b)) return;
    const objA = typeof a === 'object' && a !== null;
    const objB = typeof b === 'object' && b !== null;
    if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of [...keys].sort()) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, Array.isArray(a) ? Number(k) : k]);
      return;
    }
    out.push(path.length === 0 ? '(whole article)' : formatPath(path));
  };
  walk(before, after, []);
  return out.length > MAX_PATHS ? [...out.slice(0, MAX_PATHS), '…'] : out;
}
