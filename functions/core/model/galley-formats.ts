/**
 * Galley formats and their media types, apart from the galley schema (galleys.ts): renderers and
 * OAI-PMH read them without importing zod, which keeps those Lambdas' cold import small.
 */
export const GALLEY_FORMATS = {
  pdf: 'application/pdf',
  html: 'text/html',
  epub: 'application/epub+zip',
  xml: 'application/xml',
} as const;
export type GalleyFormat = keyof typeof GALLEY_FORMATS;
