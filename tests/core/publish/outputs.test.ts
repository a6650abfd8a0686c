import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import type { IssueBundle } from '#core/model/index';
import { CONTENT_TYPES, renderIssueOutputs } from '#core/publish/outputs';
import { repoDir } from '#tests/helpers/shared';
import { citeproc } from '#core/cite/engine';

function seed(): IssueBundle {
  const loaded = loadMetadata(join(repoDir, 'metadata'));
  if (!loaded.ok) throw new Error('the seed metadata does not load');
  return loaded.bundles[0]!;
}

const DEPOSIT = { batchId: 'balcanica-test-1', timestamp: '20230201000000000' };

describe('renderIssueOutputs', () => {
  test('gives each article its files at the keys of core/urls, then the deposit; no reference lists for the seed, which cites nothing', () => {
    // Act
    const outputs = renderIssueOutputs(seed(), DEPOSIT, { engine: citeproc });
    // Assess
    expect(outputs.map((o) => [o.key, o.contentType])).toEqual([
      ['doi/10.2298/BALC1950375E/index.html', CONTENT_TYPES.landing],
      ['doi/10.2298/BALC1950375E/article.xml', CONTENT_TYPES.jats],
      ['doi/10.2298/BALC1950375E/citation.ris', CONTENT_TYPES.ris],
      ['doi/10.2298/BALC1950375E/citation.bib', CONTENT_TYPES.bibtex],
      ['doi/10.2298/BALC1950375E/citation.json', CONTENT_TYPES.csl],
      ['crossref/L-2019.xml', CONTENT_TYPES.deposit],
    ]);
    // Issue 16: the seed cites nothing, and its page links no reference lists: none is written (they were, empty).
    expect(outputs.filter((o) => o.body.length === 0)).toEqual([]);
    expect(outputs.find((o) => o.key.endsWith('/index.html'))!.body).not.toContain('references.ris');
    expect(outputs.at(-1)!.body).toContain('<doi_batch_id>balcanica-test-1</doi_batch_id>');
  });

  test('is pure: the same bundle gives the same outputs', () => {
    // Prepare
    const bundle = seed();
    // Act / Assess
    expect(renderIssueOutputs(bundle, DEPOSIT, { engine: citeproc })).toEqual(renderIssueOutputs(structuredClone(bundle), DEPOSIT, { engine: citeproc }));
  });

  test('an issue with no articles and no DOI has nothing to deposit, and no deposit file', () => {
    // Prepare
    const bundle = { ...seed(), articles: [] };
    // Act / Assess
    expect(renderIssueOutputs(bundle, DEPOSIT, { engine: citeproc })).toEqual([]);
  });
});
