/**
 * Every field of every generated JSON Schema (metadata/schema, what an editor's YAML language
 * server shows) has a description, every field holding a value has an example, and identifiers
 * and dates carry a pattern, so editors learn what a field is while typing (issue 13, item 5).
 * The schemas are walked whole: a field added later without them fails here.
 */
import { describe, expect, test } from 'vitest';
import { jsonSchemaFiles } from '#cli/json-schema';

type Schema = { [key: string]: unknown };

/** Every property of the schema, with its path: `contributors[].orcid`. */
function fields(node: unknown, path = ''): [string, Schema][] {
  if (!node || typeof node !== 'object') return [];
  const schema = node as Schema;
  const out: [string, Schema][] = [];
  for (const [name, child] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
    const at = path ? `${path}.${name}` : name;
    out.push([at, child], ...fields(child, at));
  }
  for (const key of ['items', 'additionalProperties'] as const) if (schema[key]) out.push(...fields(schema[key], `${path}${key === 'items' ? '[]' : '.*'}`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const branch of (schema[key] as unknown[] | undefined) ?? []) out.push(...fields(branch, path));
  return out;
}

/** A field holds a value (text, a number, true/false, or a list of such), not only a mapping of other fields. */
function holdsValue(schema: Schema): boolean {
  const types = [schema.type, ...((schema.anyOf as Schema[] | undefined) ?? []).map((b) => b.type)].flat();
  if (types.some((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean')) return true;
  return schema.type === 'array' && holdsValue((schema.items as Schema | undefined) ?? {});
}

const hasExample = (schema: Schema): boolean =>
  Array.isArray(schema.examples) || (schema.type === 'array' && Array.isArray((schema.items as Schema | undefined)?.examples)) || schema.enum !== undefined;

const hasPattern = (schema: Schema): boolean => typeof schema.pattern === 'string' || ((schema.anyOf as Schema[] | undefined) ?? []).some((b) => typeof b.pattern === 'string');

/** Identifiers and dates: an editor's language server can flag a malformed one while typing. */
const PATTERNED = /(^|\.)(doi|orcid|ror|print|electronic|online|received|accepted|doi_prefix|language|country|id|section)$/;

const files = [...jsonSchemaFiles()].map(([name, text]) => [name, JSON.parse(text) as Schema] as const);

describe.each(files)('%s documents every field', (_name, schema) => {
  const all = fields(schema);

  test('there are fields to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  test('every field has a description', () => {
    expect(all.filter(([, s]) => typeof s.description !== 'string' || s.description.length < 10).map(([p]) => p)).toEqual([]);
  });

  test('every field that holds a value has an example (or an enum)', () => {
    expect(all.filter(([, s]) => holdsValue(s) && !hasExample(s)).map(([p]) => p)).toEqual([]);
  });

  test('identifiers, language tags and dates have a pattern', () => {
    expect(all.filter(([p, s]) => PATTERNED.test(p) && holdsValue(s) && !hasPattern(s)).map(([p]) => p)).toEqual([]);
  });
});
