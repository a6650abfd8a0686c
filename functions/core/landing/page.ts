/**
 * The DOI landing page: the page the DOI resolves to (Crossref `resource`), for readers and for
 * indexers (Google Scholar's Highwire tags, Dublin Core, schema.org JSON-LD, OpenGraph). Built as
 * a hast tree and serialised once by hast-util-to-html, where all escaping happens.
 * Pure and deterministic: the same bundle gives the same bytes (no clock, no ids).
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Article, IssueBundle } from '#core/model/index';
import { abstracts, keywords } from './abstracts.ts';
import { authors } from './authors.ts';
import { downloads } from './downloads.ts';
import { funding } from './funding.ts';
import { head } from './head.ts';
import { howToCiteBlock } from './how-to-cite.ts';
import { lines, PAGE_LANG, text } from './html.ts';
import { issueInfo } from './issue-info.ts';
import { license } from './license.ts';
import { pageContext, siteHref, type PageContext } from './page-context.ts';
import { references } from './references.ts';
import { relations } from './relations.ts';
import { titleBlock } from './title-block.ts';

/** The journal's name, linking to the site's home page. */
const siteHeader = ({ journal }: PageContext): Element =>
  h('header', { className: ['site'] }, [h('p', { className: ['journal'] }, [h('a', { href: siteHref(journal, `${journal.base_url}/`) }, journal.title)])]);

const siteFooter = ({ journal }: PageContext): Element =>
  h('footer', [h('p', [journal.publisher.name, journal.publisher.place === undefined ? '' : `, ${journal.publisher.place}`].join(''))]);

/** The article: its header (title, notices, contributors), then the sections in reading order. */
const article = (page: PageContext): Element =>
  h(
    'article',
    lines([
      h('header', lines([...titleBlock(page), ...relations(page), ...authors(page)])),
      abstracts(page),
      keywords(page),
      issueInfo(page),
      funding(page),
      license(page),
      downloads(page),
      howToCiteBlock(page),
      references(page),
    ]),
  );

const body = (page: PageContext): Element => h('body', lines([siteHeader(page), h('main', lines([article(page)])), siteFooter(page)]));

/** The full HTML5 document of one article's landing page (at `articleKey(doi, 'landing')`). */
export function renderLandingPage(bundle: IssueBundle, articleData: Article): string {
  const page = pageContext(bundle, articleData);
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, text('\n'), h('html', { lang: PAGE_LANG }, lines([head(page), body(page)]))] };
  return `${toHtml(tree)}\n`;
}
