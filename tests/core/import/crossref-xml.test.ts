import { describe, expect, it } from 'vitest';
import { importMetadata } from '#core/import/index';
import { corpus, imported, loadProblems, onlyArticle } from './load.ts';

/** A minimal deposit in the namespace version given, around one journal_article. */
const deposit = (version: string, article: string, issue = '<journal_issue><publication_date media_type="print"><year>2019</year></publication_date><journal_volume><volume>L</volume></journal_volume></journal_issue>'): string => `<?xml version="1.0"?>
<doi_batch xmlns="http://www.crossref.org/schema/${version}" xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1" xmlns:ai="http://www.crossref.org/AccessIndicators.xsd" version="${version}">
  <head><doi_batch_id>b1</doi_batch_id><timestamp>1</timestamp><depositor><depositor_name>Desk</depositor_name><email_address>desk@example.org</email_address></depositor><registrant>Institute</registrant></head>
  <body><journal><journal_metadata language="en"><full_title>Balcanica</full_title><issn media_type="print">0350-7653</issn></journal_metadata>${issue}
  <journal_article>${article}<doi_data><doi>10.2298/BALC1950375E</doi><resource>https://example.org/a</resource></doi_data></journal_article></journal></body></doi_batch>`;

describe('import crossref-xml', () => {
  it.each(['4.4.2', '5.3.1', '5.4.0'])('reads a deposit in schema %s (any namespace version)', (version) => {
    // Prepare
    const article = '<titles><title>Evidence on the Break <i>1960</i>–1961</title></titles><contributors><person_name contributor_role="author" sequence="first"><given_name>Andrey</given_name><surname>Edemskiy</surname></person_name></contributors><publication_date media_type="online"><year>2023</year><month>02</month><day>01</day></publication_date><pages><first_page>375</first_page><last_page>396</last_page></pages>';

    // Act
    const [result] = imported('crossref-xml', deposit(version, article));

    // Assess
    expect(loadProblems(result!)).toEqual([]);
    expect(result!.journal).toMatchObject({ title: 'Balcanica', issn: { print: '0350-7653' }, crossref: { depositor: { name: 'Desk', email: 'desk@example.org' }, registrant: 'Institute' } });
    expect(result!.issue).toMatchObject({ volume: 'L', year: 2019, published: { print: '2019' } });
    expect(result!.articles[0]).toMatchObject({ title: 'Evidence on the Break <i>1960</i>–1961', pages: { first: '375', last: '396' }, dates: { published: { online: '2023-02-01' } } });
  });

  it('keeps document order when several contributors are marked first, organisations included', () => {
    // Act
    const { result, article } = onlyArticle('crossref-xml', corpus('crossref-deposits/elife-crossref-xml-generation/elife-crossref-00666.schema-5.3.1.xml'));

    // Assess
    expect(article.contributors!.map((c) => c.family_name ?? c.organization)).toEqual(['Harrison', 'Gilbert', 'eLife Editorial Production Group', 'eLife Technology Group', 'for the eLife Staff Team']);
    expect(article.contributors![0]).toMatchObject({ suffix: 'Jnr', orcid: 'https://orcid.org/0000-0003-3523-4408' });
    expect(result.unmapped).toContain('10.7554/eLife.00666: contributors: 4 contributors are marked sequence="first": kept in the order the source lists them');
    expect(loadProblems(result)).toEqual([]);
  });

  it('reads a unixsd query result, with the publisher beside the record and a SICI DOI', () => {
    // Act
    const { result, article } = onlyArticle('crossref-xml', corpus('crossref-deposits/unixsd-api-records/bolognese/10.1890_0012-9658_2006_87_2832_tiopma_2.0.co_2.xml'));

    // Assess
    expect(article.doi).toBe('10.1890/0012-9658(2006)87[2832:TIOPMA]2.0.CO;2');
    expect(result.journal?.publisher.name).toBeTruthy();
    expect(loadProblems(result)).toEqual([]);
  });

  it('maps corrections and retractions of other works to relations', () => {
    // Act
    const correction = onlyArticle('crossref-xml', corpus('crossref-deposits/elife-crossref-xml-generation/elife-crossref-15743.schema-5.3.1.xml'));
    const inPlace = onlyArticle('crossref-xml', corpus('crossref-deposits/crossref-official-examples/crossmark_retraction_4.8.0.xml'));

    // Assess
    expect(correction.article.relations).toEqual([{ type: 'correction-of', doi: '10.7554/eLife.05462' }]);
    expect(inPlace.article.relations).toBeUndefined();
    expect(inPlace.result.unmapped.some((u) => u.includes('marked "retraction" in place'))).toBe(true);
  });

  it('turns an original-language title into a translated title, and an empty title into the original', () => {
    // Act
    const translated = onlyArticle('crossref-xml', corpus('crossref-deposits/unixref-records/cayenne/10.3130_aija.78.527.xml'));
    const onlyOriginal = onlyArticle('crossref-xml', corpus('crossref-deposits/unixsd-api-records/bolognese/10.7600_jspfsm.56.60.xml'));

    // Assess
    expect(Object.keys(translated.article.translated_titles ?? {})).toEqual(['ja']);
    expect(onlyOriginal.article).toMatchObject({ title: '自律神経・循環器応答', language: 'ja' });
  });

  it('reads FundRef, Access Indicators and Crossmark history', () => {
    // Act
    const { article } = onlyArticle('crossref-xml', corpus('crossref-deposits/elife-crossref-xml-generation/elife-crossref-00666.schema-5.3.1.xml'));

    // Assess
    expect(article.license).toEqual({ url: 'http://creativecommons.org/licenses/by/4.0/' });
    expect(article.funding?.[0]).toEqual({ funder: { name: 'Howard Hughes Medical Institute', doi: '10.13039/100000011' }, awards: ['F32 GM089018'] });
    expect(article.dates?.accepted).toBe('2016-04-01');
  });

  it.each([
    ['a truncated deposit', 'crossref-deposits/cayenne-deposits/invalid-deposit.xml', /^not well-formed XML: the file ends before these elements are closed: doi_batch > body/],
    ['a resource-only deposit', 'crossref-deposits/cayenne-deposits/partial-deposit.doi_resources-4.3.2.xml', /resource-only deposit/],
    ['posted content only', 'crossref-deposits/curvenote/continuous-science.crossref.xml', /no journal article in the file \(1 <posted_content> record/],
  ])('rejects %s with a clear error', (_name, path, error) => {
    // Act
    const outcome = importMetadata('crossref-xml', corpus(path));

    // Assess
    expect(outcome.ok ? '' : outcome.error).toMatch(error);
  });
});
