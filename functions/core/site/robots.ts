/**
 * robots.txt (RFC 9309): everything is public metadata, so every crawler may read every path;
 * the `Sitemap` line (sitemaps.org §"Informing search engine crawlers") points to the sitemap.
 */
import { SITEMAP_KEY } from './files.ts';

export function renderRobots(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${baseUrl}/${SITEMAP_KEY}`, ''].join('\n');
}
