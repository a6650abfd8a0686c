/** The article as a CSL-JSON item: the one input every citation style renders from. */
import type { Article, ContributorRole, IssueBundle, PartialDate } from '#core/model/index';
import { landingUrl } from '#core/urls';
import { mainAbstract } from './abstract.ts';
import { compact } from './compact.ts';
import { withRole, type CitableName } from './contributors.ts';
import type { CslDate, CslItem, CslName } from './csl-json.ts';
import { citedDate } from './dates.ts';
import { toCslRichText } from './rich-text.ts';
import { fullTitle } from './title.ts';

/** A person is split into family and given names so styles can invert and initialise them; an organisation is literal. */
export function cslName(c: CitableName): CslName {
  if (c.kind === 'organization') return { literal: c.name };
  return {
    family: c.surname,
    ...(c.given_names === undefined ? {} : { given: c.given_names }),
    ...(c.suffix === undefined ? {} : { suffix: c.suffix }),
  };
}

export const cslDate = (date: PartialDate): CslDate => ({
  'date-parts': [[date.year, ...(date.month === undefined ? [] : [date.month, ...(date.day === undefined ? [] : [date.day])])]],
});

function names(article: Article, role: ContributorRole): CslName[] | undefined {
  const list = withRole(article, role);
  return list.length === 0 ? undefined : list.map(cslName);
}

/** "375-396": citeproc formats the range (en dash, APA's expanded form) itself. */
export const cslPage = (first: string, last: string | undefined): string => (last === undefined || last === first ? first : `${first}-${last}`);

/**
 * The CSL-JSON item for one article (schema: https://github.com/citation-style-language/schema,
 * csl-data.json; variables: https://docs.citationstyles.org/en/stable/specification.html#appendix-iv-variables).
 * `id` is the DOI; `issued` is the cited date (see dates.ts); the online date goes to `available-date`.
 */
export function toCsl(bundle: IssueBundle, article: Article): CslItem {
  const { journal, issue } = bundle;
  const issns = [journal.issn.print, journal.issn.electronic].filter((v): v is string => v !== undefined);
  const optional = compact({
    'container-title-short': journal.abbrev_title,
    author: names(article, 'author'),
    editor: names(article, 'editor'),
    translator: names(article, 'translator'),
    'available-date': article.dates.published.online && cslDate(article.dates.published.online),
    volume: issue.volume,
    issue: issue.number,
    page: article.pages && cslPage(article.pages.first, article.pages.last),
    'page-first': article.pages?.first,
    number: article.article_number,
    ISSN: issns.length > 0 ? issns.join(', ') : undefined,
    'publisher-place': journal.publisher.place,
    abstract: mainAbstract(article),
    keyword: article.keywords.flatMap((k) => k.terms).join(', ') || undefined,
    license: article.license?.url,
  });
  return {
    id: article.doi,
    type: 'article-journal',
    title: toCslRichText(fullTitle(article.titles[0])),
    'container-title': journal.title,
    issued: cslDate(citedDate(bundle, article)),
    DOI: article.doi,
    URL: landingUrl(journal, article.doi),
    publisher: journal.publisher.name,
    language: article.language,
    ...optional,
  };
}
