/** The site-wide pages and files: issue tables of contents, the archive, the sitemap, robots.txt. */
export * from './archive-page.ts';
export * from './files.ts';
export * from './issue-page.ts';
export * from './robots.ts';
export * from './sitemap.ts';
