/**
 * The written-out fingerprints (core/cite/engine-fingerprints.ts) that decide whether a citation
 * kept with a version is current, so that Render can tell without loading citeproc-js or the CSL
 * files: each must be the one computed from citeproc, the style and the locales (engine.ts). When
 * a style, a locale, citeproc-js or ENGINE_REVISION changes, this fails and prints the new table.
 */
import { describe, expect, it } from 'vitest';
import { CITATION_LOCALES } from '#core/cite/csl-sources';
import { computeEngineFingerprint } from '#core/cite/engine';
import { ENGINE_FINGERPRINTS } from '#core/cite/engine-fingerprints';
import { CITATION_LOCALE_IDS, CITATION_STYLE_IDS } from '#core/cite/index';

describe('engine fingerprints, written out', () => {
  it('are those computed from citeproc-js, each style and the locales, for every style and locale', () => {
    const computed = Object.fromEntries(CITATION_STYLE_IDS.map((style) => [style, Object.fromEntries(CITATION_LOCALE_IDS.map((locale) => [locale, computeEngineFingerprint(style, locale)]))]));
    const table = CITATION_STYLE_IDS.map((style) => `  ${style}: { ${CITATION_LOCALE_IDS.map((l) => `'${l}': '${computed[style]![l]}'`).join(', ')} },`).join('\n');
    expect(ENGINE_FINGERPRINTS, `engine-fingerprints.ts is out of date; its table is now:\n${table}`).toEqual(computed);
  });

  it('cover exactly the locales shipped, in the order their files are hashed', () => {
    expect(Object.keys(CITATION_LOCALES)).toEqual([...CITATION_LOCALE_IDS]);
  });
});
