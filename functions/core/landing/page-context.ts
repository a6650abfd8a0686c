/** Everything the sections of one landing page read, worked out once per page. */
import { howToCiteAll, type CitationEngine, type FormattedCitation, type StoredCitations } from '#core/cite/index';
import type { Article, Issue, IssueBundle, Journal } from '#core/model/index';
import { linkerFor, type Linker } from '#core/site/chrome';
import { articleKey, landingUrl } from '#core/urls';

export type PageContext = {
  readonly bundle: IssueBundle;
  readonly journal: Journal;
  readonly issue: Issue;
  readonly article: Article;
  /** The canonical URL: the resource the DOI resolves to. */
  readonly url: string;
  /** The page's site key (`doi/…/index.html`). */
  readonly key: string;
  /** In-site links as paths relative to this page, so it works wherever the site is served. */
  readonly href: Linker;
  /** The reference in every offered style, APA first. */
  readonly citations: readonly FormattedCitation[];
};

/** `citations`: those kept with the article's version, used where current (core/cite/stored-citations.ts); `engine` renders the others. */
export function pageContext(bundle: IssueBundle, article: Article, citations?: StoredCitations, engine?: CitationEngine): PageContext {
  const key = articleKey(article.doi, 'landing');
  return {
    bundle,
    journal: bundle.journal,
    issue: bundle.issue,
    article,
    url: landingUrl(bundle.journal, article.doi),
    key,
    href: linkerFor(bundle.journal, key),
    citations: howToCiteAll(bundle, article, { stored: citations, engine }),
  };
}
