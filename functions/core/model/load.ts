/**
 * From source files to resolved issue bundles, or to the full list of problems with file,
 * field path, line and column. Pure: the caller reads the files and passes their text in.
 */
import type { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { articleSchema, type ArticleFile } from './article.ts';
import { issueSchema, type Issue } from './issue.ts';
import { journalSchema, type Journal } from './journal.ts';
import type { FieldPath, Problem } from './problems.ts';
import { issueRules, resolveArticle } from './resolve.ts';
import type { IssueBundle } from './resolved.ts';
import { parseYaml, type SourceFile } from './yaml-source.ts';
import { schemaKeys } from './keys.ts';

export type { SourceFile } from './yaml-source.ts';

/** One journal folder as read from disk: `journal.yaml`, and per issue `issue.yaml` and its article files. */
export type JournalSources = {
  readonly id: string;
  readonly journal: SourceFile;
  readonly issues: readonly { readonly id: string; readonly issue: SourceFile; readonly articles: readonly SourceFile[] }[];
};

export type LoadResult = { readonly ok: true; readonly bundles: IssueBundle[] } | { readonly ok: false; readonly problems: Problem[] };

type Parsed<T> = { ok: true; value: T; locate: (path: FieldPath, key?: boolean) => { line: number; column: number } } | { ok: false };

/** Parses and checks one file against its schema, adding every problem to `problems`. */
function parseFile<S extends z.ZodType>(file: SourceFile, schema: S, problems: Problem[]): Parsed<z.output<S>> {
  const yaml = parseYaml(file);
  if (!yaml.ok) {
    problems.push(...yaml.problems);
    return { ok: false };
  }
  if (yaml.value === null || yaml.value === undefined) {
    problems.push({ file: file.path, path: [], message: 'the file is empty', line: 1, column: 1 });
    return { ok: false };
  }
  const result = schema.safeParse(yaml.value);
  if (result.success) return { ok: true, value: result.data, locate: yaml.locate };
  for (const issue of result.error.issues) problems.push(...toProblems(file.path, issue, yaml.value, yaml.locate, schema));
  return { ok: false };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const part of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
  return node;
}

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`);

function toProblems(file: string, issue: z.core.$ZodIssue, root: unknown, locate: (p: FieldPath, key?: boolean) => { line: number; column: number }, schema: z.ZodType): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = schemaKeys(schema);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      const near = guess !== undefined && distance(key, guess) <= Math.max(2, Math.floor(key.length / 3));
      return {
        file,
        path: [...path, key],
        message: `unknown field "${key}"`,
        hint: near ? `did you mean "${guess}"?` : 'see metadata/schema for the fields this file takes',
        ...locate([...path, key], true),
      };
    });
  }
  let message = issue.message;
  let hint: string | undefined;
  if (issue.code === 'invalid_type') {
    const value = valueAt(root, path);
    if (value === undefined) message = 'is required';
    else if (value === null || value === '') message = 'is required and must not be empty';
    else message = `must be ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describe(value)}`;
  } else if (issue.code === 'invalid_value') {
    hint = `one of: ${issue.values.map(String).join(', ')}`;
    message = `${JSON.stringify(valueAt(root, path))} is not allowed`;
  } else if (issue.code === 'too_small' && issue.origin === 'array' && !message.startsWith('list')) {
    message = `needs at least ${String(issue.minimum)} item(s)`;
  }
  return [{ file, path, message, ...(hint ? { hint } : {}), ...locate(path) }];
}

/** Loads every issue of one journal; all problems are reported, none stops the others being found. */
export function loadJournal(sources: JournalSources): LoadResult {
  const problems: Problem[] = [];
  const journal = parseFile(sources.journal, journalSchema, problems);
  const bundles: IssueBundle[] = [];
  for (const src of sources.issues) {
    const issue = parseFile(src.issue, issueSchema, problems);
    const articles = src.articles.map((a) => parseFile(a, articleSchema, problems));
    if (!journal.ok || !issue.ok || !articles.every((a) => a.ok)) continue;
    const j: Journal = { ...journal.value, id: journal.value.id ?? sources.id };
    const i: Issue = { ...issue.value, id: src.id };
    const files = articles.map((a) => (a as Extract<typeof a, { ok: true }>).value as ArticleFile);
    for (const rule of issueRules(j, i, files)) {
      const [file, located] = rule.where === 'journal' ? [sources.journal, journal] : rule.where === 'issue' ? [src.issue, issue] : [src.articles[rule.where]!, articles[rule.where]!];
      problems.push({ file: file.path, path: rule.path, message: rule.message, ...(rule.hint ? { hint: rule.hint } : {}), ...(located.ok ? located.locate(rule.path) : {}) });
    }
    bundles.push({ journal: j, issue: i, articles: files.map((f, k) => resolveArticle(j, i, articleId(src.articles[k]!.path), f)) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundles };
}

/** `metadata/balcanica/L-2019/edemskiy.yaml` → `edemskiy` */
export const articleId = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
