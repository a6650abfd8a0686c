/**
 * BibTeX: one `@article` entry with UTF-8 text, LaTeX's special characters escaped and inline
 * markup as LaTeX commands (BibTeX format: https://www.bibtex.org/Format/; field names as
 * BibTeX's standard styles and biblatex read them).
 */
import type { Article, InlineTag, InlineText, IssueBundle, PartialDate } from '#core/model/index';
import { landingUrl } from '#core/urls';
import { authorsOf, type CitableName } from './contributors.ts';
import { BREAKABLE_SPACE } from './ris.ts';
import { citedDate } from './dates.ts';
import { mainAbstract } from './abstract.ts';
import { fullTitle } from './title.ts';

/** The ten characters LaTeX treats specially, and `<` `>` (which the OT1 font encoding prints as ¡ ¿). */
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Escapes text for a braced BibTeX field that LaTeX will typeset. */
export const escapeBibtex = (text: string): string => text.replace(/[\\{}$&%#_~^<>]/g, (c) => SPECIAL[c]!).replace(BREAKABLE_SPACE, ' ');

const COMMANDS = { i: 'textit', b: 'textbf', sub: 'textsubscript', sup: 'textsuperscript', sc: 'textsc' } as const satisfies Record<InlineTag, string>;

/** Inline text as escaped LaTeX, each inline tag as its command. */
export function bibtexInline(content: InlineText): string {
  let out = '';
  for (const node of content) out += typeof node === 'string' ? escapeBibtex(node) : `\\${COMMANDS[node.tag]}{${bibtexInline(node.children)}}`;
  return out;
}

/** A name part that BibTeX's name parser would split (a comma, or the word "and") is braced. */
const part = (value: string): string => {
  const escaped = escapeBibtex(value);
  return /,|\band\b/i.test(value) ? `{${escaped}}` : escaped;
};

/** "Surname, Given", or "Surname, Suffix, Given" (BibTeX's "von Last, Jr, First"); organisations braced so they are never split. */
export function bibtexName(c: CitableName): string {
  if (c.kind === 'organization') return `{${escapeBibtex(c.name)}}`;
  const given = c.given_names === undefined ? [] : [part(c.given_names)];
  const suffix = c.suffix === undefined ? [] : [part(c.suffix)];
  if (given.length === 0 && suffix.length === 0) return part(c.surname);
  return [part(c.surname), ...suffix, ...given].join(', ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Letters outside ASCII that NFD does not take apart. */
const FOLD: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'Th', ı: 'i' };

/** `Edemskiy2019`: the first author's surname folded to ASCII and the cited year; the DOI when the name has no Latin letters. */
export function citationKey(article: Article, cited: PartialDate): string {
  const first = authorsOf(article)[0];
  const name = first === undefined ? '' : first.kind === 'person' ? first.surname : first.name;
  const ascii = name
    .normalize('NFD')
    .replace(/[^ -~]/g, (c) => FOLD[c] ?? '')
    .replace(/[^A-Za-z0-9]/g, '');
  return ascii ? `${ascii}${cited.year}` : `doi_${article.doi.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/** `375--396` (BibTeX's range dash), or the first page alone. */
export const bibtexPages = (first: string, last: string | undefined): string => (last === undefined ? escapeBibtex(first) : `${escapeBibtex(first)}--${escapeBibtex(last)}`);

/** URLs and DOIs are verbatim in biblatex; only braces, which would end the field, are percent-encoded. */
export const verbatim = (value: string): string => value.replace(/\{/g, '%7B').replace(/\}/g, '%7D');

/** The article as one BibTeX `@article` entry. */
export function toBibtex(bundle: IssueBundle, article: Article): string {
  const { journal, issue } = bundle;
  const cited = citedDate(bundle, article);
  const authors = authorsOf(article);
  const pages = article.pages;
  const issns = [journal.issn.print, journal.issn.electronic].filter((v): v is string => v !== undefined);
  const keywords = article.keywords.flatMap((k) => k.terms);
  const abstract = mainAbstract(article);
  const fields: [string, string | undefined][] = [
    ['author', authors.length === 0 ? undefined : authors.map(bibtexName).join(' and ')],
    // Double braces keep the title's capitals as printed (BibTeX styles would lower-case them).
    ['title', `{${bibtexInline(fullTitle(article.titles[0]))}}`],
    ['journal', escapeBibtex(journal.title)],
    ['year', String(cited.year)],
    ['volume', issue.volume === undefined ? undefined : escapeBibtex(issue.volume)],
    ['number', issue.number === undefined ? undefined : escapeBibtex(issue.number)],
    ['pages', pages && bibtexPages(pages.first, pages.last)],
    ['eid', article.article_number === undefined ? undefined : escapeBibtex(article.article_number)],
    ['doi', verbatim(article.doi)],
    ['url', verbatim(landingUrl(journal, article.doi))],
    ['issn', issns.length === 0 ? undefined : issns.join(', ')],
    ['publisher', escapeBibtex(journal.publisher.name)],
    ['address', journal.publisher.place === undefined ? undefined : escapeBibtex(journal.publisher.place)],
    ['language', article.language],
    ['keywords', keywords.length === 0 ? undefined : escapeBibtex(keywords.join(', '))],
    ['abstract', abstract === undefined ? undefined : escapeBibtex(abstract)],
  ];
  const body = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}},`]));
  // Month macros (jan … dec) stand unbraced, so styles print the month name.
  if (cited.month !== undefined) body.splice(4, 0, `  month = ${MONTHS[cited.month - 1]!},`);
  return `@article{${citationKey(article, cited)},\n${body.join('\n')}\n}\n`;
}
