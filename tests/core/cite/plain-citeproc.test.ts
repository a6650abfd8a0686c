/**
 * Colophon's citeproc-js engines (core/cite/engine.ts) render from trimmed styles (no sorting, no
 * disambiguation, an empty in-text citation layout) and trimmed items (no variable a style never
 * names), for speed. This compares every style's entry with plain citeproc-js — the unmodified
 * official style, a fresh engine per item, the public API — on every corpus record the importers
 * read, the seed and fixtures, and synthetic articles (Cyrillic and Albanian names, organisations,
 * mononyms, inline markup): the entries must be identical, formatting included, whether rendered
 * for the first time, remembered from an earlier render of the same article, or kept with its
 * version and read back (no citeproc call at all: nothing is remembered after them).
 */
import CSL, { type Engine } from 'citeproc';

import { describe, expect, it } from 'vitest';
import { CITATION_STYLE_IDS, CITATION_STYLES, citationsToStore, forgetCitations, howToCiteAll, rememberedCount, toCsl, type CitationStyle, type CslItem, type StoredCitations } from '#core/cite/index';
import { forCiteproc, trimInline } from '#core/cite/engine';
import { fromMarked } from '#core/cite/rich-text';
import { loadJournal, type Article, type InlineText, type IssueBundle } from '#core/model/index';
import { corpusBundles } from '#tests/helpers/corpus-bundles';
import { syntheticSources } from '../../../bench/synthetic.ts';
import { allCases } from './load.ts';
import { citeproc } from '#core/cite/engine';
import { CITATION_LOCALES, CITATION_STYLE_CSL } from '#core/cite/csl-sources';

/**
 * Plain citeproc-js: the official style as it is, one engine per style, the public API
 * (updateItems with the one item, then makeBibliography); each item gets an id of its own, so
 * the registry drops the previous item and reads this one.
 */
const plainEngines = new Map<CitationStyle, { engine: Engine; items: Map<string, CslItem> }>();
let nextId = 0;
function plainEntry(item: CslItem, style: CitationStyle): InlineText {
  let slot = plainEngines.get(style);
  if (slot === undefined) {
    const items = new Map<string, CslItem>();
    const sys = { retrieveLocale: (lang: string): string | undefined => (CITATION_LOCALES as Readonly<Record<string, string>>)[lang], retrieveItem: (id: string): unknown => items.get(id) };
    const engine = new CSL.Engine(sys, CITATION_STYLE_CSL[style], CITATION_STYLES[style].locale, true);
    engine.setOutputFormat('colophon-marked'); // the output format engine.ts registers: markers instead of HTML
    slot = { engine, items };
    plainEngines.set(style, slot);
  }
  const id = `plain-${(nextId += 1)}`;
  slot.items.clear();
  slot.items.set(id, { ...forCiteproc(item), id });
  slot.engine.updateItems([id]);
  const bibliography = slot.engine.makeBibliography();
  if (bibliography === false || bibliography[1].length !== 1) throw new Error(`plain citeproc gave no single entry for ${item.id} in ${style}`);
  return trimInline(fromMarked(bibliography[1][0]!));
}

type Article1 = { readonly label: string; readonly bundle: IssueBundle; readonly article: Article };

function synthetic(count: number): Article1[] {
  const loaded = loadJournal(syntheticSources(count, 16));
  if (!loaded.ok) throw new Error('the synthetic journal does not load');
  return loaded.bundles.flatMap((bundle) => bundle.articles.map((article) => ({ label: `synthetic ${article.id}`, bundle, article })));
}

let corpusArticles: Article1[] | undefined;
const corpus = (): Article1[] => (corpusArticles ??= corpusBundles().flatMap(({ file, bundle }) => bundle.articles.map((article) => ({ label: `${file} ${article.doi}`, bundle, article }))));
const fixtures = (): Article1[] => allCases().map(({ bundle, article }) => ({ label: `fixture ${article.id}`, bundle, article }));

describe('How to Cite is byte-identical to plain citeproc-js', () => {
  it.each([
    ['the corpus records', corpus],
    ['the seed and fixtures', fixtures],
    ['200 synthetic articles', () => synthetic(200)],
  ])('in every style, for %s', { timeout: 600_000 }, (_name, articles) => {
    // Prepare
    const cases = articles();
    expect(cases.length).toBeGreaterThan(0);
    const differences: string[] = [];

    // Act: each article rendered first, then (once all are rendered) remembered (core/cite/citation-memo.ts)
    forgetCitations();
    const first = cases.map(({ bundle, article }) => howToCiteAll(bundle, article, { engine: citeproc }));
    const again = cases.map(({ bundle, article }) => howToCiteAll(bundle, article, { engine: citeproc }));
    // And as kept with each version (core/cite/stored-citations.ts), read back from JSON in a process that remembers none.
    const kept = cases.map(({ bundle, article }) => JSON.parse(JSON.stringify(citationsToStore(bundle, article, { engine: citeproc }))) as StoredCitations);
    forgetCitations();
    const stored = cases.map(({ bundle, article }, n) => howToCiteAll(bundle, article, { stored: kept[n], engine: citeproc }));
    expect(rememberedCount()).toBe(0);
    for (const [n, { label, bundle, article }] of cases.entries()) {
      const item = toCsl(bundle, article);
      for (const [k, style] of CITATION_STYLE_IDS.entries()) {
        const plain = JSON.stringify(plainEntry(item, style));
        for (const [pass, ours] of [['first', first[n]![k]!], ['remembered', again[n]![k]!], ['kept', stored[n]![k]!]] as const) {
          if (JSON.stringify(ours.inline) !== plain) differences.push(`${label} ${style} (${pass}):\n  ours  ${JSON.stringify(ours.inline)}\n  plain ${plain}`);
        }
      }
    }

    // Assess
    expect(differences).toEqual([]);
  });

  it('sees the corpus: at least 180 records imported', { timeout: 300_000 }, () => {
    expect(corpus().length).toBeGreaterThanOrEqual(180);
  });
});
