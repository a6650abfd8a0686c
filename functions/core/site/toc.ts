/**
 * One article in a table of contents (the issue page, the journal home's current issue): its
 * title as a heading linking to the landing page, the authors, where it is in the issue, its
 * DOI and the PDF when there is one.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { pdfGalley } from '#core/cite/galleys';
import type { Article, Journal } from '#core/model/index';
import { plainText } from '#core/model/markup';
import { galleyUrl, landingUrl } from '#core/urls';
import type { Linker } from './chrome.ts';
import { displayName, doiLink, inlineHtml, joined, pageRange, text } from './html.ts';

/** The title and subtitle, in the article's language. */
function titleContent(article: Article): ElementContent[] {
  const [main] = article.titles;
  return main.subtitle === undefined ? inlineHtml(main.title) : [...inlineHtml(main.title), text(': '), ...inlineHtml(main.subtitle)];
}

function authorLine(article: Article): Element | undefined {
  const names = article.contributors.filter((c) => c.role === 'author').map(displayName);
  return names.length === 0 ? undefined : h('p', { className: ['meta', 'authors-line'] }, names.join(', '));
}

/** "pp. 375–396", "p. 12" or "Article e7". */
export function location(article: Article): string | undefined {
  const range = pageRange(article.pages);
  if (range !== undefined) return range.includes('\u2013') ? `pp. ${range}` : `p. ${range}`;
  return article.article_number === undefined ? undefined : `Article ${article.article_number}`;
}

/** The PDF, named for screen readers with the article it belongs to ("PDF" alone repeats down the list). */
function pdfLink(journal: Journal, href: Linker, article: Article): Element | undefined {
  const pdf = pdfGalley(article);
  if (pdf === undefined) return undefined;
  return h('a', { href: href(galleyUrl(journal, article.doi, pdf)), type: 'application/pdf', ariaLabel: `PDF: ${plainText(article.titles[0].title)}` }, 'PDF');
}

/**
 * What a reader must know before citing it, said beside the title in the table of contents (COPE
 * and Crossref ask that a retraction be visible wherever the article is listed): withdrawn,
 * retracted, or under an expression of concern. A correction is told on the article's page only.
 */
export function tocStatus(article: Article): string | undefined {
  if (article.withdrawn !== undefined) return 'Withdrawn';
  const types = new Set((article.updatedBy ?? []).map((n) => n.type));
  if (types.has('retraction-of')) return 'Retracted';
  if (types.has('expression-of-concern-for')) return 'Expression of concern';
  return undefined;
}

/** One `<li>` of a `.toc` list, its title an `<h3>`. */
export function tocEntry(journal: Journal, href: Linker, article: Article): Element {
  const status = tocStatus(article);
  return h('li', [
    status === undefined ? undefined : h('p', { className: ['toc-status'] }, status),
    h('h3', { className: ['title'], lang: article.titles[0].lang }, [h('a', { href: href(landingUrl(journal, article.doi)) }, titleContent(article))]),
    authorLine(article),
    h('p', { className: ['meta'] }, joined([location(article), doiLink(article.doi), pdfLink(journal, href, article)], ' \u00B7 ')),
  ].filter((n) => n !== undefined));
}

export const tocList = (journal: Journal, href: Linker, articles: readonly Article[]): Element => h('ol', { className: ['toc'] }, articles.map((a) => tocEntry(journal, href, a)));
