import { describe, expect, it } from 'vitest';
import { cslJsonKey, cslJsonUrl, toCsl, toCslJson } from '#core/cite/index';
import { caseById } from './load.ts';

describe('the CSL-JSON download', () => {
  it('is an array holding the article’s one CSL item, indented, ending in a newline', () => {
    // Prepare
    const { bundle, article } = caseById('edemskiy');
    // Act
    const file = toCslJson(bundle, article);
    // Assess
    expect(file.endsWith('}\n]\n')).toBe(true);
    expect(JSON.parse(file)).toEqual([toCsl(bundle, article)]);
    expect(JSON.parse(file)[0]).toMatchObject({
      id: '10.2298/BALC1950375E',
      type: 'article-journal',
      title: 'Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961',
      'container-title': 'Balcanica - Annual of the Institute for Balkan Studies',
      author: [{ family: 'Edemskiy', given: 'Andrey' }],
      issued: { 'date-parts': [[2019]] },
      'available-date': { 'date-parts': [[2023, 2, 1]] },
      volume: 'L',
      page: '375-396',
      DOI: '10.2298/BALC1950375E',
      URL: 'https://balcanica.rs/doi/10.2298/BALC1950375E/',
    });
  });

  it('keeps inline markup as citeproc’s mini-HTML and never carries an e-mail address', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const file = toCslJson(bundle, article);
    expect(JSON.parse(file)[0].title).toBe('The Danube Question and the <i>Acta Bosniaca</i>, 1878\u20131914: Sources in Serbian, Albanian & Russian');
    expect(file).not.toContain('@example.org');
  });

  it('sits beside the landing page: its key is the DOI as written, its URL encoded as core/urls.ts encodes it', () => {
    const sici = '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0';
    expect(cslJsonKey('10.2298/BALC1950375E')).toBe('doi/10.2298/BALC1950375E/citation.json');
    expect(cslJsonKey(sici)).toBe(`doi/${sici}/citation.json`);
    expect(cslJsonUrl({ base_url: 'https://j.example' } as never, sici)).toBe('https://j.example/doi/10.1002/(SICI)1097-4571(199806)49%3A8%3C693%3A%3AAID-ASI4%3E3.0.CO%3B2-0/citation.json');
  });
});
