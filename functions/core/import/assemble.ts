/**
 * Records → issue groups: one `ImportResult` per issue (a record set that spans several issues is
 * split), with the issue's facts, and a complete journal file in which every required field the
 * source lacks is a placeholder that says so (and is listed, so staff replace it).
 */
import { doiPrefix, type ArticleInput, type IssueInput, type JournalInput } from '#core/model/index';
import type { Notes } from './notes.ts';
import type { ImportResult, IssueFacts, JournalFacts, SourceRecord } from './record.ts';
import { yearOf } from './values.ts';

/** Placeholder values: valid for the schema (so the folder loads) and plainly not real. */
export const PLACEHOLDER = {
  title: 'PLACEHOLDER journal title (not in the source)',
  issn: '0000-0000',
  publisher: 'PLACEHOLDER publisher (not in the source)',
  baseUrl: 'https://journal.example.invalid',
  language: 'en',
  depositorName: 'PLACEHOLDER depositor (not in the source)',
  depositorEmail: 'depositor@example.invalid',
  registrant: 'PLACEHOLDER registrant (not in the source)',
} as const;

/** Key for abstracts and keywords whose language the source does not give; `assemble` files them under the article's language. */
export const UNKNOWN_LANG = '?';

const first = <T>(values: readonly (T | undefined)[]): T | undefined => values.find((v) => v !== undefined);

/** The journal file from the facts of all records; `placeholders` names each field that was filled in. */
export function journalFile(facts: readonly JournalFacts[], articles: readonly ArticleInput[]): { journal: JournalInput; placeholders: string[] } {
  const placeholders: string[] = [];
  const mark = <T>(value: T | undefined, field: string, fallback: T, why = 'not in the source'): T => {
    if (value !== undefined) return value;
    placeholders.push(`journal.yaml ${field}: placeholder ${JSON.stringify(fallback)} (${why}); replace it before publishing`);
    return fallback;
  };
  const print = first(facts.map((f) => f.issn.print));
  const electronic = first(facts.map((f) => f.issn.electronic));
  const publisher = first(facts.map((f) => f.publisher));
  const languages = [...new Set([...facts.map((f) => f.language), ...articles.map((a) => a.language)].filter((l): l is string => l !== undefined))];
  const prefixes = [...new Set(articles.filter((a) => a.doi !== '').map((a) => doiPrefix(a.doi)))];
  const title = first(facts.map((f) => f.title));
  const abbrev = first(facts.map((f) => f.abbrev_title));
  const depositor = first(facts.map((f) => f.depositor));
  const registrant = first(facts.map((f) => f.registrant));
  const journal: JournalInput = {
    title: mark(title, 'title', PLACEHOLDER.title),
    ...(abbrev && abbrev !== title ? { abbrev_title: abbrev } : {}),
    issn: print || electronic ? { ...(print ? { print } : {}), ...(electronic ? { electronic } : {}) } : { electronic: mark(undefined, 'issn.electronic', PLACEHOLDER.issn, 'no valid ISSN in the source') },
    publisher: publisher ?? { name: mark(undefined, 'publisher.name', PLACEHOLDER.publisher) },
    doi_prefix: prefixes[0] ?? mark(undefined, 'doi_prefix', '10.5555', 'no DOI in the source'),
    base_url: mark(undefined, 'base_url', PLACEHOLDER.baseUrl, 'the public site is not in the source'),
    languages: languages.length > 0 ? languages : [mark(undefined, 'languages', PLACEHOLDER.language, 'no language in the source')],
    crossref: {
      depositor: depositor ?? { name: mark(undefined, 'crossref.depositor.name', PLACEHOLDER.depositorName), email: mark(undefined, 'crossref.depositor.email', PLACEHOLDER.depositorEmail) },
      registrant: registrant ?? publisher?.name ?? mark(undefined, 'crossref.registrant', PLACEHOLDER.registrant),
    },
  };
  if (registrant === undefined && publisher) placeholders.push(`journal.yaml crossref.registrant: the publisher's name "${publisher.name}" (no registrant in the source); check it`);
  if (prefixes.length > 1) placeholders.push(`journal.yaml doi_prefix: the articles use several DOI prefixes (${prefixes.join(', ')}); ${prefixes[0]} kept, the others will not load`);
  return { journal, placeholders };
}

const issueKey = (f: IssueFacts, year: number | undefined): string => JSON.stringify([f.volume ?? '', f.number ?? '', f.volume || f.number ? '' : (year ?? '')]);

