/**
 * The site-wide files the site Lambda writes beside the article files, and how long browsers and
 * CloudFront may keep each kind. Journal homes, issue pages, the stage's root page and the
 * sitemaps use the key helpers of core/urls.ts.
 */

/** RFC 9309 §2.3: crawlers read `/robots.txt` at the root of the authority. */
export const ROBOTS_KEY = 'robots.txt';
/** The page served, with status 404, for any path the site does not have (CloudFront custom error response, static servers' convention). */
export const NOT_FOUND_KEY = '404.html';

export const SITE_CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

/**
 * Pages change when staff correct metadata, so they stay fresh for five minutes; the machine
 * files (JATS, citations, sitemap) are read by harvesters that come back daily at most.
 */
export const CACHE_CONTROL = {
  page: 'public, max-age=300',
  data: 'public, max-age=3600',
} as const;

/** The Cache-Control of a site key, by its file name. */
export const cacheControlFor = (key: string): string => (/\.html?$/i.test(key) ? CACHE_CONTROL.page : CACHE_CONTROL.data);
