/** Errors of the citation renderers: only bugs (a style the processor cannot run), never bad data. */
export class CitationError extends Error {
  override readonly name: string = 'CitationError';
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A citation had to be rendered (none kept with the version was current) and the caller gave no
 * engine (`HowToCiteOptions.engine`): a caller's bug. Render loads citeproc first when
 * `citationEngineNeeded` says so; everything else passes `citeproc` (engine.ts).
 */
export class MissingCitationEngineError extends CitationError {
  override readonly name = 'MissingCitationEngineError';
}
