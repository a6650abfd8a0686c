/**
 * From source files to resolved issue bundles, or to the full list of problems with file,
 * field path, line and column. Pure: the caller reads the files and passes their text in.
 */
import type { z } from 'zod';
import { articleSchema, type ArticleFile } from './article.ts';
import { issueSchema, type Issue } from './issue.ts';
import { journalSchema, type Journal } from './journal.ts';
import type { FieldPath, Problem } from './problems.ts';
import { issueRules, resolveArticle } from './resolve.ts';
import type { IssueBundle } from './resolved.ts';
import { parseYaml, type SourceFile } from './yaml-source.ts';
import { issueProblems } from './messages.ts';
import { orderArticles } from './order.ts';

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
  const context = { file: file.path, root: yaml.value, locate: yaml.locate, schema };
  for (const issue of result.error.issues) problems.push(...issueProblems(issue, context));
  return { ok: false };
}

/** Loads every issue of one journal; all problems are reported, none stops the others being found. */
export function loadJournal(sources: JournalSources): LoadResult {
  const problems: Problem[] = [];
  const journal = parseFile(sources.journal, journalSchema, problems);
  const bundles: IssueBundle[] = [];
  const doiOwners: DoiOwners = new Map();
  for (const src of sources.issues) {
    const issue = parseFile(src.issue, issueSchema, problems);
    const articles = src.articles.map((a) => parseFile(a, articleSchema, problems));
    if (!journal.ok || !issue.ok || !articles.every((a) => a.ok)) continue;
    const j: Journal = { ...journal.value, id: journal.value.id ?? sources.id };
    const i: Issue = { ...issue.value, id: src.id };
    const files = articles.map((a) => (a as Extract<typeof a, { ok: true }>).value as ArticleFile);
    const ids = src.articles.map((a) => articleId(a.path));
    for (const rule of issueRules(j, i, files, ids)) {
      const [file, located] = rule.where === 'journal' ? [sources.journal, journal] : rule.where === 'issue' ? [src.issue, issue] : [src.articles[rule.where]!, articles[rule.where]!];
      problems.push({ file: file.path, path: rule.path, message: rule.message, ...(rule.hint ? { hint: rule.hint } : {}), ...(located.ok ? located.locate(rule.path) : {}) });
    }
    problems.push(...claimDois(doiOwners, src, i, files, (where) => (where === 'issue' ? issue : articles[where]!)));
    bundles.push({ journal: j, issue: i, articles: orderArticles(i, files.map((f, k) => resolveArticle(j, i, ids[k]!, f))) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundles };
}

type DoiOwners = Map<string, { readonly issue: string; readonly file: string }>;

/** DOIs must be unique across the journal, not only within an issue (issueRules checks that): two issues sharing one would overwrite each other's pages. */
function claimDois(owners: DoiOwners, src: JournalSources['issues'][number], issue: Issue, files: readonly ArticleFile[], parsed: (where: 'issue' | number) => Parsed<unknown>): Problem[] {
  const problems: Problem[] = [];
  const claims: ['issue' | number, string][] = files.map((f, k) => [k, f.doi]);
  if (issue.doi !== undefined) claims.unshift(['issue', issue.doi]);
  for (const [where, doi] of claims) {
    const file = where === 'issue' ? src.issue : src.articles[where]!;
    const key = doi.toLowerCase(); // DOIs are case-insensitive
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, { issue: src.id, file: file.path });
    else if (owner.issue !== src.id) {
      const located = parsed(where);
      problems.push({ file: file.path, path: ['doi'], message: `DOI ${doi} is already used by ${owner.file}`, hint: 'every article and issue needs its own DOI', ...(located.ok ? located.locate(['doi']) : {}) });
    }
  }
  return problems;
}

/** `metadata/balcanica/L-2019/edemskiy.yaml` → `edemskiy` */
export const articleId = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
