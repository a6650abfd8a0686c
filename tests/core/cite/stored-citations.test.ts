/**
 * How to Cite kept with an article version (core/cite/stored-citations.ts, core/landing/citations.ts):
 * a landing page given its version's kept citations runs no citeproc-js at all and writes the same
 * bytes; a kept citation that is no longer current (the item changed, or the style, locale,
 * citeproc or Colophon's handling of them did) is not used; a version without any renders as before.
 * citeproc is watched through the engine How to Cite is given (citeproc, counted); a page whose
 * kept citations are all current needs no engine at all (Render then does not load citeproc).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMetadata } from '#adapters/metadata-fs';
import { citationsToStore, forgetCitations, howToCiteAll, CITATION_STYLE_IDS, MissingCitationEngineError, type CitationEngine, type StoredCitations } from '#core/cite/index';
import { citeproc } from '#core/cite/engine';
import { engineFingerprint } from '#core/cite/engine-fingerprints';
import { fnv64 } from '#core/cite/fingerprint';
import { landingCitations } from '#core/landing/citations';
import { landingCitationEngineNeeded, renderLandingPage } from '#core/landing/index';
import type { Article, IssueBundle } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';
import { allCases, caseById, editable } from './load.ts';

const calls = { renderEntry: 0 };
/** citeproc, counted. */
const engine: CitationEngine = { renderEntry: (...args) => ((calls.renderEntry += 1), citeproc.renderEntry(...args)) };

/** citeproc calls made by `act`, with no citation remembered by the process before it. */
function citeprocCalls(act: () => unknown): number {
  forgetCitations();
  const before = calls.renderEntry;
  act();
  return calls.renderEntry - before;
}

type Case = { readonly bundle: IssueBundle; readonly article: Article };

/** The seed, the fixtures and the examples (a withdrawn article among them). */
function cases(): Case[] {
  const examples = loadMetadata(join(repoDir, 'examples'));
  if (!examples.ok) throw new Error('examples do not load');
  return [...allCases(), ...examples.bundles.flatMap((bundle) => bundle.articles.map((article) => ({ bundle, article })))];
}

/** The stored citations with one style's entry changed by `change`. */
const withEntry = (stored: StoredCitations, style: string, change: (e: StoredCitations['entries'][number]) => StoredCitations['entries'][number]): StoredCitations => ({
  ...stored,
  entries: stored.entries.map((e) => (e.style === style ? change(e) : e)),
});

