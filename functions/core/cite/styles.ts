/**
 * The citation styles and locales Colophon renders with: official CSL files
 * (https://github.com/citation-style-language/styles, .../locales; CC BY-SA 3.0, each kept whole
 * with its `<info>` and `<rights>`), imported as strings so that bundles carry them (core reads
 * no files). APA, Harvard, Vancouver and five locales as @citation-js/plugin-csl ships them;
 * Chicago author-date, MLA and the en-GB locale vendored in ./csl/ (provenance in csl/README.md).
 */
import styleXml from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import localeXml from '@citation-js/plugin-csl/lib/locales.json' with { type: 'json' };
import { CHICAGO_AUTHOR_DATE_CSL } from './csl/chicago-author-date.ts';
import { LOCALES_EN_GB_XML } from './csl/locales-en-GB.ts';
import { MODERN_LANGUAGE_ASSOCIATION_CSL } from './csl/modern-language-association.ts';

/** CSL locales shipped (terms such as "Article", "Trans.", month names, quotation marks). */
export const CITATION_LOCALES = { ...localeXml, 'en-GB': LOCALES_EN_GB_XML } satisfies Record<string, string>;
export type CitationLocale = keyof typeof CITATION_LOCALES;

export const DEFAULT_LOCALE: CitationLocale = 'en-US';

type StyleEntry = { readonly label: string; readonly csl: string; readonly locale: CitationLocale };

/**
 * Style ids Colophon offers, in the order "How to cite" lists them, each with the official CSL
 * style it renders and the locale its guide is written for (a caller may ask for another).
 * To add a style: an entry here with its CSL XML as a string; nothing else changes.
 */
export const CITATION_STYLES = {
  /** APA 7th edition: http://www.zotero.org/styles/apa */
  apa: { label: 'APA (7th edition)', csl: styleXml.apa, locale: 'en-US' },
  /** Chicago Manual of Style 17th edition, author-date: http://www.zotero.org/styles/chicago-author-date */
  chicago: { label: 'Chicago (17th edition, author-date)', csl: CHICAGO_AUTHOR_DATE_CSL, locale: 'en-US' },
  /** MLA Handbook 9th edition: http://www.zotero.org/styles/modern-language-association */
  mla: { label: 'MLA (9th edition)', csl: MODERN_LANGUAGE_ASSOCIATION_CSL, locale: 'en-US' },
  /** Cite Them Right 12th edition (Harvard), a British guide (single quotation marks): http://www.zotero.org/styles/harvard-cite-them-right */
  harvard: { label: 'Harvard (Cite Them Right)', csl: styleXml.harvard1, locale: 'en-GB' },
  /** NLM/Vancouver, Citing Medicine 2nd edition: http://www.zotero.org/styles/nlm-citation-sequence */
  vancouver: { label: 'Vancouver (NLM)', csl: styleXml.vancouver, locale: 'en-US' },
} as const satisfies Record<string, StyleEntry>;

export type CitationStyle = keyof typeof CITATION_STYLES;

/** Every style, in the order of `CITATION_STYLES`. */
export const CITATION_STYLE_IDS = Object.keys(CITATION_STYLES) as readonly CitationStyle[];
