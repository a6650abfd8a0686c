import { describe, expect, it } from 'vitest';
import { autonym, issueLabel, pageRange, siteHref } from '#core/site/html';
import { loadBundles } from '../cite/load.ts';

const [fixture] = loadBundles('tests/fixtures/metadata');
const journal = fixture!.journal; // base_url https://journal.example.org/sbt: the site below a path

describe('siteHref: in-site links relative to the page, so the site works wherever it is served', () => {
  it.each([
    ['index.html', 'https://journal.example.org/sbt/', './'],
    ['index.html', 'https://journal.example.org/sbt/issues/2024-12-3/', 'issues/2024-12-3/'],
    ['issues/2024-12-3/index.html', 'https://journal.example.org/sbt/', '../../'],
    ['issues/2024-12-3/index.html', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/', '../../doi/10.5555/sbt.2024.001/'],
    ['doi/10.5555/sbt.2024.001/index.html', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/article.xml', 'article.xml'],
    ['doi/10.5555/sbt.2024.001/index.html', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/', './'],
    ['doi/10.5555/sbt.2024.001/index.html', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.002/', '../sbt.2024.002/'],
    ['doi/10.5555/sbt.2024.001/index.html', 'https://journal.example.org/sbt/issues/2024-12-3/', '../../../issues/2024-12-3/'],
    // Outside the site (another path of the same host included): absolute.
    ['doi/10.5555/sbt.2024.001/index.html', 'https://journal.example.org/files/a01.epub', 'https://journal.example.org/files/a01.epub'],
    ['index.html', 'https://doi.org/10.5555/sbt.2024.001', 'https://doi.org/10.5555/sbt.2024.001'],
  ])('from %s to %s: %s', (from, url, expected) => {
    expect(siteHref(journal, from, url)).toBe(expected);
  });
});

describe('labels', () => {
  it('names a language in itself, capitalised as a menu prints it, and falls back to English or the tag', () => {
    expect(['sr', 'fr', 'de', 'sq', 'ru'].map(autonym)).toEqual(['Српски', 'Français', 'Deutsch', 'Shqip', 'Русский']);
    expect(autonym('qaa')).toBe('qaa');
  });

  it('gives volume and number as printed, and page ranges with an en dash', () => {
    expect(issueLabel(fixture!.issue)).toBe('Vol. 12, No. 3 (2024)');
    expect(issueLabel({ ...fixture!.issue, volume: undefined })).toBe('No. 3 (2024)');
    expect([pageRange({ first: '375', last: '396' }), pageRange({ first: 'xiv' }), pageRange({ first: '7', last: '7' }), pageRange(undefined)]).toEqual(['375\u2013396', 'xiv', '7', undefined]);
  });
});
