/**
 * robots.txt (RFC 9309): everything is public metadata, so every crawler may read every path;
 * the `Sitemap` line (sitemaps.org §"Informing search engine crawlers") points to the root sitemap
 * index, which lists every journal's sitemap.
 */
import { SITEMAP_INDEX_KEY } from '../urls.ts';

export function renderRobots(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${baseUrl}/${SITEMAP_INDEX_KEY}`, ''].join('\n');
}
