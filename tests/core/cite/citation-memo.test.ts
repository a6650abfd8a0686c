/**
 * How to Cite remembers each article version's formatted citations (core/cite/citation-memo.ts).
 * A remembered citation must be exactly what a fresh citeproc-js engine gives for the article:
 * the unmodified official style, a new engine per article and style, the public API. Building
 * an engine costs tens of milliseconds, so this runs on the seed, the fixtures and a sample of
 * the corpus; tests/core/cite/plain-citeproc.test.ts compares every corpus record, first and
 * remembered renders alike, with plain citeproc-js holding one engine per style.
 */
import CSL from 'citeproc';
import { beforeEach, describe, expect, it } from 'vitest';
import { CITATION_STYLE_IDS, CITATION_STYLES, forgetCitations, howToCite, howToCiteAll, rememberedCount, toCsl, type CitationStyle, type CslItem } from '#core/cite/index';
import { remembered } from '#core/cite/citation-memo';
import { forCiteproc, trimInline } from '#core/cite/engine';
import { fromMarked } from '#core/cite/rich-text';
import type { Article, InlineText, IssueBundle } from '#core/model/index';
import { corpusBundles } from '#tests/helpers/corpus-bundles';
import { allCases, caseById, editable } from './load.ts';
import { citeproc } from '#core/cite/engine';
import { CITATION_LOCALES, CITATION_STYLE_CSL } from '#core/cite/csl-sources';

/** A new engine for this one item: nothing carried over from any other article. */
function freshEntry(item: CslItem, style: CitationStyle): InlineText {
  const sys = {
    retrieveLocale: (lang: string): string | undefined => (CITATION_LOCALES as Readonly<Record<string, string>>)[lang],
    retrieveItem: (id: string): unknown => ({ ...forCiteproc(item), id }),
  };
  const engine = new CSL.Engine(sys, CITATION_STYLE_CSL[style], CITATION_STYLES[style].locale, true);
  engine.setOutputFormat('colophon-marked'); // registered by core/cite/engine.ts: markers instead of HTML
  engine.updateItems(['fresh']);
  const bibliography = engine.makeBibliography();
  if (bibliography === false || bibliography[1].length !== 1) throw new Error(`citeproc gave no single entry for ${item.id} in ${style}`);
  return trimInline(fromMarked(bibliography[1][0]!));
}

type Case = { readonly label: string; readonly bundle: IssueBundle; readonly article: Article };

/** The seed, the fixtures and every 20th corpus article (each corpus file's articles are alike). */
function sample(): Case[] {
  const corpus = corpusBundles().flatMap(({ file, bundle }) => bundle.articles.map((article) => ({ label: `${file} ${article.doi}`, bundle, article })));
  return [...allCases().map(({ bundle, article }) => ({ label: `fixture ${article.id}`, bundle, article })), ...corpus.filter((_c, k) => k % 20 === 0)];
}

describe('remembered How to Cite', () => {
  beforeEach(() => forgetCitations());

  it('is byte-identical to a fresh citeproc-js engine per article, in every style, first render and remembered alike', { timeout: 900_000 }, () => {
    // Prepare
    const cases = sample();
    expect(cases.length).toBeGreaterThanOrEqual(12);
    const differences: string[] = [];

    // Act
    const first = cases.map(({ bundle, article }) => howToCiteAll(bundle, article, { engine: citeproc }));
    const count = rememberedCount();
    const again = [...cases].reverse().map(({ bundle, article }) => howToCiteAll(bundle, article, { engine: citeproc })).reverse();
    for (const [k, { label, bundle, article }] of cases.entries()) {
      const item = toCsl(bundle, article);
      for (const [s, style] of CITATION_STYLE_IDS.entries()) {
        const fresh = JSON.stringify(freshEntry(item, style));
        for (const [pass, got] of [['first', first[k]![s]!], ['remembered', again[k]![s]!]] as const) {
          if (JSON.stringify(got.inline) !== fresh) differences.push(`${label} ${style} (${pass}):\n  ours  ${JSON.stringify(got.inline)}\n  fresh ${fresh}`);
        }
      }
    }

    // Assess
    expect(differences).toEqual([]);
    expect(count).toBe(new Set(cases.map(({ bundle, article }) => JSON.stringify(toCsl(bundle, article)))).size * CITATION_STYLE_IDS.length);
    expect(rememberedCount()).toBe(count); // the second pass rendered nothing
  });

  it('renders an article again when anything a style reads changes', () => {
    // Prepare
    const seed = caseById('edemskiy');
    const changed = editable(seed);
    changed.article.pages = { first: '375', last: '399' };
    const before = howToCite(seed.bundle, seed.article, 'apa', { engine: citeproc }).text;

    // Act
    const after = howToCite(changed.bundle as IssueBundle, changed.article as Article, 'apa', { engine: citeproc }).text;

    // Assess
    expect(before).toContain('375\u2013396');
    expect(after).toContain('375\u2013399');
    expect(howToCite(seed.bundle, seed.article, 'apa', { engine: citeproc }).text).toBe(before);
  });

  it('keeps each locale apart', () => {
    // Prepare
    const { bundle, article } = caseById('edemskiy');

    // Act
    const us = howToCite(bundle, article, 'harvard', { locale: 'en-US', engine: citeproc });
    const gb = howToCite(bundle, article, 'harvard', { engine: citeproc });

    // Assess: Cite Them Right's own locale quotes with single marks, en-US with double
    expect(gb.locale).toBe('en-GB');
    expect(us.locale).toBe('en-US');
    expect(us.text).not.toBe(gb.text);
  });

  it('stays bounded: the oldest article goes first', () => {
    // Prepare
    let computed = 0;
    const compute = (): number => (computed += 1);

    // Act: 1,100 articles in two styles each
    for (let k = 0; k < 1_100; k += 1) for (const style of ['apa', 'mla'] as const) remembered(`item ${k}`, style, 'en-US', compute);
    const newest = remembered('item 1099', 'mla', 'en-US', compute);
    const oldest = remembered('item 0', 'apa', 'en-US', compute);

    // Assess
    expect(newest).toBe(2_200);
    expect(oldest).toBe(2_201);
    expect(rememberedCount()).toBe(1_999); // 1,000 articles, the last one (item 0 again) in one style so far
  });
});
