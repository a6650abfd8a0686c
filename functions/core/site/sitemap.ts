/**
 * The sitemap: every page of the site with the date it last changed, as an XML tree.
 * Protocol: https://www.sitemaps.org/protocol.html (0.9). Each journal has its own sitemap (split
 * into numbered parts past 50,000 URLs); the root `sitemap.xml` is a sitemap index over every
 * journal's parts, so a second journal on the stage adds its own entries and changes no other's.
 */
import type { Journal } from '../model/journal.ts';
import { el, leaf, serializeXml, type XmlElement } from '../xml/tree.ts';
import { issueUrl, journalHomeUrl, journalSitemapKey, keyUrl, landingUrl, SITEMAP_INDEX_KEY } from '../urls.ts';

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
  return [{ loc: journalHomeUrl(journal), lastmod: latest(issueEntries.flatMap((e) => (e.lastmod ? [e.lastmod] : []))) }, ...issueEntries, ...articleEntries];
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

/** A sitemap index holds at most 50,000 sitemaps, and may not list another index (sitemaps.org). */
export class SitemapLimitError extends Error {
  override readonly name = 'SitemapLimitError';
}

/** One journal's sitemap files, and their entries for the stage's sitemap index. */
export type JournalSitemaps = { readonly files: readonly SiteFile[]; readonly parts: readonly SitemapEntry[] };

/** The journal's sitemap (`sitemap-<id>.xml`), in parts of at most 50,000 URLs (`sitemap-<id>.2.xml`, …). */
export function renderJournalSitemaps(journal: Journal, entries: readonly SitemapEntry[]): JournalSitemaps {
  const files: SiteFile[] = [];
  const parts: SitemapEntry[] = [];
  for (let start = 0; start === 0 || start < entries.length; start += SITEMAP_URL_LIMIT) {
    const chunk = entries.slice(start, start + SITEMAP_URL_LIMIT);
    const key = journalSitemapKey(journal.id, files.length + 1);
    files.push({ key, body: serializeXml(urlset(chunk)) });
    parts.push({ loc: keyUrl(journal.base_url, key), lastmod: latest(chunk.flatMap((e) => (e.lastmod ? [e.lastmod] : []))) });
  }
  return { files, parts };
}

/** The root `sitemap.xml`: an index over every journal's sitemap parts, in the order given. */
export function renderSitemapIndex(parts: readonly SitemapEntry[]): SiteFile {
  if (parts.length > SITEMAP_URL_LIMIT) throw new SitemapLimitError(`${parts.length} sitemaps: a sitemap index lists at most ${SITEMAP_URL_LIMIT}`);
  return { key: SITEMAP_INDEX_KEY, body: serializeXml(sitemapindex(parts)) };
}
