/** The site-wide pages and files: the journal home, issue tables of contents, 404, sitemaps, robots.txt. */
export * from './archive-page.ts';
export * from './files.ts';
export * from './issue-page.ts';
export * from './not-found-page.ts';
export * from './robots.ts';
export * from './site-outputs.ts';
export * from './sitemap.ts';