describe('How to Cite kept with the version', () => {
  beforeEach(() => forgetCitations());

  it('fnv64 gives the published FNV-1a 64 test vectors', () => {
    expect([fnv64(''), fnv64('a'), fnv64('foobar')]).toEqual(['cbf29ce484222325', 'af63dc4c8601ec8c', '85944171f73967e8']);
  });

  it('renders every landing page byte for byte as before, without calling citeproc, given its kept citations', () => {
    // Prepare
    const all = cases();
    expect(all.some((c) => c.article.withdrawn !== undefined)).toBe(true);
    const kept = all.map(({ bundle, article }) => JSON.parse(JSON.stringify(landingCitations(bundle, article))) as StoredCitations);
    const before = all.map(({ bundle, article }) => (forgetCitations(), renderLandingPage(bundle, article, { engine })));

    // Act
    let pages: string[] = [];
    const used = citeprocCalls(() => (pages = all.map(({ bundle, article }, k) => renderLandingPage(bundle, article, { citations: kept[k], engine }))));

    // Assess
    expect(used).toBe(0);
    expect(pages).toEqual(before);
    expect(citeprocCalls(() => renderLandingPage(all[0]!.bundle, all[0]!.article, { engine }))).toBe(CITATION_STYLE_IDS.length);
  });

  it('shows what is kept when it is current (the page takes it, not citeproc)', () => {
    // Prepare: the APA entry replaced, its hashes left current
    const { bundle, article } = caseById('a01-petrovic');
    const kept = withEntry(landingCitations(bundle, article), 'apa', (e) => ({ ...e, inline: ['KEPT-APA-ENTRY'] }));

    // Act: no engine given, none needed
    const page = renderLandingPage(bundle, article, { citations: kept });

    // Assess
    expect(page).toContain('KEPT-APA-ENTRY');
  });

  it('is not used once the article changed: citeproc renders the new item', () => {
    // Prepare: citations kept for the article, then its title corrected
    const original = caseById('a01-petrovic');
    const kept = withEntry(landingCitations(original.bundle, original.article), 'apa', (e) => ({ ...e, inline: ['KEPT-APA-ENTRY'] }));
    const { bundle, article } = editable(original);
    article.titles[0].title = ['A corrected title'];
    const fresh = renderLandingPage(bundle, article, { engine });

    // Act
    let page = '';
    const used = citeprocCalls(() => (page = renderLandingPage(bundle, article, { citations: kept, engine })));

    // Assess
    expect(used).toBe(CITATION_STYLE_IDS.length);
    expect(page).toBe(fresh);
    expect(page).not.toContain('KEPT-APA-ENTRY');
  });

  it('renders again only the style whose engine changed (a style, locale or citeproc upgrade)', () => {
    // Prepare: MLA kept from another engine
    const { bundle, article } = caseById('a01-petrovic');
    const kept = withEntry(landingCitations(bundle, article), 'mla', (e) => ({ ...e, engine: 'an-older-engine', inline: ['STALE-MLA'] }));

    // Act
    let got: ReturnType<typeof howToCiteAll> = [];
    const used = citeprocCalls(() => (got = howToCiteAll(bundle, article, { stored: kept, engine })));

    // Assess
    expect(used).toBe(1);
    expect(got.map((c) => c.text).join('\n')).not.toContain('STALE-MLA');
    expect(got).toEqual((forgetCitations(), howToCiteAll(bundle, article, { engine })));
  });

  it('names each style and locale by an engine fingerprint that tells them apart', () => {
    const prints = CITATION_STYLE_IDS.flatMap((style) => [engineFingerprint(style, 'en-US'), engineFingerprint(style, 'en-GB')]);
    expect(new Set(prints).size).toBe(prints.length);
    expect(engineFingerprint('apa', 'en-US')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is what howToCiteAll gives, per style, with the item hash; a locale asked for is kept', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const stored = citationsToStore(bundle, article, { locale: 'de-DE', engine });
    expect(stored.entries.map((e) => e.style)).toEqual([...CITATION_STYLE_IDS]);
    expect(stored.entries.every((e) => e.locale === 'de-DE')).toBe(true);
    expect(howToCiteAll(bundle, article, { locale: 'de-DE', stored, engine })).toEqual(howToCiteAll(bundle, article, { locale: 'de-DE', engine }));
    // A locale other than the one kept is rendered, not taken from the kept entries.
    expect(citeprocCalls(() => howToCiteAll(bundle, article, { stored, engine }))).toBe(CITATION_STYLE_IDS.length);
  });

  it('needs no engine for a page whose kept citations are all current; one that is not asks for one by name', () => {
    // Prepare: every case's kept citations, and the first case's with one style stale
    const all = cases();
    const kept = all.map(({ bundle, article }) => landingCitations(bundle, article));
    const { bundle, article } = all[0]!;
    const stale = withEntry(kept[0]!, 'harvard', (e) => ({ ...e, engine: 'an-older-engine' }));
    forgetCitations();

    // Act
    const needed = all.map((c, k) => landingCitationEngineNeeded(c.bundle, c.article, { citations: kept[k] }));
    const pages = all.map((c, k) => renderLandingPage(c.bundle, c.article, { citations: kept[k] }));

    // Assess
    expect(needed.every((n) => !n)).toBe(true);
    expect(pages).toEqual(all.map((c) => (forgetCitations(), renderLandingPage(c.bundle, c.article, { engine }))));
    expect([landingCitationEngineNeeded(bundle, article, { citations: stale }), landingCitationEngineNeeded(bundle, article)]).toEqual([true, true]);
    forgetCitations();
    expect(() => renderLandingPage(bundle, article, { citations: stale })).toThrow(MissingCitationEngineError);
    expect(() => renderLandingPage(bundle, article, { citations: stale })).toThrow(/harvard/);
  });
});
