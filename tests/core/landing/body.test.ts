import { describe, expect, it } from 'vitest';
import { caseById } from '../cite/load.ts';
import { all, first, one, renderCase, renderId, textOf, within } from './page.ts';

const headingLevels = (page: ReturnType<typeof renderId>): number[] => all(page, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));

describe('the body of the seed page', () => {
  const page = renderId('edemskiy');

  it('has one main with one h1, headings that never skip a level', () => {
    expect(all(page, 'main')).toHaveLength(1);
    const levels = headingLevels(page);
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (const [k, level] of levels.entries()) if (k > 0) expect(level).toBeLessThanOrEqual(levels[k - 1]! + 1);
  });

  it('names the journal and gives the title in its language, the en dash kept', () => {
    expect(textOf(one(page, 'header.site .journal'))).toBe('Balcanica - Annual of the Institute for Balkan Studies');
    const h1 = one(page, 'h1');
    expect(h1.properties['lang']).toBe('en');
    expect(textOf(h1)).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961');
  });

  it('lists the author with a numbered affiliation', () => {
    expect(all(page, '.authors li .name').map(textOf)).toEqual(['Andrey Edemskiy']);
    expect(textOf(one(page, '.authors li sup a[href="#aff-1"]'))).toBe('1');
    expect(textOf(one(page, 'ol.affiliations li#aff-1'))).toBe('Institute for Slavic Studies, Russian Academy of Sciences, Russia');
  });

  it('gives the abstract, the keywords, the issue, the pages, the DOI and both publication dates', () => {
    expect(textOf(one(page, '#abstract div[lang="en"] p'))).toMatch(/^Disagreement between Khrushchev/);
    expect(all(page, '#keywords li').map(textOf)).toHaveLength(8);
    const info = Object.fromEntries(all(page, '.issue-info dt').map((dt, k) => [textOf(dt), textOf(all(page, '.issue-info dd')[k]!)]));
    expect(info).toEqual({
      Journal: 'Balcanica - Annual of the Institute for Balkan Studies',
      ISSN: '0350-7653 (print), 2406-0801 (online)',
      Issue: 'Vol. L (2019)',
      Pages: '375\u2013396',
      DOI: 'https://doi.org/10.2298/BALC1950375E',
      'Published in print': '2019',
      'Published online': '1 February 2023',
    });
    expect(one(page, '.issue-info a[href="https://doi.org/10.2298/BALC1950375E"]')).toBeDefined();
  });

  it('offers the JATS XML and the three citation files beside the page, and no PDF (the seed has no galley)', () => {
    // Relative links: the files sit in the page's own folder, wherever the site is served.
    expect(all(page, '#downloads a').map((a) => [textOf(a), a.properties['href'], a.properties['type']])).toEqual([
      ['JATS XML', 'article.xml', 'application/xml'],
      ['Citation (RIS)', 'citation.ris', 'application/x-research-info-systems'],
      ['Citation (BibTeX)', 'citation.bib', 'application/x-bibtex'],
      ['Citation (CSL-JSON)', 'citation.json', 'application/vnd.citationstyles.csl+json'],
    ]);
  });

  it('shows how to cite it in five styles, APA first, with italics and the DOI as a link', () => {
    expect(all(page, '#how-to-cite dt').map(textOf)).toEqual(['APA (7th edition)', 'Chicago (17th edition, author-date)', 'MLA (9th edition)', 'Harvard (Cite Them Right)', 'Vancouver (NLM)']);
    const apa = one(page, '#how-to-cite dd.citation-apa');
    expect(textOf(apa)).toBe(
      'Edemskiy, A. (2019). Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961. Balcanica - Annual of the Institute for Balkan Studies, L, 375\u2013396. https://doi.org/10.2298/BALC1950375E',
    );
    expect(all(page, '#how-to-cite dd.citation-apa i').map(textOf)).toEqual(['Balcanica - Annual of the Institute for Balkan Studies', 'L']);
    expect(all(page, '#how-to-cite dd.citation-apa a').map((a) => a.properties['href'])).toEqual(['https://doi.org/10.2298/BALC1950375E']);
    // Chicago ends the DOI with the entry's full stop, which stays outside the link.
    expect(all(page, '#how-to-cite dd.citation-chicago a').map(textOf)).toEqual(['https://doi.org/10.2298/BALC1950375E']);
    expect(one(page, '#how-to-cite .note a').properties['href']).toBe('https://citationstyles.org/');
  });

  it('sits in the site: breadcrumbs to the home page and the issue, relative links, no language switch', () => {
    expect(all(page, 'nav.breadcrumb a').map((a) => [textOf(a), a.properties['href']])).toEqual([
      ['Home', '../../../balcanica/'],
      ['Vol. L (2019)', '../../../balcanica/issues/L-2019/'],
    ]);
    expect(textOf(one(page, 'nav.breadcrumb [aria-current="page"]'))).toBe('Article');
    expect(one(page, 'main').properties['id']).toBe('main');
    expect(one(page, 'a.skip').properties['href']).toBe('#main');
    expect(first(page, 'nav.languages')).toBeUndefined();
  });

  it('has no section for what the seed lacks (references, funding), and says it is free to read without naming a licence', () => {
    for (const id of ['references', 'funding']) expect(first(page, `#${id}`)).toBeUndefined();
    expect(first(page, '#license a[rel="license"]')).toBeUndefined();
    expect(textOf(one(page, '#license p'))).toMatch(/^Free to read/);
  });
});

