/**
 * zod issues → problems a production editor can act on: plain words ("must be text, not a
 * list"), the field path, the spot in the file, and a hint where one helps.
 */
import type { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import type { FieldPath, Problem } from './problems.ts';
import { fieldShape, schemaKeys } from './keys.ts';
import type { Position } from './yaml-source.ts';

type Locate = (path: FieldPath, key?: boolean) => Position;
type Issue = z.core.$ZodIssue;
type Context = { readonly file: string; readonly root: unknown; readonly locate: Locate; readonly schema: z.ZodType };

function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const part of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
  return node;
}

/** How a YAML value reads to someone who wrote it: `a list`, `number 10.5`. */
export const describeValue = (value: unknown): string =>
  value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value)}`;

/** zod's expected type names, as an editor would say them. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};
const typeWord = (expected: string): string => TYPE_WORDS[expected] ?? `a ${expected}`;

const ZOD_UNION_DEFAULT = 'Invalid input';

/** A field that is missing, or present with nothing after the colon. */
const absent = (value: undefined | null): { message: string; hint?: string } =>
  value === undefined ? { message: 'is required' } : { message: 'is empty', hint: 'give a value, or delete the line if the field is optional' };

/** `{ Balkans: history }`, as YAML reads `- Balkans: history`: the text the editor meant. */
function colonText(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  const [key, inner] = entries[0] ?? [];
  return entries.length === 1 && (typeof inner === 'string' || typeof inner === 'number') ? `${key}: ${inner}` : undefined;
}

const QUOTE_HINT = 'put the value in quotes so that YAML keeps it as text, exactly as written';

/** Every problem one zod issue stands for (unknown keys give one each; unions pick the branch that fits the value). */
export function issueProblems(issue: Issue, ctx: Context, prefix: FieldPath = []): Problem[] {
  const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  const at = (where: FieldPath, key = false): Pick<Problem, 'line' | 'column'> => ctx.locate(where, key);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(ctx, path, key));
    case 'invalid_union':
      return unionProblems(issue, ctx, path);
    case 'invalid_key': {
      const key = path.at(-1);
      const inner = issue.issues[0]?.message ?? 'is not allowed';
      return [{ file: ctx.file, path, message: `the key ${JSON.stringify(key)} ${inner}`, ...at(path, true) }];
    }
    default: {
      const value = valueAt(ctx.root, path);
      const { message, hint } = messageFor(issue, value);
      const shape = hint === undefined ? shapeHint(issue, value, ctx.schema, path) : undefined;
      if (shape !== undefined) return [{ file: ctx.file, path, message, hint: shape, ...at(path) }];
      return [{ file: ctx.file, path, message, ...(hint ? { hint } : {}), ...at(path) }];
    }
  }
}

function unknownKey(ctx: Context, path: FieldPath, key: string): Problem {
  const guess = closest(key, schemaKeys(ctx.schema));
  const near = guess !== undefined && distance(key, guess) <= Math.max(2, Math.floor(key.length / 3));
  return {
    file: ctx.file,
    path: [...path, key],
    message: `unknown field "${key}"`,
    hint: near ? `did you mean "${guess}"?` : 'see metadata/schema for the fields this file takes',
    ...ctx.locate([...path, key], true),
  };
}

/** A branch fits when the value has the branch's type: its problems are the ones worth telling. */
const wrongType = (errors: readonly Issue[]): boolean => errors.some((e) => e.code === 'invalid_type' && e.path.length === 0);

function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, ctx: Context, path: FieldPath): Problem[] {
  const fitting = issue.errors.find((errors) => errors.length > 0 && !wrongType(errors));
  if (fitting) return fitting.flatMap((inner) => issueProblems(inner, ctx, path));
  const value = valueAt(ctx.root, path);
  if (value === undefined || value === null) return [{ file: ctx.file, path, ...absent(value), ...ctx.locate(path) }];
  // A message set on the union itself (`z.union([...], { error })`) says what the value is for; zod's default says nothing.
  const own = issue.message !== ZOD_UNION_DEFAULT ? issue.message : undefined;
  const expected = [...new Set(issue.errors.flatMap((errors) => errors.filter((e) => e.code === 'invalid_type').map((e) => typeWord(e.expected))))];
  return [{ file: ctx.file, path, message: `${own ?? `must be ${expected.join(' or ')}`}, not ${describeValue(value)}`, ...ctx.locate(path) }];
}

/**
 * Text or a list where a mapping belongs: the type alone does not say what to write, so the hint
 * says what the field holds and how its lines look (from the schema's descriptions).
 */
function shapeHint(issue: Issue, value: unknown, schema: z.ZodType, path: FieldPath): string | undefined {
  if (issue.code !== 'invalid_type' || (issue.expected !== 'object' && issue.expected !== 'record') || value === undefined || value === null || value === '') return undefined;
  const field = String(path.at(-1) ?? 'the field');
  const shape = fieldShape(schema, path);
  const how = shape.fields !== undefined
    ? `write it on indented lines below "${field}:", with its fields ${shape.fields.join(', ')}`
    : `write it as indented "key: value" lines below "${field}:"`;
  return shape.description === undefined ? how : `${shape.description.replace(/\.$/, '')}: ${how}`;
}

function messageFor(issue: Issue, value: unknown): { message: string; hint?: string } {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined || value === null) return absent(value);
      if (value === '') return { message: 'must not be empty' };
      const message = `must be ${typeWord(issue.expected)}, not ${describeValue(value)}`;
      const text = colonText(value);
      if (issue.expected === 'string' && text !== undefined) return { message, hint: `YAML read the ": " in this text as a field: put the text in quotes, "${text}"` };
      return issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? { message, hint: QUOTE_HINT } : { message };
    }
    case 'invalid_value':
      return { message: `${JSON.stringify(value)} is not allowed`, hint: `one of: ${issue.values.map(String).join(', ')}` };
    case 'too_small':
      if (issue.origin === 'array' && !issue.message.startsWith('list')) return { message: `needs at least ${String(issue.minimum)} item(s)` };
      if (issue.origin === 'number' || issue.origin === 'int') return { message: `must be at least ${String(issue.minimum)}, not ${String(value)}` };
      return { message: issue.message };
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return { message: `must be at most ${String(issue.maximum)}, not ${String(value)}` };
      return { message: issue.message };
    default:
      return { message: issue.message };
  }
}
