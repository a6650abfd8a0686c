import { describe, expect, it } from 'vitest';
import { caseById } from '../cite/load.ts';
import { all, jsonLdOf, metas, one, renderCase, renderId, textOf } from './page.ts';

const SEED_URL = 'https://balcanica.rs/doi/10.2298/BALC1950375E/';
const SEED_TITLE = 'Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961';

describe('the head of the seed page', () => {
  const page = renderId('edemskiy');

  it('is well-formed HTML5 with charset, viewport, title and the canonical landing URL', () => {
    expect(page.html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.parseErrors).toEqual([]);
    expect(one(page, 'meta[charset]').properties['charSet']).toBe('utf-8');
    expect(metas(page, 'viewport')).toEqual(['width=device-width, initial-scale=1']);
    expect(textOf(one(page, 'title'))).toBe(`${SEED_TITLE} | Balcanica - Annual of the Institute for Balkan Studies`);
    expect(one(page, 'link[rel="canonical"]').properties['href']).toBe(SEED_URL);
  });

  it('declares the Dublin Core schema and gives the DC elements', () => {
    expect(one(page, 'link[rel="schema.DC"]').properties['href']).toBe('http://purl.org/dc/elements/1.1/');
    expect(metas(page, 'DC.title')).toEqual([SEED_TITLE]);
    expect(metas(page, 'DC.creator')).toEqual(['Edemskiy, Andrey']);
    expect(metas(page, 'DC.date')).toEqual(['2019']);
    expect(metas(page, 'DC.identifier')).toEqual(['https://doi.org/10.2298/BALC1950375E']);
    expect(metas(page, 'DC.source')).toEqual(['Balcanica - Annual of the Institute for Balkan Studies']);
    expect(metas(page, 'DC.publisher')).toEqual(['Institute for Balkan Studies, Serbian Academy of Sciences and Arts']);
    expect(metas(page, 'DC.language')).toEqual(['en']);
    expect(metas(page, 'DC.subject')).toHaveLength(8);
    expect(metas(page, 'DC.description')[0]).toMatch(/^Disagreement between Khrushchev/);
    // The seed has no licence, so no rights statement.
    expect(metas(page, 'DC.rights')).toEqual([]);
  });

  it('gives OpenGraph properties for link previews, the description cut at a word', () => {
    const og = Object.fromEntries(all(page, 'meta[property^="og:"]').map((m) => [m.properties['property'], m.properties['content']]));
    expect(og).toMatchObject({ 'og:type': 'article', 'og:title': SEED_TITLE, 'og:url': SEED_URL, 'og:site_name': 'Balcanica - Annual of the Institute for Balkan Studies' });
    expect(String(og['og:description'])).toMatch(/^Disagreement between Khrushchev .*\S…$/);
    expect(String(og['og:description']).length).toBeLessThanOrEqual(300);
  });

  it('has a ScholarlyArticle JSON-LD block with the same facts as the meta tags', () => {
    const ld = jsonLdOf(page);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': SEED_URL,
      url: SEED_URL,
      headline: SEED_TITLE,
      name: SEED_TITLE,
      author: [
        {
          '@type': 'Person',
          name: 'Andrey Edemskiy',
          givenName: 'Andrey',
          familyName: 'Edemskiy',
          affiliation: [{ '@type': 'Organization', name: 'Institute for Slavic Studies, Russian Academy of Sciences', address: { '@type': 'PostalAddress', addressCountry: 'RU' } }],
        },
      ],
      datePublished: '2019',
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: 'L',
        isPartOf: { '@type': 'Periodical', name: 'Balcanica - Annual of the Institute for Balkan Studies', issn: ['0350-7653', '2406-0801'] },
      },
      pageStart: '375',
      pageEnd: '396',
      pagination: '375-396',
      identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.2298/BALC1950375E' },
      sameAs: 'https://doi.org/10.2298/BALC1950375E',
      inLanguage: 'en',
      keywords: metas(page, 'citation_keywords'),
      publisher: { '@type': 'Organization', name: 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts' },
    });
    expect(ld['abstract']).toBe(metas(page, 'DC.description')[0]);
  });
});

describe('the head of the rich fixture page', () => {
  const page = renderCase(caseById('a01-petrovic'));
  const ld = jsonLdOf(page);

  it('gives ORCID iDs as sameAs and identifier, and affiliations with ROR ids', () => {
    expect((ld['author'] as unknown[])[0]).toMatchObject({
      '@type': 'Person',
      name: 'Jelena Petrović',
      sameAs: 'https://orcid.org/0000-0002-1825-0097',
      identifier: { '@type': 'PropertyValue', propertyID: 'ORCID', value: 'https://orcid.org/0000-0002-1825-0097' },
      affiliation: [{ name: 'Institute for Balkan Studies, SASA', sameAs: 'https://ror.org/05kgm8x47' }, { name: 'University of Belgrade, Faculty of Philosophy' }],
    });
    expect((ld['author'] as unknown[])[3]).toEqual({ '@type': 'Organization', name: 'Balkan Archives Working Group' });
    expect(ld['translator']).toEqual([{ '@type': 'Person', name: 'Ольга Иванова', givenName: 'Ольга', familyName: 'Иванова' }]);
  });

  it('nests issue, volume and periodical, and gives the licence', () => {
    expect(ld['isPartOf']).toMatchObject({ '@type': 'PublicationIssue', issueNumber: '3', isPartOf: { '@type': 'PublicationVolume', volumeNumber: '12', isPartOf: { '@type': 'Periodical' } } });
    expect(ld['license']).toBe('https://creativecommons.org/licenses/by-nc-nd/4.0/');
    expect(metas(page, 'DC.rights')).toEqual(['https://creativecommons.org/licenses/by-nc-nd/4.0/']);
  });

  it('gives translated titles and abstracts in their languages', () => {
    const alternative = all(page, 'meta[name="DC.title.alternative"]').map((m) => [m.properties['lang'], m.properties['content']]);
    expect(alternative).toEqual([
      ['sr', 'Дунавско питање и Acta Bosniaca, 1878\u20131914'],
      ['de', 'Die Donaufrage und die Acta Bosniaca: Quellen aus drei Sprachen'],
    ]);
    expect(all(page, 'meta[name="DC.description"]').map((m) => m.properties['lang'])).toEqual(['en', 'fr', 'sr']);
  });
});
