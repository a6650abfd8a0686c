/**
 * Where each article's public files live, derived from its DOI: one rule used by every renderer,
 * the CLI, the handlers and the sitemap, so links never disagree.
 *
 * `https://balcanica.rs/doi/10.2298/BALC1950375E/` is the landing page (key `…/index.html`);
 * the JATS, RIS and BibTeX sit beside it, and so do galleys given by path.
 */
import type { Galley } from './model/galleys.ts';
import type { Journal } from './model/journal.ts';

/** The resolver URL of a DOI, each path segment percent-encoded (as the landing page's own path). */
export const doiUrl = (doi: string): string => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

/** DOI → path segments, each percent-encoded (SICI DOIs carry `<`, `>`, `;`, `#`). */
export const doiPath = (doi: string): string => `doi/${doi.split('/').map(encodeURIComponent).join('/')}`;

export const ARTICLE_FILES = {
  landing: 'index.html',
  jats: 'article.xml',
  ris: 'citation.ris',
  bibtex: 'citation.bib',
  csl: 'citation.json',
} as const;
export type ArticleFileKind = keyof typeof ARTICLE_FILES;

/** The site key (path below the site root) of one of an article's files. */
export const articleKey = (doi: string, kind: ArticleFileKind): string => `${doiPath(doi)}/${ARTICLE_FILES[kind]}`;

/** The public URL of the landing page: the `resource` Crossref registers for the DOI. */
export const landingUrl = (journal: Journal, doi: string): string => `${journal.base_url}/${doiPath(doi)}/`;

/** The public URL of one of an article's files. */
export const articleFileUrl = (journal: Journal, doi: string, kind: ArticleFileKind): string =>
  kind === 'landing' ? landingUrl(journal, doi) : `${journal.base_url}/${articleKey(doi, kind)}`;

/** Galleys given by path are published beside the landing page; by URL, they stay where they are. */
export const galleyKey = (doi: string, galley: Galley): string | undefined => (galley.path === undefined ? undefined : `${doiPath(doi)}/${galley.path}`);
export const galleyUrl = (journal: Journal, doi: string, galley: Galley): string => galley.url ?? `${journal.base_url}/${galleyKey(doi, galley)!}`;

/** The issue's table of contents. */
export const issueKey = (issueId: string): string => `issues/${encodeURIComponent(issueId)}/index.html`;
export const issueUrl = (journal: Journal, issueId: string): string => `${journal.base_url}/issues/${encodeURIComponent(issueId)}/`;
