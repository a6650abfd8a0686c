/**
 * The citation styles and locales Colophon renders with: official CSL files
 * (https://github.com/citation-style-language/styles, .../locales; CC BY-SA 3.0, each kept whole
 * with its `<info>` and `<rights>`). APA, Harvard, Vancouver and five locales as
 * @citation-js/plugin-csl ships them; Chicago author-date, MLA and the en-GB locale vendored in
 * ./csl/ (provenance in csl/README.md). The files themselves are in csl-sources.ts: this module
 * is what a page needs to show citations (ids, labels, locales), without the XML.
 */

/** CSL locales shipped; csl-sources.ts has one file for each (tests/core/cite/styles.test.ts). */
export const CITATION_LOCALE_IDS = ['en-US', 'nl-NL', 'fr-FR', 'de-DE', 'es-ES', 'en-GB'] as const;
export type CitationLocale = (typeof CITATION_LOCALE_IDS)[number];

export const DEFAULT_LOCALE: CitationLocale = 'en-US';

type StyleEntry = { readonly label: string; readonly locale: CitationLocale };

/**
 * Style ids Colophon offers, in the order "How to cite" lists them, each with the locale its guide
 * is written for (a caller may ask for another). To add a style: an entry here and its CSL XML as
 * a string in csl-sources.ts (`CITATION_STYLE_CSL`), then the fingerprints (engine-fingerprints.ts).
 */
export const CITATION_STYLES = {
  /** APA 7th edition: http://www.zotero.org/styles/apa */
  apa: { label: 'APA (7th edition)', locale: 'en-US' },
  /** Chicago Manual of Style 17th edition, author-date: http://www.zotero.org/styles/chicago-author-date */
  chicago: { label: 'Chicago (17th edition, author-date)', locale: 'en-US' },
  /** MLA Handbook 9th edition: http://www.zotero.org/styles/modern-language-association */
  mla: { label: 'MLA (9th edition)', locale: 'en-US' },
  /** Cite Them Right 12th edition (Harvard), a British guide (single quotation marks): http://www.zotero.org/styles/harvard-cite-them-right */
  harvard: { label: 'Harvard (Cite Them Right)', locale: 'en-GB' },
  /** NLM/Vancouver, Citing Medicine 2nd edition: http://www.zotero.org/styles/nlm-citation-sequence */
  vancouver: { label: 'Vancouver (NLM)', locale: 'en-US' },
} as const satisfies Record<string, StyleEntry>;

export type CitationStyle = keyof typeof CITATION_STYLES;

/** Every style, in the order of `CITATION_STYLES`. */
export const CITATION_STYLE_IDS = Object.keys(CITATION_STYLES) as readonly CitationStyle[];
