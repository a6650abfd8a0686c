/**
 * Highwire and Dublin Core tags for corrections, retractions, expressions of concern and
 * withdrawals (issue 11, item 4), on the examples/ journal linked as `colophon build` links it:
 * a notice cites the article it updates (`citation_reference`, as Scholar links citations) and
 * relates to it (`DC.relation`); the updated article relates back to each notice and keeps its
 * `citation_title` as published; a withdrawn article's description is its notice.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { linkBundle } from '#core/model/links';
import type { IssueBundle } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';
import { metas, render, type Page } from './page.ts';

function linkedExamples(): IssueBundle[] {
  const loaded = loadMetadata(join(repoDir, 'examples'));
  if (!loaded.ok) throw new Error('examples/ does not load');
  return loaded.bundles.map((b) => linkBundle(b, loaded.bundles));
}

const bundles = linkedExamples();
function pageOf(doi: string): Page {
  for (const bundle of bundles) for (const article of bundle.articles) if (article.doi === doi) return render(bundle, article);
  throw new Error(`no ${doi} in examples/`);
}

describe('tags of a notice', () => {
  it.each([
    ['10.5555/exemplaria.xiii.r1', 'Die Grenzsteine von Novi Exemplar. https://doi.org/10.5555/exemplaria.xii.4', 'https://doi.org/10.5555/exemplaria.xii.4'],
    ['10.5555/exemplaria.xiii.c1', 'Ledgers of the Unbuilt Harbour. https://doi.org/10.5555/exemplaria.xii.1', 'https://doi.org/10.5555/exemplaria.xii.1'],
    ['10.5555/exemplaria.xiii.e1', 'Tariffs for Goods That Were Never Shipped. https://doi.org/10.5555/exemplaria.xii.3', 'https://doi.org/10.5555/exemplaria.xii.3'],
  ])('%s cites the article it updates and relates to it', (doi, reference, relation) => {
    // Act
    const page = pageOf(doi);
    // Assess
    expect(metas(page, 'citation_reference')).toContain(reference);
    expect(metas(page, 'DC.relation')).toEqual([relation]);
  });

  it('a translation relates to its original without citing it as updated', () => {
    const page = pageOf('10.5555/exemplaria.xiii.1');
    expect(metas(page, 'DC.relation')).toEqual(['https://doi.org/10.5555/exemplaria.xii.2']);
    expect(metas(page, 'citation_reference')).not.toContain(expect.stringContaining('exemplaria.xii.2'));
  });
});

describe('tags of an updated article', () => {
  it.each([
    ['10.5555/exemplaria.xii.4', 'https://doi.org/10.5555/exemplaria.xiii.r1', 'Die Grenzsteine von Novi Exemplar'],
    ['10.5555/exemplaria.xii.1', 'https://doi.org/10.5555/exemplaria.xiii.c1', 'Ledgers of the Unbuilt Harbour: Customs Records from an Imagined Port, 1871\u20131889'],
    ['10.5555/exemplaria.xii.3', 'https://doi.org/10.5555/exemplaria.xiii.e1', 'Tariffs for Goods That Were Never Shipped'],
  ])('%s relates to its notice and keeps its title as published', (doi, notice, title) => {
    // Act
    const page = pageOf(doi);
    // Assess
    expect(metas(page, 'DC.relation')).toEqual([notice]);
    expect(metas(page, 'citation_title')).toEqual([title]);
    expect(metas(page, 'DC.title')).toEqual([title]);
  });

  it('an article nothing updates has no DC.relation', () => {
    expect(metas(pageOf('10.5555/exemplaria.xii.2'), 'DC.relation')).toEqual([]);
  });
});

describe('tags of a withdrawn article', () => {
  it('describe it by its notice, with no abstract and no PDF', () => {
    const page = pageOf('10.5555/exemplaria.xiii.41');
    expect(metas(page, 'DC.description')).toEqual(['This article has been withdrawn (2025-03-20): Published in error: this is a second copy of an article the journal had already published. The editors apologise.']);
    expect(metas(page, 'citation_pdf_url')).toEqual([]);
    expect(metas(page, 'citation_title')).toEqual(['Customs without Ships']);
  });
});
