/**
 * Cross-file rules and defaults: what no single file's schema can check (DOIs inside the
 * journal's prefix, duplicate DOIs, sections that exist, Crossref's limits) and the values an
 * article inherits from its issue and journal.
 */
import { RESERVED_JOURNAL_IDS } from '../urls.ts';
import type { ArticleFile } from './article.ts';
import { compareDates } from './dates.ts';
import { doiPrefix } from './identifiers.ts';
import type { Issue } from './issue.ts';
import type { Journal } from './journal.ts';
import { known, type Loose } from './loose.ts';
import type { FieldPath } from './problems.ts';
import type { Article, IssueBundle } from './resolved.ts';

/** Crossref: "up to 20 titles" per work; "up to 5 institutions" per contributor (schema docs, 5.x). */
export const CROSSREF_LIMITS = { titles: 20, institutionsPerContributor: 5 } as const;

export type RuleProblem = { readonly where: 'journal' | 'issue' | number; readonly path: FieldPath; readonly message: string; readonly hint?: string };

/** Resolves one article against its issue and journal (its DOI its own, or the one the journal's doi_pattern gives it). */
export function resolveArticle(journal: Journal, issue: Issue, id: string, file: ArticleFile & { readonly doi: string }): Article {
  const language = file.language ?? journal.languages[0]!;
  // The article's own `section`, else the section issue.yaml lists it under (issueRules refuses a disagreement).
  const found = file.section === undefined ? issue.sections?.find((s) => s.articles?.includes(id)) : issue.sections?.find((s) => s.id === file.section);
  const section = found === undefined ? undefined : { id: found.id, title: found.title };
  // The article's licence, else its issue's (so a volume can change licence without relicensing older ones), else the journal's.
  const license = file.license ?? issue.license ?? journal.license;
  return {
    id,
    doi: file.doi,
    language,
    ...(section ? { section } : {}),
    titles: [
      { lang: language, title: file.title, ...(file.subtitle ? { subtitle: file.subtitle } : {}) },
      ...Object.entries(file.translated_titles).map(([lang, t]) => ({ lang, ...t })),
    ],
    contributors: file.contributors,
    abstracts: Object.entries(file.abstract).map(([lang, paragraphs]) => ({ lang, paragraphs })),
    keywords: Object.entries(file.keywords).map(([lang, terms]) => ({ lang, terms })),
    classifications: file.classifications.map((c) => ({ scheme: c.scheme, terms: c.terms, ...(c.language === undefined ? {} : { lang: c.language }) })),
    ...(file.pages ? { pages: file.pages } : {}),
    ...(file.article_number === undefined ? {} : { article_number: file.article_number }),
    dates: {
      ...(file.dates.received ? { received: file.dates.received } : {}),
      ...(file.dates.accepted ? { accepted: file.dates.accepted } : {}),
      published: file.dates.published ?? issue.published,
    },
    ...(license ? { license } : {}),
    free_to_read: file.free_to_read ?? journal.free_to_read ?? false,
    funding: file.funding,
    references: file.references.map((r, k) => ({ id: `ref${k + 1}`, ...r })),
    galleys: file.galleys,
    relations: file.relations,
    ...(file.withdrawn === undefined ? {} : { withdrawn: file.withdrawn }),
  };
}

/**
 * The explicit order of issue.yaml: every id it lists names an article of the issue, once; an
 * article it places in a section does not name another; and once it lists any, it lists all.
 */
