/**
 * DOIs for new articles from the journal's pattern (journal.yaml `doi_pattern`), so staff never make
 * one up: `10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial}` gives Balcanica's seed
 * `10.2298/BALC1950375E`. The tokens are the import's (core/import/doi-template.ts).
 *
 * An article without `doi` gets the pattern's DOI when its files load; `validate` and `build` list
 * it, and `publish` (or `colophon assign-dois`) writes it into the article's file before anything
 * is sent, so that the DOI stays what it was once registered even when a page number changes
 * later. A DOI that another article or issue of the journal has already is refused, never
 * adjusted: a DOI is permanent, so staff decide.
 */
import { arabicVolume, expandDoiTemplate, parseDoiTemplate, twoDigitYear, type DoiExpansion, type DoiTemplate, type DoiTokenValues } from '../import/doi-template.ts';
import type { ArticleFile } from './article.ts';
import type { Contributor } from './contributors.ts';
import type { Issue } from './issue.ts';
import type { Journal } from './journal.ts';
import { orderArticles } from './order.ts';
import { doi as doiSchema } from './primitives.ts';
import { resolveArticle } from './resolve.ts';

/** An article given its DOI by the pattern: shown by validate/build, written into its file by publish. */
export type AssignedDoi = { readonly file: string; readonly issue: string; readonly article: string; readonly doi: string; readonly pattern: string };

/** The pattern, checked; a problem says what is wrong with it (journal.yaml, doi_pattern). */
export function journalDoiPattern(pattern: string, prefix: string | undefined): { ok: true; template: DoiTemplate } | { ok: false; problem: string } {
  const parsed = parseDoiTemplate(pattern);
  if (!parsed.ok) return parsed;
  if (prefix !== undefined && parsed.template.prefix !== prefix) return { ok: false, problem: `doi_pattern starts with ${parsed.template.prefix}, but the journal's doi_prefix is ${prefix}: every DOI of the journal starts with ${prefix}` };
  return parsed;
}

/** What the pattern's tokens stand for, for one article of an issue (`seq`: its position in the issue's order, from 1). */
export function patternValues(journal: Pick<Journal, 'id'>, issue: Pick<Issue, 'year' | 'volume' | 'number'>, article: { readonly id: string; readonly pages?: { readonly first: string } | undefined; readonly contributors: readonly Contributor[] }, seq: number): DoiTokenValues {
  const values: DoiTokenValues = { journal: journal.id, year: issue.year, yy: twoDigitYear(issue.year), seq, id: article.id };
  if (issue.volume !== undefined) {
    values.volume = issue.volume;
    const arabic = arabicVolume(issue.volume);
    if (arabic !== undefined) values.volume_arabic = arabic;
  }
  if (issue.number !== undefined) values.issue = issue.number;
  if (article.pages !== undefined) values.first_page = article.pages.first;
  // The first author: the first contributor whose role is author (a translator credited first is not).
  const author = article.contributors.find((c) => c.role === 'author');
  if (author !== undefined) values.initial = author.kind === 'person' ? author.surname : author.name;
  return values;
}

/** Why the pattern gives one article no DOI, in an editor's words. */
export function noPatternDoi(pattern: string, expansion: Extract<DoiExpansion, { ok: false }>): { message: string; hint: string } {
  const why = [
    ...expansion.missing.map((t) => (t === 'initial' ? 'it has no author for {initial}' : t === 'volume_arabic' ? 'its issue has no volume that is a number for {volume_arabic}' : t === 'first_page' ? 'it has no first page for {first_page}' : `there is no {${t}}`)),
    ...expansion.unusable.map((u) => `{${u.token}} "${u.value}" ${u.reason ?? 'has no Latin letters or digits'}`),
  ];
  return { message: `no DOI: journal.yaml's doi_pattern ${pattern} cannot give this article one: ${why.join('; ')}`, hint: 'add what the pattern needs (pages, an author), or give this article its DOI by hand (doi: …)' };
}

/** Per article of an issue (by index), the DOI its pattern gives it, or why it gets none. */
export type PatternOutcome = { readonly index: number; readonly doi: string } | { readonly index: number; readonly message: string; readonly hint: string };

/**
 * The DOIs the journal's pattern gives the articles of one issue that have none of their own
 * (`{seq}` counts in the issue's order). Collisions are the loader's to find (it knows the journal).
 */
export function patternDois(journal: Journal, issue: Issue, files: readonly ArticleFile[], ids: readonly string[]): PatternOutcome[] {
  const pattern = journal.doi_pattern;
  if (pattern === undefined || files.every((f) => f.doi !== undefined)) return [];
  const checked = journalDoiPattern(pattern, journal.doi_prefix);
  if (!checked.ok) return []; // journal.yaml's own problem, reported there
  const order = orderArticles(issue, files.map((f, k) => resolveArticle(journal, issue, ids[k]!, { ...f, doi: f.doi ?? '' }))).map((a) => a.id);
  return files.flatMap((file, index): PatternOutcome[] => {
    if (file.doi !== undefined) return [];
    const id = ids[index]!;
    const expansion = expandDoiTemplate(checked.template, patternValues(journal, issue, { id, pages: file.pages, contributors: file.contributors }, order.indexOf(id) + 1));
    if (!expansion.ok) return [{ index, ...noPatternDoi(pattern, expansion) }];
    const valid = doiSchema.safeParse(expansion.doi);
    if (!valid.success) return [{ index, message: `journal.yaml's doi_pattern gives this article ${expansion.doi}, which is not a DOI Crossref takes`, hint: 'change doi_pattern, or give this article its DOI by hand (doi: …)' }];
    return [{ index, doi: valid.data }];
  });
}
