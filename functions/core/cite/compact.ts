/** Optional fields without `undefined` values, so that `exactOptionalPropertyTypes` objects can be built in one literal. */
export type Compact<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** A copy of `fields` without the keys whose value is undefined (key order kept, so output stays deterministic). */
export function compact<T extends object>(fields: T): Compact<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as Compact<T>;
}
