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