export function orderRules(issue: Issue, files: readonly Loose<ArticleFile>[], ids: readonly string[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const lists: [FieldPath, readonly string[], string | undefined][] = [
    ...(issue.articles === undefined ? [] : [[['articles'], issue.articles, undefined] as [FieldPath, readonly string[], undefined]]),
    ...(issue.sections ?? []).flatMap((s, n): [FieldPath, readonly string[], string][] => (s.articles === undefined ? [] : [[['sections', n, 'articles'], s.articles, s.id]])),
  ];
  if (issue.articles !== undefined && lists.length > 1) {
    problems.push({ where: 'issue', path: ['articles'], message: 'the order is given twice: in articles and in the sections', hint: 'list the articles under their sections only, or drop the sections\' lists' });
  }
  const placed = new Map<string, string>();
  for (const [path, list, sectionId] of lists) {
    list.forEach((id, k) => {
      const at = [...path, k];
      const where = sectionId === undefined ? 'the list' : `section "${sectionId}"`;
      if (!ids.includes(id)) {
        problems.push({ where: 'issue', path: at, message: `${where} names "${id}", which is no article of this issue`, hint: `the articles are ${ids.join(', ') || 'none yet'} (file names without .yaml)` });
        return;
      }
      const before = placed.get(id);
      if (before !== undefined) problems.push({ where: 'issue', path: at, message: `article "${id}" is listed twice: in ${before} and in ${where}`, hint: 'an article has one place in the issue: remove one of them' });
      else placed.set(id, where);
      const own = files[ids.indexOf(id)]?.section;
      if (sectionId !== undefined && own !== undefined && own !== sectionId) {
        problems.push({ where: ids.indexOf(id), path: ['section'], message: `section "${own}" disagrees with issue.yaml, which lists this article under "${sectionId}"`, hint: 'drop section here: issue.yaml places the article' });
      }
    });
  }
  if (lists.length > 0) {
    ids.forEach((id, k) => {
      if (!placed.has(id)) problems.push({ where: k, path: [], message: `issue.yaml lists the order of its articles but not "${id}"`, hint: `add ${id} to the articles of its section in issue.yaml` });
    });
  }
  return problems;
}

/** Rules across an issue's files; `where` is the article's index in `files` or the journal/issue file. Each runs on what loaded: a field that did not pass its own schema is skipped, never guessed. */
export function issueRules(journal: Loose<Journal>, issue: Loose<Issue>, files: readonly Loose<ArticleFile>[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (journal.id !== undefined && (RESERVED_JOURNAL_IDS as readonly string[]).includes(journal.id)) {
    problems.push({ where: 'journal', path: ['id'], message: `the journal id "${journal.id}" is a path the site uses itself (/${journal.id}/)`, hint: `give the journal another id in journal.yaml (id: ...); ${RESERVED_JOURNAL_IDS.join(' and ')} are taken` });
  }
  const prefix = journal.doi_prefix;
  const outside = (doi: string): string => `DOI ${doi} is outside the journal's prefix ${prefix}`;
  const prefixHint = `Crossref accepts only DOIs under the depositor's prefix (doi_prefix in journal.yaml: ${prefix}): change the DOI, or the prefix if it is wrong`;
  if (prefix !== undefined && issue.doi !== undefined && doiPrefix(issue.doi) !== prefix) problems.push({ where: 'issue', path: ['doi'], message: outside(issue.doi), hint: prefixHint });
  const seen = new Map<string, number>();
  if (issue.doi !== undefined) seen.set(issue.doi.toLowerCase(), -1);
  const sections = known(issue, 'sections') ? (issue.sections ?? []).flatMap((s) => (s ? [s.id] : [])) : undefined;
  files.forEach((file, k) => {
    if (file.doi !== undefined) {
      if (prefix !== undefined && doiPrefix(file.doi) !== prefix) problems.push({ where: k, path: ['doi'], message: outside(file.doi), hint: prefixHint });
      const key = file.doi.toLowerCase(); // DOIs are case-insensitive
      const before = seen.get(key);
      if (before !== undefined) {
        problems.push({ where: k, path: ['doi'], message: `DOI ${file.doi} is already used by ${before === -1 ? 'the issue' : `another article in this issue`}`, hint: 'every article needs its own DOI' });
      } else seen.set(key, k);
    }
    if (file.section !== undefined && sections !== undefined && !sections.includes(file.section)) {
      const list = sections.join(', ');
      problems.push({ where: k, path: ['section'], message: `section "${file.section}" is not listed in issue.yaml`, hint: list ? `use one of: ${list}, or add it to sections in issue.yaml` : 'add sections (id and title) to issue.yaml' });
    }
    const language = known(file, 'language') ? (file.language ?? journal.languages?.[0]) : undefined;
    const translated = file.translated_titles ?? {};
    if (language !== undefined && language in translated) {
      problems.push({ where: k, path: ['translated_titles', language], message: `a translated title in ${language}, the article's own language`, hint: 'translated titles are in other languages than the article: move it to title, or change its language tag' });
    }
    if (1 + Object.keys(translated).length > CROSSREF_LIMITS.titles) {
      problems.push({ where: k, path: ['translated_titles'], message: `more than ${CROSSREF_LIMITS.titles} titles`, hint: 'Crossref accepts at most 20 titles per article: drop some translations' });
    }
    (file.contributors ?? []).forEach((c, n) => {
      if (c && c.affiliations.length > CROSSREF_LIMITS.institutionsPerContributor) {
        problems.push({ where: k, path: ['contributors', n, 'affiliations'], message: `${c.affiliations.length} affiliations`, hint: 'Crossref accepts at most 5 institutions per contributor: keep the five that matter most' });
      }
    });
    const { received, accepted } = file.dates ?? {};
    if (received && accepted && compareDates(accepted, received) < 0) {
      problems.push({ where: k, path: ['dates', 'accepted'], message: 'accepted before it was received', hint: 'check both dates: accepted comes on or after received' });
    }
  });
  return problems;
}

export function bundle(journal: Journal, issue: Issue, articles: readonly Article[]): IssueBundle {
  return { journal, issue, articles };
}
