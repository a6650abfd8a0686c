/**
 * A withdrawn article's deposit no longer sends Crossref to its PDF (Similarity Check's
 * `crawler-based` item, the text-mining PDF item): Render does not publish a withdrawn article's
 * galley, so those links would answer 404 (issue 11). The JATS, still published as the notice's
 * XML, stays a text-mining item; the deposit stays valid against Crossref 5.4.0.
 */
import { describe, expect, it } from 'vitest';
import { renderCrossrefDeposit } from '#core/crossref/index';
import type { IssueBundle } from '#core/model/index';
import { validateXml } from '#tests/helpers/xsd';
import { richIssue } from './load.ts';

const BATCH = { batchId: 'colophon-test-0001', timestamp: 20230201120000000n } as const;
const DOI = '10.5555/sbt.2024.001';
const PDF = 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/a01-petrovic.pdf';

function withdrawnIssue(): IssueBundle {
  const bundle = structuredClone(richIssue());
  return { ...bundle, articles: bundle.articles.map((a) => (a.doi === DOI ? { ...a, withdrawn: { date: { year: 2025, month: 3, day: 20 }, reason: 'Published in error.' } } : a)) };
}

describe('the deposit of a withdrawn article', () => {
  it('lists the PDF while the article is not withdrawn (so the check below can fail)', () => {
    expect(renderCrossrefDeposit(richIssue(), BATCH)).toContain(`<resource>${PDF}</resource>`);
  });

  it('no longer lists its PDF, keeps its JATS for text mining, and stays valid', () => {
    // Act
    const xml = renderCrossrefDeposit(withdrawnIssue(), BATCH);
    // Assess
    expect(xml).not.toContain(PDF);
    expect(xml).toContain('https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/article.xml');
    expect(xml).toContain(`<update type="withdrawal" date="2025-03-20">${DOI}</update>`);
    expect(validateXml('crossref', xml).errors).toEqual([]);
  });
});
