import { describe, expect, it } from 'vitest';
import { jatsArticle, renderJats } from '#core/jats/index';
import { serializeXml } from '#core/xml/tree';
import { validateXml } from '#tests/helpers/xsd';
import { allArticles } from './load.ts';

const cases = allArticles().map((c) => ({ name: `${c.bundle.journal.id}/${c.bundle.issue.id}/${c.article.id}`, ...c }));

describe('renderJats over the seed and the fixture issue', () => {
  it('finds the seed and every fixture article', () => {
    // Prepare / Act
    const names = cases.map((c) => c.name);
    // Assess
    expect(names).toEqual([
      'balcanica/L-2019/edemskiy',
      'testjournal/2024-12-3/a01-petrovic',
      'testjournal/2024-12-3/a03-article-number',
      'testjournal/2024-12-3/a02-mueller',
    ]);
  });

  it.each(cases)('$name validates against the JATS 1.4 XSD', ({ bundle, article }) => {
    // Act
    const xml = renderJats(bundle, article);
    // Assess
    expect(validateXml('jats', xml).errors).toEqual([]);
  });

  it.each(cases)('$name renders byte for byte the same twice, and from a deep copy', ({ bundle, article }) => {
    // Prepare
    const copy = structuredClone(bundle);
    const copied = copy.articles.find((a) => a.id === article.id)!;
    // Act
    const first = renderJats(bundle, article);
    const second = renderJats(bundle, article);
    const fromCopy = renderJats(copy, copied);
    // Assess
    expect(second).toBe(first);
    expect(fromCopy).toBe(first);
  });

  it('renderJats is the serialised jatsArticle tree', () => {
    // Prepare
    const { bundle, article } = cases[0]!;
    // Act / Assess
    expect(renderJats(bundle, article)).toBe(serializeXml(jatsArticle(bundle, article)));
  });
});

describe('no email address is ever rendered', () => {
  const emails = cases.flatMap(({ article }) => article.contributors.flatMap((c) => (c.email === undefined ? [] : [c.email])));
  const depositors = [...new Set(cases.map(({ bundle }) => bundle.journal.crossref.depositor.email))];

  it('the fixtures do carry contributor and depositor emails (so the check below can fail)', () => {
    expect(emails).toContain('jelena.petrovic@example.org');
    expect(depositors.length).toBeGreaterThan(0);
  });

  it.each(cases)('$name contains no email address', ({ bundle, article }) => {
    // Act
    const xml = renderJats(bundle, article);
    // Assess
    for (const email of [...emails, ...depositors]) expect(xml).not.toContain(email);
    expect(xml).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect(xml).not.toContain('<email');
  });
});
