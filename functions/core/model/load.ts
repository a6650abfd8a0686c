/**
 * From source files to resolved issue bundles, or to the full list of problems with file,
 * field path, line and column. Pure: the caller reads the files and passes their text in.
 *
 * Every problem comes out in one pass: each file is checked against its schema, and the rules
 * across files (DOI prefix, duplicate DOIs, sections, ORCID iDs, and the caller's own rules such
 * as Crossref's limits) then run on whatever each file says validly, even when other fields or
 * other files failed (loose.ts).
 */
import { articleSchema, type ArticleFile } from './article.ts';
import { issueSchema, type Issue, type IssueFile } from './issue.ts';
import { journalSchema, type Journal } from './journal.ts';
import { largestFields, recordSizeProblem } from './limits.ts';
import type { Loose } from './loose.ts';
import { orcidClaims, orcidProblems, type OrcidClaim } from './orcids.ts';
import { checkFile, type CheckedFile } from './parse-file.ts';
import type { Problem } from './problems.ts';
import { issueRules, orderRules, resolveArticle, type RuleProblem } from './resolve.ts';
import type { IssueBundle } from './resolved.ts';
import { slug } from './primitives.ts';
import { journalDoiPattern, patternDois, type AssignedDoi } from './doi-pattern.ts';
import { parseYaml, type SourceFile } from './yaml-source.ts';
import { orderArticles } from './order.ts';
import { articleId } from './article-id.ts';

export { articleId };

export type { SourceFile } from './yaml-source.ts';

/** One journal folder as read from disk: `journal.yaml`, and per issue `issue.yaml` and its article files. */
export type JournalSources = {
  readonly id: string;
  readonly journal: SourceFile;
  readonly issues: readonly { readonly id: string; readonly issue: SourceFile; readonly articles: readonly SourceFile[] }[];
};

/** `assigned`: the articles that got their DOI from journal.yaml's doi_pattern (none when it has none). */
export type LoadResult = { readonly ok: true; readonly bundles: IssueBundle[]; readonly assigned?: readonly AssignedDoi[] } | { readonly ok: false; readonly problems: Problem[] };

/**
 * One issue as far as it loaded, for rules across its files. `issueLoaded` is false when issue.yaml
 * has problems of its own: a rule about the issue as a whole should then say nothing.
 */
export type IssueView = {
  readonly journal: Loose<Journal>;
  readonly issue: Loose<Issue>;
  readonly articles: readonly Loose<ArticleFile>[];
  readonly issueLoaded: boolean;
};

/** A rule the caller adds (core/crossref's limits, for `colophon validate`), run on every issue as far as it loaded. */
export type IssueRule = (view: IssueView) => RuleProblem[];

export type LoadOptions = { readonly rules?: readonly IssueRule[] };

/** `file:line:column:path:message`: the same problem found twice (a journal rule run once per issue) is told once. */
const problemKey = (p: Problem): string => `${p.file}:${p.line ?? ''}:${p.column ?? ''}:${p.path.join('.')}:${p.message}`;

