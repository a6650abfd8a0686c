/** The metadata model: schemas, the normalised types renderers take, and the loader. */
export * from './article.ts';
export * from './contributors.ts';
export * from './dates.ts';
export * from './funding.ts';
export * from './galleys.ts';
export * from './identifiers.ts';
export * from './issue.ts';
export * from './journal.ts';
export * from './license.ts';
export * from './load.ts';
export * from './markup.ts';
export * from './pages.ts';
export * from './problems.ts';
export * from './references.ts';
export * from './relations.ts';
export * from './resolve.ts';
export * from './resolved.ts';