const articleYear = (a: ArticleInput): number | undefined => {
  const p = a.dates?.published;
  return yearOf(typeof p?.print === 'string' ? p.print : undefined) ?? yearOf(typeof p?.online === 'string' ? p.online : undefined);
};

/** The issue file from its facts, falling back on its first article's dates. */
function issueFile(facts: readonly IssueFacts[], articles: readonly ArticleInput[], notes: Notes): IssueInput {
  const f = facts[0]!;
  const own = { ...(f.published.print ? { print: f.published.print } : {}), ...(f.published.online ? { online: f.published.online } : {}) };
  const fromArticle = articles.map((a) => a.dates?.published).find((p) => p !== undefined);
  const published = Object.keys(own).length > 0 ? own : fromArticle ? { ...fromArticle } : {};
  const year = first(facts.map((x) => x.year)) ?? yearOf(f.published.print) ?? yearOf(f.published.online) ?? first(articles.map(articleYear));
  if (Object.keys(own).length === 0 && fromArticle) notes.add('issue', 'the source does not date the issue: its first article\'s publication dates are used');
  if (!f.volume && !f.number) notes.add('issue', 'the source gives no volume or issue number; issue.yaml needs one (add it by hand)');
  if (year === undefined) notes.add('issue', 'the source gives no year; issue.yaml needs one (add it by hand)');
  const sections = facts.flatMap((x) => x.sections ?? []).filter((s, k, all) => all.findIndex((o) => o.id === s.id) === k);
  return {
    ...(f.volume ? { volume: f.volume } : {}),
    ...(f.number ? { number: f.number } : {}),
    ...(year === undefined ? {} : { year }),
    ...(f.title ? { title: f.title } : {}),
    published,
    ...(f.doi ? { doi: f.doi } : {}),
    ...(sections.length > 0 ? { sections } : {}),
  } as IssueInput;
}

/** Groups records by issue (in the order first seen) into complete results. */
/** Each record's notes must be its own `Notes` (not a scope of `fileNotes`), so that each result lists only its own. */
export function assemble(records: readonly SourceRecord[], fileNotes: Notes): ImportResult[] {
  const groups = new Map<string, SourceRecord[]>();
  for (const r of records) {
    const key = issueKey(r.issue, articleYear(r.article));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const results: ImportResult[] = [];
  let index = 0;
  for (const group of groups.values()) {
    const { journal, placeholders } = journalFile(group.map((r) => r.journal), group.map((r) => r.article));
    const articles = group.map((r) => fileUnknownLanguage(r.article, journal.languages[0]!, r.notes));
    const issueNotes = group[0]!.notes;
    const issue = issueFile(group.map((r) => r.issue), articles, issueNotes);
    const unmapped = [...(index === 0 ? fileNotes.list : []), ...new Set(group.flatMap((r) => r.notes.list))];
    const withoutDoi = group.flatMap((r, k) => (r.withoutDoi ? [{ index: k, ...r.withoutDoi }] : []));
    results.push({ journal, issue, articles, unmapped, placeholders, ...(withoutDoi.length > 0 ? { withoutDoi } : {}) });
    index += 1;
  }
  return results;
}

/** Abstracts and keywords in no stated language belong to the article's language (itself defaulting to the journal's first). */
function fileUnknownLanguage(article: ArticleInput, journalLanguage: string, notes: Notes): ArticleInput {
  const lang = article.language ?? journalLanguage;
  let translated = article.translated_titles;
  if (translated && lang in translated) {
    const { [lang]: clash, ...rest } = translated;
    notes.add('translated_titles', `the source does not give the article's language, so it defaults to the journal's (${lang}), which is also the language of the title "${String(typeof clash === 'string' ? clash : clash?.title)}": that title left out (set language and translated_titles by hand)`);
    translated = rest;
  }
  const rekey = <T>(map: Record<string, T> | undefined): Record<string, T> | undefined => {
    if (!map || !(UNKNOWN_LANG in map)) return map;
    const { [UNKNOWN_LANG]: value, ...rest } = map;
    return { [lang]: value as T, ...rest };
  };
  const abstract = rekey(article.abstract);
  const keywords = rekey(article.keywords);
  const out: ArticleInput = { ...article, ...(abstract ? { abstract } : {}), ...(keywords ? { keywords } : {}) };
  if (translated && Object.keys(translated).length > 0) out.translated_titles = translated;
  else delete out.translated_titles;
  return out;
}
