/**
 * Every text file one issue publishes, rendered in memory: per article the landing page, the JATS,
 * the citation files and the reference-list files at their keys from core/urls.ts, then the issue's Crossref deposit.
 * Pure: the CLI writes these to disk and the handlers to S3, so both publish the same bytes.
 */
import { CSL_JSON_CONTENT_TYPE, toBibtex, toCslJson, toReferencesBibtex, toReferencesCslJson, toReferencesRis, toRis } from '../cite/index.ts';
import { depositDois, renderCrossrefDeposit } from '../crossref/index.ts';
import { renderJats } from '../jats/index.ts';
import { renderLandingPage, type LandingOptions } from '../landing/index.ts';
import type { Article, IssueBundle } from '../model/resolved.ts';
import { ARTICLE_FILES, articleKey, doiPath, type ArticleFileKind } from '../urls.ts';
import { DOWNLOADS_FILE, encodeDownloads, type Download, type DownloadName } from './downloads.ts';

export type Output = { readonly key: string; readonly contentType: string; readonly body: string };

/** What one deposit is called: `doi_batch_id` and `timestamp` (see core/crossref). */
export type DepositParameters = { readonly batchId: string; readonly timestamp: string };

/** The media type each file is served with (S3 `Content-Type`). */
export const CONTENT_TYPES = {
  landing: 'text/html; charset=utf-8',
  jats: 'application/xml; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  csl: CSL_JSON_CONTENT_TYPE,
  referencesCsl: CSL_JSON_CONTENT_TYPE,
  referencesRis: 'application/x-research-info-systems; charset=utf-8',
  referencesBibtex: 'application/x-bibtex; charset=utf-8',
  deposit: 'application/xml; charset=utf-8',
} as const satisfies Record<ArticleFileKind | 'deposit', string>;

const RENDERERS: Record<ArticleFileKind, (bundle: IssueBundle, article: Article) => string> = {
  landing: renderLandingPage,
  jats: renderJats,
  ris: toRis,
  bibtex: toBibtex,
  csl: toCslJson,
  // Only for an article that cites something (see `articleOutputs`).
  referencesCsl: (_bundle, article) => toReferencesCslJson(article),
  referencesRis: (_bundle, article) => toReferencesRis(article),
  referencesBibtex: (_bundle, article) => toReferencesBibtex(article),
};

/** The deposit's key below the journal's output folder; not a site file (it names the depositor). */
export const depositKey = (issueId: string): string => `crossref/${encodeURIComponent(issueId)}.xml`;

/** The reference-list files (core/cite/reference-list.ts), which the landing page links only when the article cites something. */
const REFERENCE_LISTS: readonly ArticleFileKind[] = ['referencesCsl', 'referencesRis', 'referencesBibtex'];

const output = (bundle: IssueBundle, article: Article, kind: ArticleFileKind, options: LandingOptions = {}): Output => ({
  key: articleKey(article.doi, kind),
  contentType: CONTENT_TYPES[kind],
  body: kind === 'landing' ? renderLandingPage(bundle, article, options) : RENDERERS[kind](bundle, article),
});

/**
 * The files of one article, in a fixed order: landing, JATS, the citation files, the reference-list
 * files. `options.citations`: How to Cite kept with the article's version (core/landing/citations.ts). An article that cites nothing has no reference lists (they would be empty, and its page
 * links none: core/landing/references.ts): three S3 PUTs fewer for each such article (issue 16).
 * Nor has a withdrawn one: its reference lists are the work, which its page and JATS no longer state
 * (its citation stays: the notice page links it).
 */
export function articleOutputs(bundle: IssueBundle, article: Article, options: LandingOptions = {}): Output[] {
  const listsReferences = article.references.length > 0 && article.withdrawn === undefined;
  const kinds = (Object.keys(RENDERERS) as ArticleFileKind[]).filter((kind) => listsReferences || !REFERENCE_LISTS.includes(kind));
  return kinds.map((kind) => output(bundle, article, kind, options));
}

/** The six citation downloads, served from one object per article (core/publish/downloads.ts). */
const DOWNLOADS: readonly ArticleFileKind[] = ['ris', 'bibtex', 'csl', ...REFERENCE_LISTS];

/** The key of an article's downloads bundle, beside its landing page. */
export const downloadsKey = (doi: string): string => `${doiPath(doi)}/${DOWNLOADS_FILE}`;

/**
 * What the stage's site bucket holds for one article (Render writes these): the landing page and
 * the JATS as files, and the six citation downloads in one object (two PUTs fewer than eight files for an
 * article that cites nothing, five fewer for one that does; issue 16). The downloads are the very
 * bytes `articleOutputs` gives as files (so a withdrawn article's object has its citation, not its reference lists).
 */
export function articleSiteOutputs(bundle: IssueBundle, article: Article, options: LandingOptions = {}): Output[] {
  const files = articleOutputs(bundle, article, options);
  const downloads = new Map<DownloadName, Download>();
  for (const kind of DOWNLOADS) {
    const file = files.find((o) => o.key === articleKey(article.doi, kind));
    if (file !== undefined) downloads.set(ARTICLE_FILES[kind] as DownloadName, { contentType: file.contentType, body: file.body });
  }
  const own = files.filter((o) => !DOWNLOADS.some((kind) => o.key === articleKey(article.doi, kind)));
  return [...own, { key: downloadsKey(article.doi), contentType: 'application/json', body: encodeDownloads(downloads) }];
}

/**
 * Every file of one issue: each article's files in issue order, then the Crossref deposit
 * (absent when the issue has nothing to register: no articles and no issue DOI). `options.engine`
 * renders How to Cite (`citeproc` from core/cite/engine.ts): nothing here keeps citations.
 */
export function renderIssueOutputs(bundle: IssueBundle, deposit: DepositParameters, options: Pick<LandingOptions, 'engine'> = {}): Output[] {
  const outputs = bundle.articles.flatMap((article) => articleOutputs(bundle, article, options));
  if (depositDois(bundle).length > 0) {
    outputs.push({ key: depositKey(bundle.issue.id), contentType: CONTENT_TYPES.deposit, body: renderCrossrefDeposit(bundle, deposit) });
  }
  return outputs;
}
