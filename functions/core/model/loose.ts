/**
 * What a file says that is valid on its own, when the file as a whole is not. Cross-file rules
 * (DOIs inside the prefix, duplicate DOIs, sections, ORCID iDs) run on these values, so one
 * mistake in a file never hides another in the same or any other file.
 */
import * as z from 'zod';

/**
 * The valid fields of a file: each field present only when it passed its own schema; a list keeps
 * its positions, with `undefined` for each item that did not. `$invalid` names the fields given
 * in the file but refused (absent from the object): a rule that needs one of them cannot decide.
 */
export type Loose<T> = { readonly [K in keyof T]?: T[K] extends readonly (infer E)[] ? readonly (E | undefined)[] : T[K] } & {
  readonly $invalid?: readonly string[];
};

/** The list schema inside `z.array(…).default([])` or `.optional()`, if the field is a list. */
function listItem(field: z.ZodType): z.ZodType | undefined {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
}

/** Each top-level field of `raw` checked on its own against its schema in `schema.shape`. */
export function looseParse<S extends z.ZodObject>(schema: S, raw: unknown): Loose<z.output<S>> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {} as Loose<z.output<S>>;
  const given = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const result = field.safeParse(given[key]);
    if (result.success) {
      if (result.data !== undefined) out[key] = result.data;
      continue;
    }
    invalid.push(key);
    const item = listItem(field);
    const value = given[key];
    if (item && Array.isArray(value)) out[key] = value.map((v) => ((r) => (r.success ? r.data : undefined))(item.safeParse(v)));
  }
  if (invalid.length > 0) out.$invalid = invalid;
  return out as Loose<z.output<S>>;
}

/** Whether a rule can rely on `key` of a loose value: given and valid, or not given at all. */
export const known = <T>(value: Loose<T>, key: keyof T & string): boolean => !(value.$invalid ?? []).includes(key);
