import { describe, expect, it } from 'vitest';
import { importMetadata } from '#core/import/index';
import { corpus, loadProblems, onlyArticle } from './load.ts';

const work = (message: Record<string, unknown>): string => JSON.stringify({ status: 'ok', 'message-type': 'work', message: { DOI: '10.5555/test.1', type: 'journal-article', title: ['A title'], author: [{ given: 'Ana', family: 'Ilić', sequence: 'first' }], volume: '3', issue: '2', ...message } });

describe('import crossref-json', () => {
  it('maps a full /works envelope to files that load', () => {
    // Act
    const { result, article } = onlyArticle('crossref-json', corpus('crossref-api-json/commonmeta-ruby/10.1098_rspb.2017.0132.json'));

    // Assess
    expect(loadProblems(result)).toEqual([]);
    expect(article).toMatchObject({
      doi: '10.1098/rspb.2017.0132',
      language: 'en',
      title: 'Sexual conflict and correlated evolution between male persistence and female resistance traits in the seed beetle <i>Callosobruchus maculatus</i>',
      pages: { first: '20170132' },
      dates: { received: '2017-01-20', accepted: '2017-04-25', published: { print: '2017-05-31', online: '2017-05-24' } },
    });
    expect(article.contributors![0]).toEqual({ family_name: 'Dougherty', given_name: 'Liam R.', orcid: 'https://orcid.org/0000-0003-1406-0680', affiliations: [{ name: expect.stringContaining('University of Western Australia') as string }] });
    expect(article.references).toHaveLength(54);
    expect(result.journal?.issn).toEqual({ print: '0962-8452', electronic: '1471-2954' });
    expect(result.issue).toMatchObject({ volume: '284', number: '1855', year: 2017 });
  });

  it('reads a bare work-list item and a CSL-JSON transform alike', () => {
    // Act
    const item = onlyArticle('crossref-json', corpus('crossref-api-json/habanero-worklist-items/10.1016_s0168-8278_03_80643-8.item.json'));
    const csl = onlyArticle('crossref-json', corpus('crossref-api-json/csl-json-content-negotiation/10.21105_joss.01686.csl.json'));

    // Assess
    expect(item.article.doi).toBe('10.1016/s0168-8278(03)80643-8');
    expect(csl.article.title).toBe('Welcome to the Tidyverse');
    expect(loadProblems(csl.result)).toEqual([]);
  });

  it('writes a person without a given name with the family name only', () => {
    // Act
    const { article } = onlyArticle('crossref-json', corpus('crossref-api-json/abbotsbury/10.1038_d41586-020-02761-z.json'));

    // Assess
    expect(article.contributors!).toEqual([{ family_name: 'Sheherazade' }, { family_name: 'Ardiantiono' }]);
  });

  it('writes an organisation author and notes two contributors marked first', () => {
    // Act
    const { result, article } = onlyArticle('crossref-json', corpus('crossref-api-json/commonmeta-ruby/10.1038_ng.3834.json'));

    // Assess
    expect(article.contributors!.some((c) => c.organization !== undefined)).toBe(true);
    expect(result.unmapped).toContain('10.1038/ng.3834: contributors: 2 contributors are marked sequence="first": kept in the order the source lists them');
  });

  it('ignores an empty original-language title and says so', () => {
    // Act
    const { result, article } = onlyArticle('crossref-json', corpus('crossref-api-json/commonmeta-ruby/10.5012_bkcs.2013.34.10.2889.json'));

    // Assess
    expect(article.translated_titles).toBeUndefined();
    expect(result.unmapped).toContain('10.5012/bkcs.2013.34.10.2889: original-title: an empty original-language title ignored');
  });

  it('takes the version-of-record licence, never text-and-data-mining terms', () => {
    // Act
    const tdmOnly = onlyArticle('crossref-json', work({ license: [{ URL: 'https://example.org/tdm', 'content-version': 'tdm' }] }));
    const vor = onlyArticle('crossref-json', work({ license: [{ URL: 'https://example.org/tdm', 'content-version': 'tdm' }, { URL: 'https://creativecommons.org/licenses/by/4.0/', 'content-version': 'vor' }] }));

    // Assess
    expect(tdmOnly.article.license).toBeUndefined();
    expect(tdmOnly.result.unmapped).toContain('10.5555/test.1: license: licence for "tdm" (https://example.org/tdm) left out: the model holds the version-of-record licence only');
    expect(vor.article.license).toEqual({ url: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  it('maps an update-to correction to a correction-of relation', () => {
    // Act
    const { article } = onlyArticle('crossref-json', work({ 'update-to': [{ DOI: '10.5555/test.0', type: 'correction' }] }));

    // Assess
    expect(article.relations).toEqual([{ type: 'correction-of', doi: '10.5555/test.0' }]);
  });

  it.each([
    ['not JSON', '{"message": ', /^not well-formed JSON: /],
    ['not a REST response', '{"hello": 1}', /^not a Crossref REST response/],
  ])('rejects %s', (_name, text, error) => {
    // Act
    const outcome = importMetadata('crossref-json', text);

    // Assess
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error).toMatch(error);
  });
});
