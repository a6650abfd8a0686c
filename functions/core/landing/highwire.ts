/**
 * Highwire Press `citation_*` meta tags, as Google Scholar reads them
 * (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing).
 */
import type { Element } from 'hast';
import { authorsOf, citedDate, invertedName, mainTitleText, pdfGalley, slashedDate } from '#core/cite/index';
import { isUpdate } from '#core/model/relation-types';
import { plainText } from '#core/model/markup';
import { galleyUrl } from '#core/urls';
import { defined, doiUrl, meta } from './html.ts';
import type { PageContext } from './page-context.ts';

/** Each author in order, "Surname, Given", followed by that author's institutions and ORCID iD. */
function authorTags({ article }: PageContext): (Element | undefined)[] {
  return authorsOf(article).flatMap((author) => [
    meta('citation_author', invertedName(author)),
    ...author.affiliations.map((a) => meta('citation_author_institution', a.name)),
    author.kind === 'person' ? meta('citation_author_orcid', author.orcid) : undefined,
  ]);
}

/**
 * `citation_publication_date` is the date a reference cites (the volume's year, see
 * cite/dates.ts: 2019 for Balcanica L), as Scholar asks; the online date has its own tag.
 */
function dateTags(page: PageContext): (Element | undefined)[] {
  const online = page.article.dates.published.online;
  return [meta('citation_publication_date', slashedDate(citedDate(page.bundle, page.article))), meta('citation_online_date', online && slashedDate(online))];
}

function journalTags({ journal, issue }: PageContext): (Element | undefined)[] {
  return [
    meta('citation_journal_title', journal.title),
    meta('citation_journal_abbrev', journal.abbrev_title),
    meta('citation_issn', journal.issn.print),
    meta('citation_issn', journal.issn.electronic),
    meta('citation_publisher', journal.publisher.name),
    meta('citation_volume', issue.volume),
    meta('citation_issue', issue.number),
  ];
}

function pageTags({ article }: PageContext): (Element | undefined)[] {
  // Scholar has no tag for an article number; as first page it still locates the article.
  return [meta('citation_firstpage', article.pages?.first ?? article.article_number), meta('citation_lastpage', article.pages?.last)];
}

/** One tag per keyword, each in its own language. */
const keywordTags = ({ article }: PageContext): (Element | undefined)[] => article.keywords.flatMap((group) => group.terms.map((term) => meta('citation_keywords', term, group.lang)));

/** One tag per reference: the citation as printed, with its DOI link when the text lacks it. */
const referenceTags = ({ article }: PageContext): (Element | undefined)[] =>
  article.references.map((ref) => {
    const citation = plainText(ref.citation);
    return meta('citation_reference', ref.doi === undefined || citation.includes(ref.doi) ? citation : `${citation} ${doiUrl(ref.doi)}`);
  });

/**
 * A correction, retraction or expression of concern cites the article it updates: one
 * `citation_reference` for it (its title where Colophon knows it, and its DOI link), so an indexer
 * that links citations links the notice to the article, as Crossmark's `updates` does for Crossref.
 * Highwire has no tag for "updated by"; the updated article says so in its page and its
 * `DC.relation` tags (dublin-core.ts), and its `citation_title` stays as published, so citations
 * and Scholar's versions of it still match.
 */
const updatedArticleTags = ({ article }: PageContext): (Element | undefined)[] =>
  article.relations
    .filter((r) => isUpdate(r.type))
    .map((r) => meta('citation_reference', r.title === undefined ? doiUrl(r.doi) : `${plainText(r.title)}. ${doiUrl(r.doi)}`));

/** The full Highwire set for one article, in the order Scholar's guidelines list the tags. */
export function highwireTags(page: PageContext): Element[] {
  const { article, journal } = page;
  const pdf = pdfGalley(article);
  return defined([
    meta('citation_title', mainTitleText(article), article.language),
    ...authorTags(page),
    ...dateTags(page),
    ...journalTags(page),
    ...pageTags(page),
    meta('citation_doi', article.doi),
    meta('citation_language', article.language),
    ...keywordTags(page),
    meta('citation_abstract_html_url', page.url),
    meta('citation_pdf_url', pdf && galleyUrl(journal, article.doi, pdf)),
    ...updatedArticleTags(page),
    ...referenceTags(page),
  ]);
}
