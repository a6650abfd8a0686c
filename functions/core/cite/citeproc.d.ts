/**
 * The slice of citeproc-js (https://citeproc-js.readthedocs.io/) that Colophon uses; the package
 * ships no types. Only what cite/engine.ts calls is declared.
 */
declare module 'citeproc' {
  /** The callbacks the engine uses to fetch locales and items (https://citeproc-js.readthedocs.io/en/latest/running.html#required-sys-functions). */
  export type Sys = {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): unknown;
  };
  /** One entry of an output format: a literal wrapper with `%%STRING%%`, a function, or false for none. */
  export type Decoration = string | false | ((state: EngineState, text: string | undefined) => string);
  export type OutputFormat = Readonly<Record<string, unknown>>;
  export type EngineState = { getTerm(name: string): string };
  export type BibliographyMeta = { readonly entry_ids: readonly (readonly string[])[] };

  export class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(mode: string): void;
    updateItems(ids: readonly string[], nosort?: boolean): void;
    makeBibliography(): [BibliographyMeta, string[]] | false;
  }

  const CSL: {
    /** citeproc-js's own version (the npm package's differs), e.g. "1.4.61". */
    PROCESSOR_VERSION: string;
    Engine: typeof Engine;
    Output: { Formats: Record<string, OutputFormat> };
  };
  export default CSL;
}
