/**
 * Every text file one issue publishes, rendered in memory: per article the landing page, the JATS,
 * the citation files and the reference-list files at their keys from core/urls.ts, then the issue's Crossref deposit.
 * Pure: the CLI writes these to disk and the handlers to S3, so both publish the same bytes.
 */
import { CSL_JSON_CONTENT_TYPE, toBibtex, toCslJson, toReferencesBibtex, toReferencesCslJson, toReferencesRis, toRis } from '../cite/index.ts';
import { depositDois, renderCrossrefDeposit } from '../crossref/index.ts';
import { renderJats } from '../jats/index.ts';
import { renderLandingPage } from '../landing/index.ts';
import type { Article, IssueBundle } from '../model/resolved.ts';
import { articleKey, type ArticleFileKind } from '../urls.ts';

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
  // Written for every article, empty when it cites nothing: a version that drops its references
  // then replaces the files rather than leave the old list at its URL.
  referencesCsl: (_bundle, article) => toReferencesCslJson(article),
  referencesRis: (_bundle, article) => toReferencesRis(article),
  referencesBibtex: (_bundle, article) => toReferencesBibtex(article),
};

/** The deposit's key below the journal's output folder; not a site file (it names the depositor). */
export const depositKey = (issueId: string): string => `crossref/${encodeURIComponent(issueId)}.xml`;

/** The files of one article, in a fixed order: landing, JATS, the citation files, the reference-list files. */
export function articleOutputs(bundle: IssueBundle, article: Article): Output[] {
  return (Object.keys(RENDERERS) as ArticleFileKind[]).map((kind) => ({
    key: articleKey(article.doi, kind),
    contentType: CONTENT_TYPES[kind],
    body: RENDERERS[kind](bundle, article),
  }));
}

/**
 * Every file of one issue: each article's files in issue order, then the Crossref deposit
 * (absent when the issue has nothing to register: no articles and no issue DOI).
 */
export function renderIssueOutputs(bundle: IssueBundle, deposit: DepositParameters): Output[] {
  const outputs = bundle.articles.flatMap((article) => articleOutputs(bundle, article));
  if (depositDois(bundle).length > 0) {
    outputs.push({ key: depositKey(bundle.issue.id), contentType: CONTENT_TYPES.deposit, body: renderCrossrefDeposit(bundle, deposit) });
  }
  return outputs;
}
