/**
 * The DOI landing page: the page the DOI resolves to (Crossref `resource`), for readers and for
 * indexers (Google Scholar's Highwire tags, Dublin Core, schema.org JSON-LD, OpenGraph), in the
 * site's frame (core/site/chrome.ts). Built as a hast tree and serialised once by
 * hast-util-to-html, where all escaping happens.
 * Pure and deterministic: the same bundle gives the same bytes (no clock, no ids).
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { citationEngineNeeded, mainTitleText, type CitationEngine, type StoredCitations } from '#core/cite/index';
import type { Article, IssueBundle } from '#core/model/index';
import { withdrawnView } from '#core/model/withdrawn-view';
import { renderDocument } from '#core/site/chrome';
import { issueLabel } from '#core/site/html';
import { issueUrl } from '#core/urls';
import { abstracts, classifications, keywords } from './abstracts.ts';
import { authors } from './authors.ts';
import { downloads } from './downloads.ts';
import { funding } from './funding.ts';
import { headTags } from './head.ts';
import { howToCiteBlock } from './how-to-cite.ts';
import { lines } from './html.ts';
import { issueInfo } from './issue-info.ts';
import { languageSwitch } from './languages.ts';
import { license } from './license.ts';
import { pageContext, type PageContext } from './page-context.ts';
import { references } from './references.ts';
import { alerts, corrections, relations, withdrawal } from './relations.ts';
import { titleBlock } from './title-block.ts';

/** The article: its header (title, notices, contributors, other languages), then the sections, what readers take away first. */
const article = (page: PageContext): Element =>
  h(
    'article',
    lines([
      h('header', lines([...withdrawal(page), ...alerts(page), ...titleBlock(page), ...relations(page), ...corrections(page), ...authors(page), languageSwitch(page)])),
      abstracts(page),
      keywords(page),
      classifications(page),
      downloads(page),
      howToCiteBlock(page),
      issueInfo(page),
      funding(page),
      license(page),
      references(page),
    ]),
  );

/**
 * What a landing page may be given besides its article: the citations kept with its version
 * (`landingCitations`), which spare citeproc, and the engine that renders How to Cite where they
 * are not current (`citeproc` from core/cite/engine.ts; without one such a page throws
 * `MissingCitationEngineError`: ask `landingCitationEngineNeeded` first).
 */
export type LandingOptions = { readonly citations?: StoredCitations | undefined; readonly engine?: CitationEngine | undefined };

/** Whether the page needs `options.engine`: a citation of How to Cite that is not kept current with the version. */
export const landingCitationEngineNeeded = (bundle: IssueBundle, articleData: Article, options: LandingOptions = {}): boolean =>
  citationEngineNeeded(bundle, withdrawnView(articleData), { stored: options.citations });

/** The full HTML5 document of one article's landing page (at `articleKey(doi, 'landing')`). */
export function renderLandingPage(bundle: IssueBundle, articleData: Article, options: LandingOptions = {}): string {
  // A withdrawn article's page is a notice: the citation stays, the work goes, in the page and its tags alike.
  const page = pageContext(bundle, withdrawnView(articleData), options.citations, options.engine);
  const { journal, issue } = page;
  return renderDocument({
    journal,
    href: page.href,
    title: `${mainTitleText(page.article)} | ${journal.title}`,
    canonical: page.url,
    head: headTags(page),
    breadcrumbs: [{ label: issueLabel(issue), url: issueUrl(journal, issue.id) }, { label: 'Article' }],
    main: [article(page)],
  });
}
