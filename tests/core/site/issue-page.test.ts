import { describe, expect, it } from 'vitest';
import { renderIssuePage } from '#core/site/index';
import { editable, loadBundles } from '../cite/load.ts';
import { all, first, one, parsePage, textOf, within } from '../landing/page.ts';

const [fixture] = loadBundles('tests/fixtures/metadata');
const [seed] = loadBundles('metadata');

describe('the issue page of the rich fixture', () => {
  // Act
  const page = parsePage(renderIssuePage(fixture!.journal, fixture!.issue, fixture!.articles));

  it('is a valid HTML5 document with one h1, the issue as printed', () => {
    expect(page.parseErrors).toEqual([]);
    expect(page.html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(all(page, 'h1').map(textOf)).toEqual(['Vol. 12, No. 3 (2024)']);
    expect(textOf(one(page, 'title'))).toBe('Vol. 12, No. 3 (2024) | Studia Balcanica Testimonia');
    expect(one(page, 'link[rel="canonical"]').properties['href']).toBe('https://journal.example.org/sbt/testjournal/issues/2024-12-3/');
  });

  it('gives the themed title with its markup, the dates and the issue DOI', () => {
    expect(one(page, '.issue-title').children.map((n) => (n.type === 'element' ? `<${n.tagName}>${textOf(n)}` : textOf(n)))).toEqual(['Borders & ', '<i>Frontiers']);
    const facts = Object.fromEntries(all(page, '.issue-info dt').map((dt, k) => [textOf(dt), textOf(all(page, '.issue-info dd')[k]!)]));
    expect(facts).toEqual({ 'Published in print': 'November 2024', 'Published online': '15 October 2024', DOI: 'https://doi.org/10.5555/sbt.2024.12.3' });
    expect(one(page, '.issue-info a').properties['href']).toBe('https://doi.org/10.5555/sbt.2024.12.3');
  });

  it('groups articles by section in the order issue.yaml lists the sections', () => {
    expect(all(page, 'main section h2').map(textOf)).toEqual(['Articles', 'Book Reviews']);
    const titles = (sectionId: string): string[] => within(one(page, `section#${sectionId}`), 'h3').map(textOf);
    expect(titles('section-articles')).toEqual(['The Danube Question and the Acta Bosniaca, 1878\u20131914: Sources in Serbian, Albanian & Russian', 'Une note sur les frontières']);
    expect(titles('section-reviews')).toEqual(['Rezension zu \u201EAlbanien und Moskau\u201C']);
  });

  it('gives each article its language, a relative link, its authors, where it is, its DOI and its PDF', () => {
    const entries = all(page, 'ol.toc > li');
    expect(entries.map((li) => within(li, 'h3')[0]!.properties['lang'])).toEqual(['en', 'fr', 'de']);
    expect(entries.map((li) => within(li, 'h3 a')[0]!.properties['href'])).toEqual(['../../../doi/10.5555/sbt.2024.001/', '../../../doi/10.5555/sbt.2024.e7/', '../../../doi/10.5555/sbt.2024.002/']);
    expect(entries.map((li) => textOf(within(li, '.authors-line')[0] ?? li).slice(0, 40))).toEqual(['Jelena Petrović, Arben Hoxha Jr., Ardita', 'Dupont', 'Hans-Jürgen Müller']);
    expect(entries.map((li) => textOf(within(li, 'p.meta:not(.authors-line)')[0]!).split(' \u00B7 ')[0])).toEqual(['pp. 1\u201328', 'Article e7', 'pp. xiv\u2013xix']);
    const pdf = within(entries[0]!, 'a[type="application/pdf"]');
    expect(pdf.map((a) => [a.properties['href'], a.properties['ariaLabel']])).toEqual([['../../../doi/10.5555/sbt.2024.001/a01-petrovic.pdf', 'PDF: The Danube Question and the Acta Bosniaca, 1878\u20131914']]);
    expect(within(entries[1]!, 'a[type="application/pdf"]')).toEqual([]);
  });

  it('never publishes an e-mail address', () => {
    expect(page.html).not.toMatch(/mailto:|@example\.org/);
  });
});

describe('the issue page of the seed', () => {
  const page = parsePage(renderIssuePage(seed!.journal, seed!.issue, seed!.articles));

  it('puts articles of an issue without sections under "Contents", and has no DOI row', () => {
    expect(all(page, 'main h2').map(textOf)).toEqual(['Contents']);
    expect(all(page, '.issue-info dt').map(textOf)).toEqual(['Published in print', 'Published online']);
    expect(textOf(one(page, 'ol.toc p.meta:not(.authors-line)'))).toBe('pp. 375\u2013396 \u00B7 https://doi.org/10.2298/BALC1950375E');
  });

  it('links home and names itself in the breadcrumb trail', () => {
    expect(all(page, 'nav.breadcrumb a').map((a) => [textOf(a), a.properties['href']])).toEqual([['Home', '../../']]);
    expect(textOf(one(page, 'nav.breadcrumb [aria-current="page"]'))).toBe('Vol. L (2019)');
  });

  it('says so when an issue has no article yet', () => {
    const empty = editable({ bundle: seed!, article: seed!.articles[0]! }).bundle;
    const html = parsePage(renderIssuePage(empty.journal, empty.issue, []));
    expect(first(html, 'ol.toc')).toBeUndefined();
    expect(textOf(one(html, 'main'))).toContain('This issue has no articles yet.');
  });
});

describe('what a reader must know before citing, in the table of contents', () => {
  const [first, second, third] = fixture!.articles;
  const notice = (type: 'retraction-of' | 'expression-of-concern-for' | 'correction-of') => [{ type, doi: '10.5555/notice', title: [{ text: 'A notice' }], date: '2025-02-01' }] as never;
  // Act: one retracted, one under an expression of concern and corrected, one withdrawn
  const marked = [
    { ...first!, updatedBy: notice('retraction-of') },
    { ...second!, updatedBy: [...notice('correction-of'), ...notice('expression-of-concern-for')] },
    { ...third!, withdrawn: { date: { year: 2025, month: 3, day: 1 }, reason: 'Duplicate.' } },
  ];
  const page = parsePage(renderIssuePage(fixture!.journal, fixture!.issue, marked as never));
  const plain = parsePage(renderIssuePage(fixture!.journal, fixture!.issue, fixture!.articles));

  it('marks a retracted, a withdrawn article and one under an expression of concern beside its title; a correction alone is not marked', () => {
    // Assess
    const byDoi = (doi: string): string | undefined => {
      const li = all(page, '.toc > li').find((l) => within(l, 'h3 a').some((a) => String(a.properties['href']).includes(doi)));
      return li === undefined ? 'missing' : within(li, '.toc-status').map(textOf)[0];
    };
    expect(byDoi(first!.doi)).toBe('Retracted');
    expect(byDoi(second!.doi)).toBe('Expression of concern');
    expect(byDoi(third!.doi)).toBe('Withdrawn');
    expect(all(plain, '.toc-status')).toEqual([]);
    expect(page.parseErrors).toEqual([]);
  });
});
