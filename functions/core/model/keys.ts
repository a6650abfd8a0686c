/** Every field name a schema accepts, for did-you-mean hints on unknown fields. */
import * as z from 'zod';

const cache = new WeakMap<z.ZodType, string[]>();

export function schemaKeys(schema: z.ZodType): string[] {
  const hit = cache.get(schema);
  if (hit) return hit;
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') for (const k of Object.keys(record.properties)) keys.add(k);
    for (const value of Object.values(record)) walk(value);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  const list = [...keys].sort();
  cache.set(schema, list);
  return list;
}

type JsonNode = { readonly [key: string]: unknown };
const jsonCache = new WeakMap<z.ZodType, JsonNode>();
const asNode = (value: unknown): JsonNode | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonNode) : undefined);
/** The nodes listed under `anyOf`/`oneOf` (and `allOf` when asked) of a node. */
const branchesOf = (node: JsonNode, names: readonly string[]): JsonNode[] =>
  names.flatMap((name) => (Array.isArray(node[name]) ? (node[name] as unknown[]) : [])).flatMap((b): JsonNode[] => {
    const n = asNode(b);
    return n === undefined ? [] : [n];
  });

/** The JSON Schema nodes a value at one step below `node` may match (a property, a list item, a record's value; through unions and references). */
function below(node: JsonNode, step: string | number, defs: JsonNode): JsonNode[] {
  const ref = typeof node.$ref === 'string' ? asNode(defs[node.$ref.replace(/^#\/\$defs\//, '')]) : undefined;
  if (ref) return below(ref, step, defs);
  const branches = branchesOf(node, ['anyOf', 'oneOf', 'allOf']);
  if (branches.length > 0) return branches.flatMap((b) => below(b, step, defs));
  const child = typeof step === 'number' ? node.items : (asNode(node.properties)?.[step] ?? node.additionalProperties);
  const found = asNode(child);
  return found ? [found] : [];
}

/** What a field holds, from the JSON Schema: its `describe()` text and, for a mapping, its field names or that it is keyed freely. */
export type FieldShape = { readonly description?: string; readonly fields?: readonly string[]; readonly keyed?: boolean };

/**
 * The shape of the field at `path` (the words the console's form shows), for a hint where a
 * value has the wrong shape altogether: an editor who wrote text where a mapping belongs needs to
 * know what the field holds, not zod's type name.
 */
export function fieldShape(schema: z.ZodType, path: readonly (string | number)[]): FieldShape {
  let json = jsonCache.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    jsonCache.set(schema, json);
  }
  const defs = asNode(json.$defs) ?? {};
  const resolve = (n: JsonNode): JsonNode[] => {
    const ref = typeof n.$ref === 'string' ? asNode(defs[n.$ref.replace(/^#\/\$defs\//, '')]) : undefined;
    if (ref) return [n, ...resolve(ref)];
    return [n, ...branchesOf(n, ['anyOf', 'oneOf']).flatMap(resolve)];
  };
  let nodes: JsonNode[] = [json];
  for (const step of path) nodes = nodes.flatMap((n) => below(n, step, defs));
  const all = nodes.flatMap(resolve);
  const description = all.map((n) => n.description).find((d): d is string => typeof d === 'string' && d !== '');
  const fields = [...new Set(all.flatMap((n) => Object.keys(asNode(n.properties) ?? {})))];
  const keyed = all.some((n) => asNode(n.additionalProperties) !== undefined && asNode(n.properties) === undefined);
  return { ...(description === undefined ? {} : { description }), ...(fields.length === 0 ? {} : { fields }), ...(keyed ? { keyed } : {}) };
}
