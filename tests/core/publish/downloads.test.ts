/**
 * An article's six citation downloads in one object (issue 16): the bundle Render writes holds the
 * very bytes and media types `articleOutputs` gives as files (what `colophon build` writes), so the
 * Downloads function serves the same files at the same URLs. A withdrawn article keeps its citation,
 * not its reference lists.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '#adapters/records';
import { decodeDownload, DOWNLOAD_NAMES } from '#core/publish/downloads';
import { articleOutputs, articleSiteOutputs } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { recordById } from '#tests/core/oai/fixtures';

const CITES = recordById('a01-petrovic') as ArticleRecord;
const bundleOf = (record: ArticleRecord) => ({ journal: record.journal, issue: record.issue, articles: [record.article] });
const WITHDRAWN: ArticleRecord = { ...CITES, article: { ...CITES.article, withdrawn: { date: { year: 2025, month: 2, day: 3 }, reason: 'Published in error.' } } };
const CITES_NOTHING: ArticleRecord = { ...CITES, article: { ...CITES.article, references: [] } };

function served(record: ArticleRecord): Record<string, { contentType: string; body: string } | undefined> {
  const outputs = articleSiteOutputs(bundleOf(record), record.article, { engine: citeproc });
  const bundle = outputs.find((o) => o.key.endsWith('/downloads.json'))!;
  return Object.fromEntries(DOWNLOAD_NAMES.map((name) => [name, decodeDownload(bundle.body, name)]));
}

describe('articleSiteOutputs', () => {
  it('writes the landing page, the JATS and one downloads object: three objects, not eight', () => {
    // Act
    const outputs = articleSiteOutputs(bundleOf(CITES), CITES.article, { engine: citeproc });
    // Assess
    const folder = `doi/${CITES.article.doi}/`;
    expect(outputs.map((o) => o.key)).toEqual([`${folder}index.html`, `${folder}article.xml`, `${folder}downloads.json`]);
  });

  it('keeps in the object the bytes and media types of the six files', () => {
    // Prepare
    const files = articleOutputs(bundleOf(CITES), CITES.article, { engine: citeproc });
    // Act
    const parts = served(CITES);
    // Assess
    for (const name of DOWNLOAD_NAMES) {
      const file = files.find((o) => o.key === `doi/${CITES.article.doi}/${name}`)!;
      expect(parts[name], name).toEqual({ contentType: file.contentType, body: file.body });
    }
  });

  it('has no reference lists for an article that cites nothing', () => {
    // Act
    const parts = served(CITES_NOTHING);
    // Assess
    expect(Object.keys(parts).filter((name) => parts[name] !== undefined)).toEqual(['citation.ris', 'citation.bib', 'citation.json']);
  });

  it('keeps the citation of a withdrawn article (its notice page links it) and drops its reference lists', () => {
    // Act
    const parts = served(WITHDRAWN);
    const files = articleOutputs(bundleOf(WITHDRAWN), WITHDRAWN.article, { engine: citeproc });
    // Assess
    expect(Object.keys(parts).filter((name) => parts[name] !== undefined)).toEqual(['citation.ris', 'citation.bib', 'citation.json']);
    expect(parts['citation.ris']!.body).toBe(files.find((o) => o.key.endsWith('/citation.ris'))!.body);
    // colophon build writes the same: no reference lists for a withdrawn article.
    expect(files.map((o) => o.key.slice(o.key.lastIndexOf('/') + 1))).toEqual(['index.html', 'article.xml', 'citation.ris', 'citation.bib', 'citation.json']);
  });
});
