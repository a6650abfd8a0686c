/**
 * The citation styles and locales Colophon renders with: the official CSL files
 * (https://github.com/citation-style-language/styles, .../locales) as shipped by
 * @citation-js/plugin-csl, imported as strings so that bundles carry them (core reads no files).
 */
import styleXml from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import localeXml from '@citation-js/plugin-csl/lib/locales.json' with { type: 'json' };

/**
 * Style ids Colophon offers, each with the official CSL style it renders.
 * To add Chicago author-date, MLA or another style: put its CSL XML (from the official
 * repository) in a module exporting it as a string and add an entry here; nothing else changes.
 */
export const CITATION_STYLES = {
  /** APA 7th edition: http://www.zotero.org/styles/apa */
  apa: { label: 'APA (7th edition)', csl: styleXml.apa },
  /** Cite Them Right 12th edition (Harvard): http://www.zotero.org/styles/harvard-cite-them-right */
  harvard: { label: 'Harvard (Cite Them Right)', csl: styleXml.harvard1 },
  /** NLM/Vancouver, Citing Medicine 2nd edition: http://www.zotero.org/styles/nlm-citation-sequence */
  vancouver: { label: 'Vancouver', csl: styleXml.vancouver },
} as const satisfies Record<string, { readonly label: string; readonly csl: string }>;

export type CitationStyle = keyof typeof CITATION_STYLES;

/** CSL locales shipped (terms such as "Article", "Trans.", month names). */
export const CITATION_LOCALES = localeXml satisfies Record<string, string>;
export type CitationLocale = keyof typeof localeXml;

export const DEFAULT_LOCALE: CitationLocale = 'en-US';
