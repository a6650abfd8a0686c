/**
 * A withdrawn article's JATS says it is withdrawn (issue 11): a `<notes notes-type="withdrawal">`
 * in `<front>` with the page's sentence, the date in `<history>`, and, as on its page, the
 * citation without the work (no abstract, keywords, funding, references, nor links to its files,
 * which Render no longer publishes). Valid against JATS 1.4; JATS4R is checked on the examples'
 * withdrawn article in jats4r.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderJats } from '#core/jats/index';
import type { Article, IssueBundle } from '#core/model/index';
import { validateXml } from '#tests/helpers/xsd';
import { all, articleById, one, parseJats, text } from './load.ts';

const WITHDRAWN = { date: { year: 2025, month: 3, day: 20 }, reason: 'Published in error: a second copy of 10.5555/x.1.' };

function withdrawnCase(): { bundle: IssueBundle; article: Article } {
  const { bundle, article } = structuredClone(articleById('a01-petrovic'));
  return { bundle, article: { ...article, withdrawn: WITHDRAWN } };
}

describe('JATS of a withdrawn article', () => {
  it('the article as published states the work (so the checks below can fail)', () => {
    // Prepare
    const { bundle, article } = articleById('a01-petrovic');
    // Act
    const root = parseJats(renderJats(bundle, article));
    // Assess
    for (const name of ['abstract', 'kwd-group', 'funding-group', 'ref-list', 'self-uri']) expect(all(root, name).length, name).toBeGreaterThan(0);
    expect(all(root, 'notes')).toEqual([]);
  });

  it('says it is withdrawn, when and why, in front notes and in history', () => {
    // Prepare
    const { bundle, article } = withdrawnCase();
    // Act
    const root = parseJats(renderJats(bundle, article));
    // Assess
    const notes = one(root, 'notes');
    expect(notes.attrs['notes-type']).toBe('withdrawal');
    expect(text(one(notes, 'p'))).toBe('This article has been withdrawn (2025-03-20): Published in error: a second copy of 10.5555/x.1.');
    const dates = all(one(root, 'history'), 'date').filter((d) => d.attrs['date-type'] === 'withdrawn');
    expect(dates.map((d) => d.attrs['iso-8601-date'])).toEqual(['2025-03-20']);
  });

  it('keeps the citation and drops the work, as its landing page does', () => {
    // Prepare
    const { bundle, article } = withdrawnCase();
    // Act
    const root = parseJats(renderJats(bundle, article));
    // Assess
    expect(text(one(root, 'article-id'))).toBe(article.doi);
    expect(all(root, 'article-title').length).toBeGreaterThan(0);
    expect(all(root, 'contrib').length).toBeGreaterThan(0);
    for (const name of ['abstract', 'trans-abstract', 'kwd-group', 'funding-group', 'ref-list', 'self-uri']) expect(all(root, name), name).toEqual([]);
  });

  it('validates against the JATS 1.4 XSD', () => {
    // Prepare
    const { bundle, article } = withdrawnCase();
    // Act / Assess
    expect(validateXml('jats', renderJats(bundle, article)).errors).toEqual([]);
  });
});
