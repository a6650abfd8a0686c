/**
 * Which DOIs one deposit registers: every DOI of the issue, or only those the caller lists
 * (a re-deposit of changed records). DOIs are case-insensitive, so the filter is too.
 */
import type { Article, IssueBundle } from '../model/resolved.ts';

export type Selection = {
  /** Whether the issue's own DOI is registered by this deposit. */
  readonly issueDoi: boolean;
  readonly articles: readonly Article[];
};

export function selection(bundle: IssueBundle, dois?: ReadonlySet<string>): Selection {
  if (dois === undefined) return { issueDoi: bundle.issue.doi !== undefined, articles: bundle.articles };
  const wanted = new Set([...dois].map((doi) => doi.toLowerCase()));
  const listed = (doi: string | undefined): boolean => doi !== undefined && wanted.has(doi.toLowerCase());
  return { issueDoi: listed(bundle.issue.doi), articles: bundle.articles.filter((a) => listed(a.doi)) };
}

/** The DOIs a deposit of `bundle` (restricted to `dois`, when given) registers, issue first: empty means nothing to deposit. */
export function depositDois(bundle: IssueBundle, dois?: ReadonlySet<string>): string[] {
  const { issueDoi, articles } = selection(bundle, dois);
  return [...(issueDoi && bundle.issue.doi !== undefined ? [bundle.issue.doi] : []), ...articles.map((a) => a.doi)];
}
