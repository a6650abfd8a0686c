/** Errors of the citation renderers: only bugs (a style the processor cannot run), never bad data. */
export class CitationError extends Error {
  override readonly name = 'CitationError';
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
  }
}
