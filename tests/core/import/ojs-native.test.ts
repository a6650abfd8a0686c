import { describe, expect, it } from 'vitest';
import { importMetadata } from '#core/import/index';
import { corpus, imported, loadProblems } from './load.ts';

const issue = (articles: string): string => `<?xml version="1.0"?>
<issues xmlns="http://pkp.sfu.ca"><issue published="1"><id type="doi">10.5555/sbt.v1i2</id>
  <issue_identification><volume>1</volume><number>2</number><year>2020</year><title locale="en_US">Borders</title></issue_identification>
  <date_published>2020-03-10</date_published>
  <sections><section ref="ART"><abbrev locale="en_US">ART</abbrev><title locale="en_US">Articles</title></section></sections>
  <articles>${articles}</articles></issue></issues>`;

const article = (doi: string, extra = ''): string => `<article current_publication_id="2">
  <publication id="2" locale="en_US" section_ref="ART" date_published="2020-03-10" primary_contact_id="9"><id type="doi">${doi}</id>
    <title locale="en_US">A &lt;em&gt;test&lt;/em&gt;</title><title locale="fr_CA">Un essai</title><prefix locale="en_US">The</prefix>
    <abstract locale="en_US">&lt;p&gt;One&lt;br&gt;two &amp;amp; three&lt;/p&gt;&lt;p&gt;Four&lt;/p&gt;</abstract>
    <licenseUrl>https://creativecommons.org/licenses/by/4.0/</licenseUrl><copyrightHolder locale="en_US">The authors</copyrightHolder><copyrightYear>2020</copyrightYear>
    <keywords locale="en_US"><keyword>borders</keyword><keyword>maps</keyword></keywords>
    <authors><author id="9" user_group_ref="Author"><givenname locale="en_US">Jelena</givenname><familyname locale="en_US">Petrović</familyname><affiliation locale="en_US">Institute for Balkan Studies</affiliation><country>RS</country><email>j@example.org</email><orcid>https://orcid.org/0000-0002-1825-0097</orcid></author></authors>
    <pages>1-28</pages>${extra}
  </publication></article>`;

describe('import ojs-native', () => {
  it('maps an OJS 3.2+ issue export (publication layout) to files that load', () => {
    // Act
    const [result] = imported('ojs-native', issue(article('10.5555/sbt.v1i2.1', '<citations><citation>Jelavich, B. <i>Russia</i>. 1991.</citation></citations>')));

    // Assess
    expect(loadProblems(result!)).toEqual([]);
    expect(result!.issue).toMatchObject({ volume: '1', number: '2', year: 2020, title: 'Borders', doi: '10.5555/sbt.v1i2', published: { online: '2020-03-10' }, sections: [{ id: 'art', title: 'Articles' }] });
    expect(result!.articles[0]).toEqual({
      doi: '10.5555/sbt.v1i2.1',
      language: 'en',
      section: 'art',
      title: 'The A <i>test</i>',
      translated_titles: { fr: 'Un essai' },
      contributors: [{ family_name: 'Petrović', given_name: 'Jelena', orcid: 'https://orcid.org/0000-0002-1825-0097', email: 'j@example.org', corresponding: true, affiliations: [{ name: 'Institute for Balkan Studies', country: 'RS' }] }],
      abstract: { en: 'One two & three\n\nFour' },
      keywords: { en: ['borders', 'maps'] },
      pages: { first: '1', last: '28' },
      dates: { published: { online: '2020-03-10' } },
      license: { url: 'https://creativecommons.org/licenses/by/4.0/', copyright_holder: 'The authors', copyright_year: 2020 },
      references: [{ citation: 'Jelavich, B. <i>Russia</i>. 1991.' }],
    });
    expect(result!.placeholders.some((p) => p.startsWith('journal.yaml title: placeholder'))).toBe(true);
  });

  it('reads the OJS 2.x DTD layout (section/article, firstname)', () => {
    // Act
    const [result] = imported('ojs-native', corpus('ojs-native/pkp-ojs/testissue.ojs-2.4-2014.xml'));

    // Assess
    expect(result!.articles.map((a) => a.doi)).toEqual(['10.1234/t.v1i1.1-imp-test']);
    expect(result!.articles[0]!.contributors).toEqual([{ family_name: 'Tester', given_name: 'DOI', email: 'jerico.dev@gmail.com', corresponding: true }]);
    expect(loadProblems(result!)).toEqual([]);
  });

  it.each([
    ['an export that is not well-formed', 'ojs-native/pkp-ojs/native-sample-article.ojs-3.x.xml', /^not well-formed XML: line 116, column 260: /],
    ['an export whose articles have no DOI', 'ojs-native/pkp-ojs/tests-data-60-content-issue.ojs-3.1-2020.xml', /has no DOI: the model requires one/],
  ])('rejects %s with a clear error', (_name, path, error) => {
    // Act
    const outcome = importMetadata('ojs-native', corpus(path));

    // Assess
    expect(outcome.ok ? '' : outcome.error).toMatch(error);
  });
});
