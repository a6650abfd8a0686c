/** Citation formats from the normalised model: CSL-JSON, styled references (citeproc-js), RIS and BibTeX. */
export { toCsl, cslName, cslDate } from './to-csl.ts';
export { mainAbstract } from './abstract.ts';
export type { CslDate, CslItem, CslName } from './csl-json.ts';
export { howToCite, howToCiteAll, type FormattedCitation, type HowToCiteOptions } from './how-to-cite.ts';
export { CSL_JSON_CONTENT_TYPE, CSL_JSON_FILE, cslJsonKey, cslJsonUrl, toCslJson } from './csl-json-file.ts';
export { prepareCitationStyle } from './engine.ts';
export { forgetCitations, rememberedCount } from './citation-memo.ts';
export { CITATION_LOCALES, CITATION_STYLE_IDS, CITATION_STYLES, DEFAULT_LOCALE, type CitationLocale, type CitationStyle } from './styles.ts';
export { toRis } from './ris.ts';
export { toBibtex, bibtexInline, bibtexName, citationKey, escapeBibtex } from './bibtex.ts';
export { citedDate, slashedDate } from './dates.ts';
export { authorsOf, displayName, invertedName, withRole } from './contributors.ts';
export { fullTitle, mainTitleText, subtitleSeparator } from './title.ts';
export { pdfGalley } from './galleys.ts';
export { compact, type Compact } from './compact.ts';
export { CitationError } from './errors.ts';
export { referenceCsl, referenceYear, toReferencesBibtex, toReferencesCslJson, toReferencesRis, type CslReference } from './reference-list.ts';
export { BIBTEX_TYPES, CSL_TYPES, RIS_TYPES } from './reference-types.ts';
