/** Everything the sections of one landing page read, worked out once per page. */
import { howToCite, type FormattedCitation } from '#core/cite/index';
import type { Article, Issue, IssueBundle, Journal } from '#core/model/index';
import { landingUrl } from '#core/urls';

export type PageContext = {
  readonly bundle: IssueBundle;
  readonly journal: Journal;
  readonly issue: Issue;
  readonly article: Article;
  /** The canonical URL: the resource the DOI resolves to. */
  readonly url: string;
  readonly citation: FormattedCitation;
};

export function pageContext(bundle: IssueBundle, article: Article): PageContext {
  return {
    bundle,
    journal: bundle.journal,
    issue: bundle.issue,
    article,
    url: landingUrl(bundle.journal, article.doi),
    citation: howToCite(bundle, article, 'apa'),
  };
}

/**
 * A link inside the site as its path, so the page works on any host that serves the site
 * (the local emulator as well as the journal's domain); other URLs stay absolute. Meta tags
 * and JSON-LD always take absolute URLs.
 */
export function siteHref(journal: Journal, url: string): string {
  const base = new URL(`${journal.base_url}/`);
  const target = new URL(url);
  return target.origin === base.origin && target.pathname.startsWith(base.pathname) ? `${target.pathname}${target.search}${target.hash}` : url;
}