describe('the body of the rich fixture page', () => {
  const page = renderCase(caseById('a01-petrovic'));

  it('marks translated titles and every abstract and keyword block with its language', () => {
    expect(all(page, '.translated-title').map((p) => [p.properties['lang'], textOf(p)])).toEqual([
      ['sr', 'Дунавско питање и Acta Bosniaca, 1878\u20131914'],
      ['de', 'Die Donaufrage und die Acta Bosniaca: Quellen aus drei Sprachen'],
    ]);
    expect(all(page, '#abstract > div').map((d) => d.properties['lang'])).toEqual(['en', 'fr', 'sr']);
    expect(all(page, '#abstract h3').map(textOf)).toEqual(['English', 'French', 'Serbian']);
    expect(all(page, '#keywords > div').map((d) => d.properties['lang'])).toEqual(['en', 'fr', 'sr']);
  });

  it('maps inline markup: i, b, sub, sup as elements and small caps as span.sc', () => {
    const html = page.html;
    expect(html).toContain('H<sub>2</sub>O-stained');
    expect(html).toContain('10<sup>th</sup>');
    expect(html).toContain('<span class="sc">small caps</span>');
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<h1 lang="en">The Danube Question and the <i>Acta Bosniaca</i>, 1878\u20131914: <span class="subtitle">Sources in Serbian, Albanian &#x26; Russian</span></h1>');
    expect(textOf(one(page, '#abstract div[lang="en"]'))).toContain('mattered < less than assumed');
  });

  it('links the ORCID iD as its full URL with an accessible name', () => {
    const orcid = one(page, 'a.orcid');
    expect(orcid.properties['href']).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(textOf(orcid)).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(orcid.properties['ariaLabel']).toBe('ORCID iD of Jelena Petrović: https://orcid.org/0000-0002-1825-0097');
  });

  it('numbers affiliations once each and points every author to theirs', () => {
    expect(all(page, 'ol.affiliations li').map((li) => [li.properties['id'], textOf(li)])).toEqual([
      ['aff-1', 'Institute for Balkan Studies, SASA, Serbia'],
      ['aff-2', 'University of Belgrade, Faculty of Philosophy, Serbia'],
      ['aff-3', 'Akademia e Studimeve Albanologjike, Albania'],
    ]);
    expect(all(page, '.authors li').map((li) => within(li, 'sup a').map(textOf))).toEqual([['1', '2'], ['3'], [], [], []]);
    expect(one(page, 'ol.affiliations a').properties['href']).toBe('https://ror.org/05kgm8x47');
  });

  it('lists references with their DOI links', () => {
    const refs = all(page, '#references li');
    expect(refs).toHaveLength(4);
    expect(one(page, '#references li#ref3 a').properties['href']).toBe('https://doi.org/10.2298/BALC1950001P');
    expect(all(page, '#references li#ref1 i').map(textOf)).toEqual(['Russia\'s Balkan Entanglements, 1806\u20131914']);
  });

  it('offers the PDF galley first, then the other galleys and the generated files', () => {
    expect(all(page, '#downloads a').map((a) => [textOf(a), a.properties['href'], a.properties['type']])).toEqual([
      ['PDF', 'a01-petrovic.pdf', 'application/pdf'],
      ['EPUB', 'https://journal.example.org/files/a01.epub', 'application/epub+zip'],
      ['JATS XML', 'article.xml', 'application/xml'],
      ['Citation (RIS)', 'citation.ris', 'application/x-research-info-systems'],
      ['Citation (BibTeX)', 'citation.bib', 'application/x-bibtex'],
      ['Citation (CSL-JSON)', 'citation.json', 'application/vnd.citationstyles.csl+json'],
    ]);
  });

  it('switches language by in-page links to each translation, named in its own language', () => {
    // fr and sr have abstracts (where a reader starts); de has only a translated title. In page order.
    expect(all(page, 'nav.languages a').map((a) => [a.properties['href'], a.properties['lang'], textOf(a)])).toEqual([
      ['#title-de', 'de', 'Deutsch'],
      ['#abstract-fr', 'fr', 'Français'],
      ['#abstract-sr', 'sr', 'Српски'],
    ]);
    for (const a of all(page, 'nav.languages a')) expect(one(page, String(a.properties['href'])).properties['lang']).toBe(a.properties['lang']);
    // One page at one URL: no alternates to declare, and no hreflang describing this same page.
    expect(all(page, 'link[rel="alternate"], [hreflang]')).toEqual([]);
  });

  it('links the licence with rel=license and gives every dated step', () => {
    const licence = one(page, '#license a[rel="license"]');
    expect(licence.properties['href']).toBe('https://creativecommons.org/licenses/by-nc-nd/4.0/');
    expect(textOf(licence)).toBe('CC BY-NC-ND 4.0');
    expect(all(page, '#license p').map(textOf)[0]).toBe('© 2024 Jelena Petrović and Arben Hoxha');
    expect(all(page, '.issue-info dt').map(textOf)).toEqual(expect.arrayContaining(['Received', 'Accepted', 'Published in print', 'Published online']));
  });

  it('shows funders and the notice of what the article translates', () => {
    expect(all(page, '#funding li').map(textOf)).toEqual([
      'Ministry of Science, Technological Development and Innovation of the Republic of Serbia (grant 451-03-66/2024-03/200174)',
      'European Research Council (grants ERC-2020-STG 948000, ERC-2022-POC 101000)',
    ]);
    expect(textOf(one(page, '.notice'))).toBe('This article is a translation of https://doi.org/10.2298/BALC1950375E.');
  });

  it('makes no request to another site: no scripts, images, frames or stylesheets to load', () => {
    expect(all(page, 'script[src], img, iframe, link[rel="stylesheet"], link[rel="preconnect"], object, embed')).toEqual([]);
    expect(all(page, 'style')).toHaveLength(1);
    expect(textOf(one(page, 'style'))).not.toMatch(/url\(|@import/);
  });
});
