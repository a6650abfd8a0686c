import { describe, expect, it } from 'vitest';
import { toCsl } from '#core/cite/index';
import { allCases, caseById, emailsIn } from './load.ts';

describe('toCsl', () => {
  it('gives the seed as a CSL-JSON journal article', () => {
    // Prepare
    const { bundle, article } = caseById('edemskiy');
    // Act
    const item = toCsl(bundle, article);
    // Assess
    expect(item).toMatchObject({
      id: '10.2298/BALC1950375E',
      type: 'article-journal',
      title: 'Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961',
      'container-title': 'Balcanica - Annual of the Institute for Balkan Studies',
      'container-title-short': 'Balcanica',
      author: [{ family: 'Edemskiy', given: 'Andrey' }],
      issued: { 'date-parts': [[2019]] },
      'available-date': { 'date-parts': [[2023, 2, 1]] },
      volume: 'L',
      page: '375-396',
      'page-first': '375',
      DOI: '10.2298/BALC1950375E',
      URL: 'https://balcanica.rs/doi/10.2298/BALC1950375E/',
      ISSN: '0350-7653, 2406-0801',
      publisher: 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts',
      'publisher-place': 'Belgrade',
      language: 'en',
    });
    expect(item).not.toHaveProperty('issue');
    expect(item).not.toHaveProperty('license');
  });

  it('maps people, suffixes, single names, organisations and translators', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const item = toCsl(bundle, article);
    expect(item.author).toEqual([{ family: 'Petrović', given: 'Jelena' }, { family: 'Hoxha', given: 'Arben', suffix: 'Jr.' }, { family: 'Ardita' }, { literal: 'Balkan Archives Working Group' }]);
    expect(item.translator).toEqual([{ family: 'Иванова', given: 'Ольга' }]);
    expect(item.editor).toBeUndefined();
  });

  it('writes inline markup as citeproc-js mini-HTML and joins the subtitle with a colon', () => {
    const { bundle, article } = caseById('a01-petrovic');
    expect(toCsl(bundle, article).title).toBe('The Danube Question and the <i>Acta Bosniaca</i>, 1878\u20131914: Sources in Serbian, Albanian & Russian');
  });

  it('cites the print month when it falls in the volume year, and puts the article number in number', () => {
    const { bundle, article } = caseById('a03-article-number');
    const item = toCsl(bundle, article);
    expect(item.issued).toEqual({ 'date-parts': [[2024, 11]] });
    expect(item.number).toBe('e7');
    expect(item.page).toBeUndefined();
  });

  it('carries no e-mail address', () => {
    const cases = allCases();
    const json = cases.map(({ bundle, article }) => JSON.stringify(toCsl(bundle, article))).join('\n');
    for (const email of emailsIn(cases)) expect(json).not.toContain(email);
    expect(json).not.toContain('@');
  });
});
