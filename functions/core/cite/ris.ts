/**
 * RIS, the tagged format reference managers import (Zotero, EndNote, Mendeley): one
 * "TAG  - value" line per field, CRLF line ends, closed by "ER  - "
 * (https://en.wikipedia.org/wiki/RIS_(file_format); tags as EndNote and Zotero read them).
 */
import type { Article, IssueBundle } from '#core/model/index';
import { plainText } from '#core/model/markup';
import { galleyUrl, landingUrl } from '#core/urls';
import { authorsOf, invertedName } from './contributors.ts';
import { citedDate, slashedDate } from './dates.ts';
import { pdfGalley } from './galleys.ts';
import { mainAbstract } from './abstract.ts';
import { fullTitle } from './title.ts';

type Field = readonly [tag: string, value: string | undefined];

/** Whitespace that may break a line: `\\s` without the no-break spaces U+00A0, U+202F and U+2007. */
export const BREAKABLE_SPACE = /[^\S\u00a0\u202f\u2007]+/g;

/**
 * RIS values are single lines: any run of breakable whitespace (line breaks included) becomes one
 * space. No-break spaces stay: they are part of the text (French ` : `, a name as printed).
 */
export const oneLine = (value: string): string => value.replace(BREAKABLE_SPACE, ' ').replace(/^ | $/g, '');

/** The article as one RIS record (`TY  - JOUR` … `ER  - `). */
export function toRis(bundle: IssueBundle, article: Article): string {
  const { journal, issue } = bundle;
  const cited = citedDate(bundle, article);
  const pdf = pdfGalley(article);
  const fields: Field[] = [
    ['TY', 'JOUR'],
    ...authorsOf(article).map((c): Field => ['AU', invertedName(c)]),
    ['TI', plainText(fullTitle(article.titles[0]))],
    ['T2', journal.title],
    ['J2', journal.abbrev_title],
    ['PY', String(cited.year)],
    ['DA', slashedDate(cited)],
    ['VL', issue.volume],
    ['IS', issue.number],
    ['SP', article.pages?.first],
    ['EP', article.pages?.last],
    // EndNote's "Article Number" tag, for journals that number rather than page their articles.
    ['C7', article.article_number],
    ['SN', journal.issn.print],
    ['SN', journal.issn.electronic],
    ['PB', journal.publisher.name],
    ['CY', journal.publisher.place],
    ['LA', article.language],
    ['DO', article.doi],
    ['UR', landingUrl(journal, article.doi)],
    ['L1', pdf && galleyUrl(journal, article.doi, pdf)],
    ...article.keywords.flatMap((group) => group.terms.map((term): Field => ['KW', term])),
    ['AB', mainAbstract(article)],
  ];
  const lines = fields.flatMap(([tag, value]) => (value === undefined || value.trim() === '' ? [] : [`${tag}  - ${oneLine(value)}`]));
  return [...lines, 'ER  - '].join('\r\n') + '\r\n';
}
