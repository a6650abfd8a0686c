/**
 * The keys of `colophon rebuild` pages (flows/rebuild.ts), apart from the rebuild flow and its zod
 * schema, so that Ingest tells a rebuild page from other objects without importing it (issue 16).
 */
export const REBUILD_PREFIX = 'rebuild/';
/** The inbox key of a rebuild page; the Ingest rule matches it with REBUILD_PAGE_PATTERN (infra/stacks/stateless.ts). */
export const rebuildPageKey = (requestId: string, page: number): string => `${REBUILD_PREFIX}${requestId}/page-${String(page).padStart(6, '0')}.json`;
export const isRebuildPageKey = (key: string): boolean => /^rebuild\/[A-Za-z0-9._-]+\/page-\d{6}\.json$/.test(key);
