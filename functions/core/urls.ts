/**
 * Where each article's public files live, derived from its DOI: one rule used by every renderer,
 * the CLI, the handlers and the sitemap, so links never disagree.
 *
 * `https://balcanica.rs/doi/10.2298/BALC1950375E/` is the landing page (key `…/index.html`);
 * the JATS, RIS and BibTeX sit beside it, and so do galleys given by path.
 *
 * Keys and URLs (the one rule): an object key is the DOI (or issue id) as written; its URL is the
 * key with each path segment percent-encoded. S3 decodes a request's path once and the object key
 * is the decoded path (CloudFront passes the path on as received; the local site server does the
 * same), so `…/doi/10.1002/(SICI)…%3C693%3A%3AAID-ASI4%3E…/` reads the key `doi/10.1002/(SICI)…<693::AID-ASI4>…/index.html`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectGET.html (Key: the URL path after the bucket, decoded);
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
 */
import type { Galley } from './model/galleys.ts';
import type { Journal } from './model/journal.ts';

/** The characters `encodeURIComponent` leaves as they are, and `/`: a path of only these is its own encoding. */
const UNENCODED = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/**
 * A key (or any `/`-separated path) as a URL path: each segment percent-encoded (SICI DOIs carry `<`, `>`, `;`, `#`, `[`, `:`).
 * Most keys need no encoding, and a landing page encodes a dozen (issue 16: ~4% of its CPU), so those are returned as they are.
 */
export const encodePath = (key: string): string => (UNENCODED.test(key) ? key : key.split('/').map(encodeURIComponent).join('/'));

/** The object key a URL path names, as S3 reads it: the path decoded once, without its leading `/`. */
export const keyOfPath = (urlPath: string): string => decodeURIComponent(urlPath).replace(/^\/+/, '');

/** The public URL of a site key below `baseUrl`. */
export const keyUrl = (baseUrl: string, key: string): string => `${baseUrl}/${encodePath(key)}`;

/** The resolver URL of a DOI, each path segment percent-encoded (as the landing page's own path). */
export const doiUrl = (doi: string): string => `https://doi.org/${encodePath(doi)}`;

/** DOI → the key folder of its files: the DOI as written (see the rule above). */
export const doiPath = (doi: string): string => `doi/${doi}`;

export const ARTICLE_FILES = {
  landing: 'index.html',
  jats: 'article.xml',
  ris: 'citation.ris',
  bibtex: 'citation.bib',
  csl: 'citation.json',
  // The works the article cites, as citation downloads (core/cite/reference-list.ts).
  referencesCsl: 'references.json',
  referencesRis: 'references.ris',
  referencesBibtex: 'references.bib',
} as const;
export type ArticleFileKind = keyof typeof ARTICLE_FILES;

/** The site key (path below the site root) of one of an article's files. */
export const articleKey = (doi: string, kind: ArticleFileKind): string => `${doiPath(doi)}/${ARTICLE_FILES[kind]}`;

/** The public URL of the landing page: the `resource` Crossref registers for the DOI. */
export const landingUrl = (journal: Journal, doi: string): string => `${keyUrl(journal.base_url, doiPath(doi))}/`;

/** The public URL of one of an article's files. */
export const articleFileUrl = (journal: Journal, doi: string, kind: ArticleFileKind): string =>
  kind === 'landing' ? landingUrl(journal, doi) : keyUrl(journal.base_url, articleKey(doi, kind));

/** Galleys given by path are published beside the landing page; by URL, they stay where they are. */
export const galleyKey = (doi: string, galley: Galley): string | undefined => (galley.path === undefined ? undefined : `${doiPath(doi)}/${galley.path}`);
export const galleyUrl = (journal: Journal, doi: string, galley: Galley): string => galley.url ?? keyUrl(journal.base_url, galleyKey(doi, galley)!);

/**
 * A stage serves several journals from one site (issue 12, High 3). Landing pages stay at
 * `/doi/<doi>/` (a DOI is global, and unique on the stage); each journal's own pages live under
 * `/<journal-id>/`: its home with the current issue, `/<journal-id>/issues/<issue-id>/`. The root
 * holds the stage's own files: a page listing the journals, the sitemap index, robots.txt, 404.
 * Publishing one journal therefore never writes a key another journal's pages are read from.
 */

/** Top-level path segments the stage's own files and routes use (and `colophon build` its deposit files): no journal id may be one of them. */
export const RESERVED_JOURNAL_IDS = ['doi', 'api', 'crossref'] as const;

/** The journal's home page (current issue and archive). */
export const journalHomeKey = (journalId: string): string => `${journalId}/index.html`;
export const journalHomeUrl = (journal: Journal): string => `${keyUrl(journal.base_url, journal.id)}/`;

/** The issue's table of contents, below its journal's folder. */
export const issueKey = (journalId: string, issueId: string): string => `${journalId}/issues/${issueId}/index.html`;
export const issueUrl = (journal: Journal, issueId: string): string => `${keyUrl(journal.base_url, `${journal.id}/issues/${issueId}`)}/`;

/** An issue's cover image, beside its table of contents (the name is a plain file name ending .jpg, .png or .webp). */
export const coverKey = (journalId: string, issueId: string, cover: { readonly path: string }): string => `${journalId}/issues/${issueId}/${cover.path}`;
export const coverUrl = (journal: Journal, issueId: string, cover: { readonly path: string }): string => keyUrl(journal.base_url, coverKey(journal.id, issueId, cover));

/** The stage's root page: every journal on the stage (CloudFront's default root object). */
export const STAGE_HOME_KEY = 'index.html';
/** The root sitemap: a sitemap index over every journal's sitemap(s) (https://www.sitemaps.org/protocol.html#index). */
export const SITEMAP_INDEX_KEY = 'sitemap.xml';

/**
 * A journal's sitemap (part `n` past 50,000 URLs). It sits at the root, not under `/<journal-id>/`:
 * sitemaps.org's location rule lets a sitemap list only URLs below its own folder, and a journal's
 * sitemap lists its landing pages at `/doi/…`. Journal ids have no `.`, so `sitemap-a.2.xml` (part 2
 * of journal `a`) can never be the first part of another journal's (`sitemap-a-2.xml` could).
 */
export const journalSitemapKey = (journalId: string, part = 1): string => (part === 1 ? `sitemap-${journalId}.xml` : `sitemap-${journalId}.${part}.xml`);

/** The public path of the stage's OAI-PMH repository (every journal; a set each). */
export const OAI_STAGE_PATH = '/api/oai';
/** The public path of the stage's OAI-PMH repository, or of one journal's (`/api/oai/<journal-id>`). */
export const oaiPath = (journalId?: string): string => (journalId === undefined ? OAI_STAGE_PATH : `${OAI_STAGE_PATH}/${encodeURIComponent(journalId)}`);
/** The OAI-PMH base URL on an origin (CloudFront sends `/api/*` from the root of the site's host to the HTTP API). */
export const oaiUrl = (origin: string, journalId?: string): string => `${origin.replace(/\/+$/, '')}${oaiPath(journalId)}`;
