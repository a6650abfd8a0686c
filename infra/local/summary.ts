/**
 * What `npm start` prints when the stage is up: where to look, one line per page, as the README
 * shows them (tests/infra/start-summary.test.ts compares the two), and a word when the site's
 * preferred port was taken.
 */
import type { IssueBundle } from '#core/model/index';
import { issueUrl, journalHomeUrl, landingUrl, oaiPath, SITEMAP_INDEX_KEY } from '#core/urls';

/** `http://127.0.0.1:8788` + the path of a public URL below the journal's `base_url`. */
const onStage = (siteUrl: string, publicUrl: string, baseUrl: string): string => `${siteUrl}/${publicUrl.slice(baseUrl.length + 1)}`;

/**
 * `site:`, then per journal its `journal:` home and `OAI-PMH:` repository, per issue `issue:` and
 * its `article:` lines; then the stage's `sitemap:` (the index) and `OAI-PMH:` (every journal), labels aligned.
 */
export function urlLines(siteUrl: string, bundles: readonly IssueBundle[]): string[] {
  const lines: [string, string][] = [['site', `${siteUrl}/`]];
  const seen = new Set<string>();
  for (const { journal, issue, articles } of bundles) {
    if (!seen.has(journal.id)) {
      seen.add(journal.id);
      lines.push(['journal', onStage(siteUrl, journalHomeUrl(journal), journal.base_url)], ['OAI-PMH', `${siteUrl}${oaiPath(journal.id)}?verb=Identify`]);
    }
    lines.push(['issue', onStage(siteUrl, issueUrl(journal, issue.id), journal.base_url)]);
    for (const article of articles) lines.push(['article', onStage(siteUrl, landingUrl(journal, article.doi), journal.base_url)]);
  }
  lines.push(['sitemap', `${siteUrl}/${SITEMAP_INDEX_KEY}`], ['OAI-PMH', `${siteUrl}${oaiPath()}?verb=Identify`]);
  return lines.map(([label, url]) => `${`${label}:`.padEnd(9)}${url}`);
}

/** The line saying the site is not on the preferred port, or none when it is. */
export function portNotice(preferred: number, port: number): string[] {
  return port === preferred ? [] : [`port ${preferred} is taken (another npm start?): the site is on port ${port} instead; colophon publish and status find it by themselves`];
}
