/**
 * The sitemap: every page of the site with the date it last changed, as an XML tree.
 * Protocol: https://www.sitemaps.org/protocol.html (0.9). One file holds at most 50,000 URLs;
 * beyond that the root file becomes a sitemap index over numbered parts.
 */
import type { Journal } from '../model/journal.ts';
import { el, leaf, serializeXml, type XmlElement } from '../xml/tree.ts';
import { issueUrl, landingUrl } from '../urls.ts';
import { SITEMAP_KEY } from './files.ts';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** sitemaps.org: "no more than 50,000 URLs". */
export const SITEMAP_URL_LIMIT = 50_000;

export type SitemapEntry = { readonly loc: string; readonly lastmod?: string | undefined };
export type SitemapIssue = { readonly issueId: string; readonly updatedAt: string; readonly articles: readonly { readonly doi: string; readonly updatedAt: string }[] };

/** `<lastmod>` in W3C Datetime: the day is enough for crawlers and stable within it. */
const day = (iso: string): string => iso.slice(0, 10);
const latest = (dates: readonly string[]): string | undefined => (dates.length === 0 ? undefined : dates.reduce((a, b) => (a > b ? a : b)));

/** Home, each issue page, each landing page; an issue page changed when it or any of its articles did. */
export function sitemapEntries(journal: Journal, issues: readonly SitemapIssue[]): SitemapEntry[] {
  const issueEntries = issues.map((i) => ({ loc: issueUrl(journal, i.issueId), lastmod: latest([i.updatedAt, ...i.articles.map((a) => a.updatedAt)]) }));
  const articleEntries = issues.flatMap((i) => i.articles.map((a) => ({ loc: landingUrl(journal, a.doi), lastmod: a.updatedAt })));
  return [{ loc: `${journal.base_url}/`, lastmod: latest(issueEntries.flatMap((e) => (e.lastmod ? [e.lastmod] : []))) }, ...issueEntries, ...articleEntries];
}

function url(entry: SitemapEntry): XmlElement {
  return el('url', null, leaf('loc', entry.loc), leaf('lastmod', entry.lastmod === undefined ? undefined : day(entry.lastmod)));
}

export function urlset(entries: readonly SitemapEntry[]): XmlElement {
  return el('urlset', { xmlns: SITEMAP_NS }, entries.map(url));
}

export function sitemapindex(parts: readonly SitemapEntry[]): XmlElement {
  return el('sitemapindex', { xmlns: SITEMAP_NS }, parts.map((p) => el('sitemap', null, leaf('loc', p.loc), leaf('lastmod', p.lastmod === undefined ? undefined : day(p.lastmod)))));
}

export type SiteFile = { readonly key: string; readonly body: string };

/** `sitemap.xml`, or past the limit a sitemap index at that key over `sitemaps/sitemap-<n>.xml`. */
export function renderSitemaps(baseUrl: string, entries: readonly SitemapEntry[]): SiteFile[] {
  if (entries.length <= SITEMAP_URL_LIMIT) return [{ key: SITEMAP_KEY, body: serializeXml(urlset(entries)) }];
  const parts: SiteFile[] = [];
  const index: SitemapEntry[] = [];
  for (let start = 0; start < entries.length; start += SITEMAP_URL_LIMIT) {
    const chunk = entries.slice(start, start + SITEMAP_URL_LIMIT);
    const key = `sitemaps/sitemap-${parts.length + 1}.xml`;
    parts.push({ key, body: serializeXml(urlset(chunk)) });
    index.push({ loc: `${baseUrl}/${key}`, lastmod: latest(chunk.flatMap((e) => (e.lastmod ? [e.lastmod] : []))) });
  }
  return [{ key: SITEMAP_KEY, body: serializeXml(sitemapindex(index)) }, ...parts];
}
