import { describe, expect, it } from 'vitest';
import { importMetadata } from '#core/import/index';
import { corpus, loadProblems, onlyArticle } from './load.ts';

describe('import jats', () => {
  it.each([
    ['NLM Archiving 2.3', 'jats/pmc-oa/1472-6831-8-11.nxml.xml', '10.1186/1472-6831-8-11'],
    ['NLM Journal Publishing 3.0', 'jats/plos/journal.pone.0111971.xml', '10.1371/journal.pone.0111971'],
    ['JATS 1.0', 'jats/ubiquity/cstp77-jats.xml', '10.5334/cstp.77'],
    ['JATS 1.1d1', 'jats/elife/elife00013.xml', '10.7554/eLife.00013'],
    ['JATS 1.2', 'jats/openjournals-inara/paper.expected-pub.jats.xml', undefined],
    ['JATS 1.3', 'jats/elife/elife-preprint-94685-v2.xml', '10.7554/eLife.94685'],
  ])('reads %s into files that load', (_name, path, doi) => {
    // Act
    const { result, article } = onlyArticle('jats', corpus(path));

    // Assess
    if (doi) expect(article.doi).toBe(doi);
    expect(loadProblems(result)).toEqual([]);
  });

  it('maps contributors, affiliations by reference, ORCIDs and the corresponding author', () => {
    // Act
    const { article } = onlyArticle('jats', corpus('jats/pmc-oa/1472-6831-8-11.nxml.xml'));

    // Assess
    expect(article.contributors![0]).toEqual({
      family_name: 'van der Meulen',
      given_name: 'Marylee J',
      email: 'mvdmeulen@acta.nl',
      corresponding: true,
      affiliations: [
        { name: 'Department of Oral Function, Academic Centre for Dentistry Amsterdam (ACTA), Louwesweg 1, 1066 EA, Amsterdam, The Netherlands' },
        { name: 'Centre for Special Dental Care (SBT), Amsterdam, The Netherlands' },
      ],
    });
    expect(article.references).toHaveLength(31);
    expect(article.license).toEqual({ url: 'http://creativecommons.org/licenses/by/2.0', copyright_holder: 'van der Meulen et al; licensee BioMed Central Ltd.', copyright_year: 2008 });
  });

  it('writes a group author as an organisation and lists its members as not held', () => {
    // Act
    const { result, article } = onlyArticle('jats', corpus('jats/plos/journal.pmed.0030445.xml'));

    // Assess
    expect(article.contributors!.some((c) => c.organization !== undefined)).toBe(true);
    expect(loadProblems(result)).toEqual([]);
  });

  it('keeps markup in titles and translated titles with their language', () => {
    // Act
    const plos = onlyArticle('jats', corpus('jats/plos/journal.pone.0111971.xml'));
    const scielo = onlyArticle('jats', corpus('jats/scielo/0034-8910-rsp-48-2-0206.xml'));

    // Assess
    expect(plos.article.title).toContain('<i>Bacillus subtilis</i>');
    expect(Object.keys(scielo.article.translated_titles ?? {}).length).toBeGreaterThan(0);
  });

  it.each([
    ['a correction', 'jats/elife/elife-15743-v1.xml', { type: 'correction-of', doi: '10.7554/eLife.05462' }],
    ['a retraction', 'jats/plos/journal.ppat.1005207.xml', { type: 'retraction-of', doi: '10.1371/journal.ppat.1003435' }],
  ])('links %s to the article it concerns', (_name, path, relation) => {
    // Act
    const { article } = onlyArticle('jats', corpus(path));

    // Assess
    expect(article.relations).toEqual([relation]);
  });

  it.each([
    ['not well-formed', '<article><front></article>', /^not well-formed XML: /],
    ['not JATS', '<doi_batch/>', /^not JATS: /],
    ['without a DOI', '<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front></article>', /without a DOI \(T\)/],
  ])('rejects an article %s', (_name, text, error) => {
    // Act
    const outcome = importMetadata('jats', text);

    // Assess
    expect(outcome.ok ? '' : outcome.error).toMatch(error);
  });
});
