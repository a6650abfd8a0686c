/**
 * `computeEngineFingerprint(style, locale)` (engine.ts) for every style and locale, written out:
 * what a kept citation's `engine` must equal to be used (stored-citations.ts). Written out so that
 * showing kept citations needs neither citeproc-js nor the CSL files (Render's cold start, issue 16).
 * tests/core/cite/engine-fingerprints.test.ts computes each again and prints the table to paste
 * here when a style, a locale, citeproc-js or ENGINE_REVISION changes.
 */
import type { CitationLocale, CitationStyle } from './styles.ts';

export const ENGINE_FINGERPRINTS: Readonly<Record<CitationStyle, Readonly<Record<CitationLocale, string>>>> = {
  apa: { 'en-US': '981294678b2ceaa3', 'nl-NL': '398f8b4084b829da', 'fr-FR': '06dce9e57750b92e', 'de-DE': '6c3f78c119f23594', 'es-ES': '4c9fcfbc7379b336', 'en-GB': 'bf1033b2dc372502' },
  chicago: { 'en-US': '8777d5c940a0d7a8', 'nl-NL': '9cb657a54a759fb7', 'fr-FR': '53dae5d08694beab', 'de-DE': '0007c0a63210f51d', 'es-ES': '922c3796c25c30a3', 'en-GB': 'b09c50c8520f09df' },
  mla: { 'en-US': '9235327575346f21', 'nl-NL': 'adfcc2448626a02e', 'fr-FR': 'ad66b4cf352d9e7a', 'de-DE': '7324670638395d50', 'es-ES': '3e408ebcedfbae72', 'en-GB': 'b31ecde8c8df4b36' },
  harvard: { 'en-US': 'cfb4385dc47e2071', 'nl-NL': '0bdabdf40288fd34', 'fr-FR': 'e5067674d8713810', 'de-DE': 'b1f09788bbb21f42', 'es-ES': 'd508c317c320f398', 'en-GB': 'fba1a68947380204' },
  vancouver: { 'en-US': '16cd28058933e105', 'nl-NL': '159d6982428e0754', 'fr-FR': 'aa060215bac06a3c', 'de-DE': '2e96c1992f7fa6be', 'es-ES': 'a6ad290da95289d8', 'en-GB': 'a833e0901da11a64' },
};

/** What a citation in `style` and `locale` is rendered with today, as a short hash (engine.ts). */
export const engineFingerprint = (style: CitationStyle, locale: CitationLocale): string => ENGINE_FINGERPRINTS[style][locale];
