import { describe, expect, it } from 'vitest';
import { howToCite } from '#core/cite/index';
import { caseById, editable } from './load.ts';
import { citeproc } from '#core/cite/engine';

describe('howToCite: APA 7 for the Balcanica seed', () => {
  // Written by hand from the APA 7 pattern for a journal article:
  //   Author, A. A. (Year). Title of article. Periodical Title, Volume(Issue), pages. https://doi.org/…
  // Balcanica L has a volume and no issue number, so no "(Issue)". The journal's own site shows
  // "(2023)" and "(L)" as an issue; APA cites the year of the volume (2019, see cite/dates.ts) and
  // volume L is a volume. APA wants sentence case for article titles, but no CSL processor can
  // recase reliably, so the title stays as the metadata gives it. DOI as https://doi.org/ (APA 7).
  const EXPECTED =
    'Edemskiy, A. (2019). Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961. ' +
    'Balcanica - Annual of the Institute for Balkan Studies, L, 375\u2013396. https://doi.org/10.2298/BALC1950375E';

  it('matches the reviewed reference exactly', () => {
    // Prepare
    const { bundle, article } = caseById('edemskiy');
    // Act
    const citation = howToCite(bundle, article, 'apa', { engine: citeproc });
    // Assess
    expect(citation.text).toBe(EXPECTED);
    expect(citation.style).toBe('apa');
    expect(citation.locale).toBe('en-US');
  });

  it('italicises the periodical title and the volume, and nothing else', () => {
    const { bundle, article } = caseById('edemskiy');
    const citation = howToCite(bundle, article, 'apa', { engine: citeproc });
    const italic = citation.inline.filter((n) => typeof n !== 'string');
    expect(italic).toEqual([
      { tag: 'i', children: ['Balcanica - Annual of the Institute for Balkan Studies'] },
      { tag: 'i', children: ['L'] },
    ]);
  });

  it('cites the volume year, not the later online date', () => {
    const { bundle, article } = caseById('edemskiy');
    const text = howToCite(bundle, article, 'apa', { engine: citeproc }).text;
    expect(text).toContain('(2019)');
    expect(text).not.toContain('2023');
  });
});

describe('howToCite on the rich fixture', () => {
  it('keeps inline markup from the title and lists every author, organisations included', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const citation = howToCite(bundle, article, 'apa', { engine: citeproc });
    expect(citation.text).toBe(
      'Petrović, J., Hoxha, A., Jr., Ardita, & Balkan Archives Working Group. (2024). ' +
        'The Danube Question and the Acta Bosniaca, 1878\u20131914: Sources in Serbian, Albanian & Russian (О. Иванова, Trans.). ' +
        'Studia Balcanica Testimonia, 12(3), 1\u201328. https://doi.org/10.5555/sbt.2024.001',
    );
    expect(citation.inline).toContainEqual({ tag: 'i', children: ['Acta Bosniaca'] });
  });

  it('gives "Article e7" for an article number (APA 7 eLocator)', () => {
    const { bundle, article } = caseById('a03-article-number');
    expect(howToCite(bundle, article, 'apa', { engine: citeproc }).text).toBe('Dupont. (2024). Une note sur les frontières. Studia Balcanica Testimonia, 12(3), Article e7. https://doi.org/10.5555/sbt.2024.e7');
  });

  it('takes the locale for the style’s terms', () => {
    const { bundle, article } = caseById('a03-article-number');
    expect(howToCite(bundle, article, 'apa', { locale: 'de-DE', engine: citeproc }).text).toContain('Artikel e7');
  });
});

describe('howToCite and the cached engine', () => {
  it('renders the data it is given, not an earlier item with the same DOI', () => {
    // Prepare: citeproc keeps items by id; the same DOI with a new title must not give the old one.
    const seed = caseById('edemskiy');
    const changed = editable(seed);
    changed.article.titles[0].title = ['A corrected title'];
    // Act
    const before = howToCite(seed.bundle, seed.article, 'apa', { engine: citeproc }).text;
    const after = howToCite(changed.bundle, changed.article, 'apa', { engine: citeproc }).text;
    const again = howToCite(changed.bundle, changed.article, 'apa', { engine: citeproc }).text;
    // Assess
    expect(before).toContain('Additional Evidence');
    expect(after).toContain('A corrected title');
    expect(again).toBe(after);
  });

  it('does not disambiguate against other articles (no "2019a")', () => {
    const seed = caseById('edemskiy');
    const twin = editable(seed);
    twin.article.doi = '10.2298/BALC1950397E';
    twin.article.titles[0].title = ['Another article'];
    howToCite(twin.bundle, twin.article, 'apa', { engine: citeproc });
    expect(howToCite(seed.bundle, seed.article, 'apa', { engine: citeproc }).text).toContain('(2019).');
  });

  it('keeps markup-like text and forged output markers as plain text', () => {
    const c = editable(caseById('edemskiy'));
    c.article.titles[0].title = ['</script><script>alert(1)</script> & \uE001x\uE000'];
    const citation = howToCite(c.bundle, c.article, 'apa', { engine: citeproc });
    expect(citation.text).toContain('</script><script>alert(1)</script> & ');
    expect(citation.text).toContain(' x.');
    expect(citation.text).not.toMatch(/[\uE000-\uE007]/);
  });

  it('builds each engine once: later references cost a small part of the first', () => {
    // Prepare: a style and locale no other test uses, so the first call builds its engine.
    const { bundle, article } = caseById('edemskiy');
    const time = (): number => {
      const start = performance.now();
      howToCite(bundle, article, 'apa', { locale: 'nl-NL', engine: citeproc });
      return performance.now() - start;
    };
    // Act
    const first = time();
    const later = Array.from({ length: 11 }, time).sort((x, y) => x - y)[5]!;
    // Assess: building the APA engine takes about a second, one reference a few milliseconds.
    expect(later).toBeLessThan(first / 10);
  });
});
