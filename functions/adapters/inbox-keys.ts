/**
 * Where the files (galleys) a manifest names are kept (the layout is in inbox.ts). Apart from
 * inbox.ts, which builds the manifest's zod schema at load, so that Render and Site, which only
 * compute these keys, import no zod for it (cold start, issue 16).
 */
export const FILES_PREFIX = 'galleys/';

/** Where a file of a journal with these bytes is kept: the only key a manifest may name for it (Ingest checks). */
export const attachedFileKey = (journal: string, sha256: string): string => `${FILES_PREFIX}${journal}/${sha256}`;