/** Loads every issue of one journal; all problems are reported, none stops the others being found. */
export function loadJournal(sources: JournalSources, options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const journal = checkFile(sources.journal, journalSchema, problems);
  const journalView: Loose<Journal> = { ...journal.loose, id: journal.loose.id ?? sources.id };
  const bundles: IssueBundle[] = [];
  const doiOwners: DoiOwners = new Map();
  const orcids: OrcidClaim[] = [];
  const placeOf = new Map<string, CheckedFile<unknown>>([[sources.journal.path, journal]]);
  const assigned: AssignedDoi[] = [];
  const checkedIssues = sources.issues.map((src) => ({ src, issue: checkFile(src.issue, issueSchema, problems), articles: src.articles.map((a) => checkFile(a, articleSchema, problems)) }));
  // Every DOI the journal's files give, so that a DOI the pattern makes can be checked against all of them.
  const given = new Map<string, string>();
  for (const c of checkedIssues) for (const f of [c.issue, ...c.articles]) if (f.loose.doi !== undefined && !given.has(f.loose.doi.toLowerCase())) given.set(f.loose.doi.toLowerCase(), f.file.path);
  const pattern = journal.loose.doi_pattern;
  const patternProblem = pattern === undefined ? undefined : journalDoiPattern(pattern, journal.loose.doi_prefix);
  if (patternProblem !== undefined && !patternProblem.ok) problems.push(journal.place({ path: ['doi_pattern'], message: patternProblem.problem, hint: 'the DOI prefix of doi_pattern is the journal\'s doi_prefix' }));
  for (const { src, issue, articles } of checkedIssues) {
    const ids = src.articles.map((a) => articleId(a.path));
    const view: IssueView = { journal: journalView, issue: { ...issue.loose, id: src.id }, articles: articles.map((a) => a.loose), issueLoaded: issue.value !== undefined };
    const fileOf = (where: RuleProblem['where']): CheckedFile<unknown> => (where === 'journal' ? journal : where === 'issue' ? issue : articles[where]!);
    for (const rule of [(v: IssueView) => issueRules(v.journal, v.issue, v.articles), ...(options.rules ?? [])]) {
      for (const found of rule(view)) problems.push(fileOf(found.where).place(found));
    }
    // The explicit order (issue.yaml's articles and sections' lists) needs the whole issue file.
    if (issue.value) for (const found of orderRules({ ...issue.value, id: src.id }, view.articles, ids)) problems.push(fileOf(found.where).place(found));
    problems.push(...claimDois(doiOwners, src.id, issue, articles));
    for (const a of articles) {
      placeOf.set(a.file.path, a);
      orcids.push(...orcidClaims(a.raw, placeOf.size, a.file.path));
    }
    // An article without a DOI needs the journal's pattern (known to be absent: journal.yaml loaded without one).
    if (journal.value !== undefined && journal.value.doi_pattern === undefined) {
      for (const a of articles) {
        if (typeof a.raw === 'object' && a.raw !== null && a.loose.doi === undefined && !(a.loose.$invalid ?? []).includes('doi')) problems.push(a.place({ path: ['doi'], message: 'is required', hint: `give the article's DOI (under ${journal.value.doi_prefix}), or add doi_pattern to journal.yaml so that Colophon gives each new article one (README, "DOIs for new articles")` }));
      }
    }
    const files = articles.map((a) => a.value);
    if (journal.value && issue.value && files.every((f) => f !== undefined)) {
      const j: Journal = { ...journal.value, id: journal.value.id ?? sources.id };
      const i: Issue = { ...issue.value, id: src.id };
      const dois = new Map<number, string>();
      for (const outcome of patternDois(j, i, files, ids)) {
        const article = articles[outcome.index]!;
        if (!('doi' in outcome)) {
          problems.push(article.place({ path: [], message: outcome.message, hint: outcome.hint }));
          continue;
        }
        const owner = given.get(outcome.doi.toLowerCase());
        if (owner !== undefined) {
          problems.push(article.place({ path: [], message: `journal.yaml's doi_pattern gives this article the DOI ${outcome.doi}, which ${owner} already has: the pattern cannot tell them apart`, hint: 'give this article its DOI by hand (doi: …), or change doi_pattern in journal.yaml' }));
          continue;
        }
        given.set(outcome.doi.toLowerCase(), article.file.path);
        dois.set(outcome.index, outcome.doi);
        assigned.push({ file: article.file.path, issue: src.id, article: ids[outcome.index]!, doi: outcome.doi, pattern: j.doi_pattern! });
      }
      if (files.every((f, k) => f.doi !== undefined || dois.has(k))) {
        const resolved = files.map((f, k) => resolveArticle(j, i, ids[k]!, { ...f, doi: f.doi ?? dois.get(k)! }));
        // What the records store cannot hold is refused here, so validate and Ingest agree (limits.ts).
        resolved.forEach((article, k) => {
          const tooBig = recordSizeProblem(j, i, article);
          if (tooBig) problems.push(articles[k]!.place({ path: largestFields(articles[k]!.raw).slice(0, 1), ...tooBig }));
        });
        bundles.push({ journal: j, issue: i, articles: orderArticles(i, resolved) });
      }
    }
  }
  problems.push(...nestedDois(doiOwners));
  for (const { claim, message, hint } of orcidProblems(orcids)) problems.push(placeOf.get(claim.file)!.place({ path: claim.path, message, hint }));
  const unique = [...new Map(problems.map((p) => [problemKey(p), p])).values()];
  return unique.length > 0 ? { ok: false, problems: unique } : { ok: true, bundles, ...(assigned.length > 0 ? { assigned } : {}) };
}

type DoiOwners = Map<string, { readonly issue: string; readonly file: string; readonly doi: string; readonly checked: CheckedFile<unknown> }>;

/** DOIs must be unique across the journal, not only within an issue (issueRules checks that): two issues sharing one would overwrite each other's pages. */
function claimDois(owners: DoiOwners, issueId: string, issue: CheckedFile<IssueFile>, articles: readonly CheckedFile<ArticleFile>[]): Problem[] {
  const problems: Problem[] = [];
  const claims: [CheckedFile<unknown>, string | undefined][] = [[issue, issue.loose.doi], ...articles.map((a): [CheckedFile<unknown>, string | undefined] => [a, a.loose.doi])];
  for (const [checked, doi] of claims) {
    if (doi === undefined) continue;
    const key = doi.toLowerCase(); // DOIs are case-insensitive
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, { issue: issueId, file: checked.file.path, doi, checked });
    else if (owner.issue !== issueId) {
      problems.push(checked.place({ path: ['doi'], message: `DOI ${doi} is already used by ${owner.file}`, hint: 'every article and issue needs its own DOI: correct this one' }));
    }
  }
  return problems;
}

/**
 * A DOI whose files would sit inside another's folder (`10.2298/A` and `10.2298/A/citation.bib`):
 * one's file is the other's folder, which no file system (and so no `colophon build`) can hold.
 */
function nestedDois(owners: DoiOwners): Problem[] {
  const sorted = [...owners.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const problems: Problem[] = [];
  sorted.forEach(([key, outer], k) => {
    for (let n = k + 1; n < sorted.length && sorted[n]![0].startsWith(key); n += 1) {
      const [inner, owner] = sorted[n]!;
      if (!inner.startsWith(`${key}/`)) continue;
      problems.push(owner.checked.place({ path: ['doi'], message: `DOI ${owner.doi} begins with the DOI ${outer.doi} (${outer.file}) and a "/": its pages would sit inside that article's folder`, hint: 'a DOI may not be another DOI followed by "/…": choose a suffix that does not start with the other one' }));
    }
  });
  return problems;
}


/** The journal's id as `loadJournal` gives it (its `id`, else the folder's name), even when journal.yaml has other problems. */
export function journalIdOf(sources: JournalSources): string {
  const yaml = parseYaml(sources.journal);
  const parsed = yaml.ok ? slug.safeParse((yaml.value as { id?: unknown } | null)?.id) : undefined;
  return parsed?.success ? parsed.data : sources.id;
}
