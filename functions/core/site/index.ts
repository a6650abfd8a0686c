/** The site-wide pages and files: the journal homes, issue tables of contents, the stage root page, 404, sitemaps, robots.txt. */
export * from './archive-page.ts';
export * from './files.ts';
export * from './issue-page.ts';
export * from './not-found-page.ts';
export * from './robots.ts';
export * from './site-outputs.ts';
export * from './sitemap.ts';
export * from './stage-pages.ts';
