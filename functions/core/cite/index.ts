/**
 * Citation formats from the normalised model: CSL-JSON, styled references, RIS and BibTeX.
 * citeproc-js itself is not exported here: How to Cite is given it (`citeproc` from ./engine.ts),
 * so that importing this module does not load it (issue 16, Render's cold start).
 */
export { toCsl, cslName, cslDate } from './to-csl.ts';
export { mainAbstract } from './abstract.ts';
export type { CslDate, CslItem, CslName } from './csl-json.ts';
export { citationEngineNeeded, citationsToStore, howToCite, howToCiteAll, type FormattedCitation, type HowToCiteOptions } from './how-to-cite.ts';
export type { CitationEngine } from './citation-engine.ts';
export type { StoredCitation, StoredCitations } from './stored-citations.ts';
export { CSL_JSON_CONTENT_TYPE, CSL_JSON_FILE, cslJsonKey, cslJsonUrl, toCslJson } from './csl-json-file.ts';
export { forgetCitations, rememberedCount } from './citation-memo.ts';
export { CITATION_LOCALE_IDS, CITATION_STYLE_IDS, CITATION_STYLES, DEFAULT_LOCALE, type CitationLocale, type CitationStyle } from './styles.ts';
export { toRis } from './ris.ts';
export { toBibtex, bibtexInline, bibtexName, citationKey, escapeBibtex } from './bibtex.ts';
export { citedDate, slashedDate } from './dates.ts';
export { authorsOf, displayName, invertedName, withRole } from './contributors.ts';
export { fullTitle, mainTitleText, subtitleSeparator } from './title.ts';
export { pdfGalley } from './galleys.ts';
export { compact, type Compact } from './compact.ts';
export { CitationError, MissingCitationEngineError } from './errors.ts';
export { referenceCsl, referenceYear, toReferencesBibtex, toReferencesCslJson, toReferencesRis, type CslReference } from './reference-list.ts';
export { BIBTEX_TYPES, CSL_TYPES, RIS_TYPES } from './reference-types.ts';
