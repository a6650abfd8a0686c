/**
 * The CSL files themselves: each style's XML and every locale's (official files, see styles.ts for
 * where they come from), imported as strings so that bundles carry them (core reads no files).
 * Only citeproc (engine.ts) and the fingerprint of what it renders with read them: kept apart from
 * styles.ts so that a bundle that shows kept citations without running citeproc (Render, issue 16
 * cold start) does not carry ~270 KiB of XML it never reads.
 */
import styleXml from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import localeXml from '@citation-js/plugin-csl/lib/locales.json' with { type: 'json' };
import { CHICAGO_AUTHOR_DATE_CSL } from './csl/chicago-author-date.ts';
import { LOCALES_EN_GB_XML } from './csl/locales-en-GB.ts';
import { MODERN_LANGUAGE_ASSOCIATION_CSL } from './csl/modern-language-association.ts';
import type { CitationLocale, CitationStyle } from './styles.ts';

/** CSL locales shipped (terms such as "Article", "Trans.", month names, quotation marks), by `CITATION_LOCALE_IDS`. */
export const CITATION_LOCALES = { ...localeXml, 'en-GB': LOCALES_EN_GB_XML } as const satisfies Record<CitationLocale, string>;

/** Each style's official CSL file (the ids and sources are listed in styles.ts). */
export const CITATION_STYLE_CSL = {
  apa: styleXml.apa,
  chicago: CHICAGO_AUTHOR_DATE_CSL,
  mla: MODERN_LANGUAGE_ASSOCIATION_CSL,
  harvard: styleXml.harvard1,
  vancouver: styleXml.vancouver,
} as const satisfies Record<CitationStyle, string>;
