/**
 * EventBridge event patterns, the part the stand-in's rules use: exact values, `prefix`,
 * `suffix`, `wildcard` (`*` matches any run of characters, `/` included), `exists`,
 * `anything-but`, `equals-ignore-case`, nested fields; every field must match, any value may.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
import type { Json } from './template.ts';

const escapeRegExp = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const wildcard = (pattern: string): RegExp => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 's');

function matchValue(condition: Json, value: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return value === condition;
  if (Array.isArray(condition)) return false;
  const [operator, operand] = Object.entries(condition)[0] ?? [];
  const text = typeof value === 'string' ? value : undefined;
  switch (operator) {
    case 'prefix':
      return text !== undefined && text.startsWith(String(operand));
    case 'suffix':
      return text !== undefined && text.endsWith(String(operand));
    case 'wildcard':
      return text !== undefined && wildcard(String(operand)).test(text);
    case 'equals-ignore-case':
      return text !== undefined && text.toLowerCase() === String(operand).toLowerCase();
    case 'exists':
      return (value !== undefined) === operand;
    case 'anything-but':
      return Array.isArray(operand) ? !operand.some((o) => matchValue(o, value)) : !matchValue(operand ?? null, value);
    default:
      throw new RangeError(`event pattern operator ${String(operator)} is not supported locally`);
  }
}

/** Whether `event` matches `pattern` (objects recurse; a list of conditions matches when any does). */
export function matchesPattern(pattern: Record<string, Json>, event: unknown): boolean {
  const record = (event ?? {}) as Record<string, unknown>;
  return Object.entries(pattern).every(([field, condition]) => {
    const value = record[field];
    if (Array.isArray(condition)) {
      const values = Array.isArray(value) ? value : [value];
      return condition.some((c) => (c !== null && typeof c === 'object' && 'exists' in c ? matchValue(c, value) : values.some((v) => matchValue(c, v))));
    }
    if (condition !== null && typeof condition === 'object') return matchesPattern(condition, value);
    return false;
  });
}
