/**
 * The inbox's keys (the layout is in inbox.ts): apart from inbox.ts, which builds the manifest's
 * zod schema at load, so that Render and Site, which only compute file keys, and Ingest's cold
 * start, which only tells a manifest from other objects, import no zod for them (issue 16).
 */
export const INBOX_PREFIX = 'inbox/';
export const MANIFEST_FILE = '_publish.json';
export const FILES_PREFIX = 'galleys/';

/** An issue's publish manifest, the object whose arrival starts Ingest. */
export const isManifestKey = (key: string): boolean => key.startsWith(INBOX_PREFIX) && key.endsWith(`/${MANIFEST_FILE}`);

/** Where a file of a journal with these bytes is kept: the only key a manifest may name for it (Ingest checks). */
export const attachedFileKey = (journal: string, sha256: string): string => `${FILES_PREFIX}${journal}/${sha256}`;
