/**
 * The sitemaps.org protocol's checkable rules (https://www.sitemaps.org/protocol.html; there is no
 * XSD in ../shared/schemas for it): the namespace, absolute and fully escaped `<loc>`s of at most
 * 2,048 characters on the sitemap's own host and below its folder (the location rule), at most
 * 50,000 entries and 50 MB per file, W3C Datetime `<lastmod>`, and an index that lists sitemaps,
 * never another index. Returns every broken rule, in words; empty when the file keeps them all.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

type Entry = { loc?: unknown; lastmod?: unknown };

/** What `xml`, served at `fileUrl`, breaks of the protocol. `kind` is what the file must be. */
export function sitemapProblems(xml: string, fileUrl: string, kind: 'urlset' | 'sitemapindex'): string[] {
  const problems: string[] = [];
  if (Buffer.byteLength(xml) > 50 * 1024 * 1024) problems.push('larger than 50 MB');
  // Every `&` in the text must start an entity: a raw one is what unescaped URLs look like.
  for (const m of xml.matchAll(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/g)) problems.push(`unescaped & at ${m.index}`);
  if (XMLValidator.validate(xml) !== true) return [...problems, 'not well-formed XML'];
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' }).parse(xml) as Record<string, Record<string, unknown>>;
  const root = doc[kind];
  if (root === undefined) return [...problems, `root is not <${kind}>`];
  if (root['@_xmlns'] !== SITEMAP_NS) problems.push(`namespace is not ${SITEMAP_NS}`);
  const entries = asList(root[kind === 'urlset' ? 'url' : 'sitemap'] as Entry | Entry[] | undefined);
  if (entries.length > 50_000) problems.push(`${entries.length} entries: at most 50,000`);
  const file = new URL(fileUrl);
  const folder = file.pathname.slice(0, file.pathname.lastIndexOf('/') + 1);
  for (const entry of entries) {
    const loc = typeof entry.loc === 'string' ? entry.loc : '';
    let url: URL | undefined;
    try {
      url = new URL(loc);
    } catch {
      problems.push(`<loc> ${JSON.stringify(loc)} is not an absolute URL`);
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`<loc> ${loc} is not http(s)`);
    if (loc.length > 2048) problems.push(`<loc> longer than 2,048 characters`);
    // Entity-escaped and URL-escaped: what a URL parser would change was not escaped (spaces, <, >, non-ASCII).
    if (url.href !== loc) problems.push(`<loc> ${loc} is not fully URL-escaped (${url.href})`);
    if (url.host !== file.host) problems.push(`<loc> ${loc} is on another host than the sitemap (${file.host})`);
    else if (!url.pathname.startsWith(folder)) problems.push(`<loc> ${loc} is outside the sitemap's folder ${folder} (location rule)`);
    if (entry.lastmod !== undefined && !W3C_DATETIME.test(String(entry.lastmod))) problems.push(`<lastmod> ${String(entry.lastmod)} is not W3C Datetime`);
    if (kind === 'sitemapindex' && /\/sitemap\.xml$/.test(url.pathname) && url.pathname === file.pathname) problems.push('the index lists itself');
  }
  return problems;
}

/** The `<loc>`s of a sitemap or index, unescaped. */
export const sitemapLocs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&'));
