/**
 * "Import keeps what the source says" (issue 14): records written here, not taken from the corpus,
 * one per finding, each imported, written out and loaded again. And references keep their structure.
 */
import { describe, expect, it } from 'vitest';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { importMetadata } from '#core/import/index';
import { issueFiles } from '#core/import/files';
import { renderJats } from '#core/jats/index';
import { loadJournal } from '#core/model/index';
import type { imported} from './load.ts';
import { loadProblems, onlyArticle } from './load.ts';
import { validateXml } from '../../helpers/xsd.ts';

const work = (message: Record<string, unknown>): string =>
  JSON.stringify({ status: 'ok', 'message-type': 'work', message: { DOI: '10.5555/keep.1', type: 'journal-article', title: ['A title'], author: [{ given: 'Ana', family: 'Ilić', sequence: 'first' }], 'published-online': { 'date-parts': [[2020, 3, 1]] }, ...message } });

const jatsArticle = (meta: string, back = ''): string => `<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" xml:lang="fr">
<front><journal-meta><journal-title-group><journal-title>Revue</journal-title></journal-title-group><issn pub-type="epub">2406-0801</issn></journal-meta>
<article-meta>${meta}</article-meta></front>${back}</article>`;

/** Loads a result and renders its first article's JATS and its issue's deposit. */
function rendered(result: ReturnType<typeof imported>[number]) {
  const files = issueFiles(result, 'test');
  const loaded = loadJournal({
    id: 'imported',
    journal: { path: 'journal.yaml', text: files.journal.text },
    issues: [{ id: files.folder, issue: { path: 'issue.yaml', text: files.issue.text }, articles: files.articles.map((a) => ({ path: a.name, text: a.text })) }],
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const bundle = loaded.bundles[0]!;
  // Whitespace between tags is layout: squeezed so that the assertions read the content.
  const squeeze = (xml: string): string => xml.replace(/>\s+</g, '><');
  return { jats: squeeze(renderJats(bundle, bundle.articles[0]!)), deposit: squeeze(renderCrossrefDeposit(bundle, { batchId: 'keep-test', timestamp: '20240101000000000' })) };
}

describe('import keeps what the source says', () => {
  it('keeps a volume and an issue exactly as printed, spaces and signs included', () => {
    // Prepare: a volume printed with a sign and a space
    const { result } = onlyArticle('crossref-json', work({ volume: 'n° 95', issue: 'Suppl. 2' }));

    // Assess
    expect(result.issue).toMatchObject({ volume: 'n° 95', number: 'Suppl. 2' });
    expect(result.unmapped.join('\n')).not.toContain('n°-95');
    const { jats, deposit } = rendered(result);
    expect(jats).toContain('<volume>n° 95</volume>');
    expect(deposit).toContain('<volume>n° 95</volume>');
  });

  it('keeps a print (collection) date and an online date, each with its format', () => {
    // Prepare
    const meta = `<article-id pub-id-type="doi">10.5555/keep.2</article-id><title-group><article-title>Titre</article-title></title-group>
      <pub-date date-type="collection" publication-format="print"><year>2019</year></pub-date>
      <pub-date date-type="pub" publication-format="electronic"><day>01</day><month>02</month><year>2023</year></pub-date><volume>L</volume>`;

    // Act
    const { result, article } = onlyArticle('jats', jatsArticle(meta));

    // Assess
    expect(article.dates?.published).toEqual({ print: '2019', online: '2023-02-01' });
    const { jats, deposit } = rendered(result);
    expect(jats).toMatch(/<pub-date publication-format="print"[^>]*><year>2019<\/year>/);
    expect(jats).toMatch(/<pub-date publication-format="electronic"[^>]*>/);
    expect(deposit).toMatch(/<publication_date media_type="print"><year>2019<\/year>/);
    expect(deposit).toMatch(/<publication_date media_type="online">/);
  });

  it('falls back on the original-language title when the REST title is empty', () => {
    // Act
    const { result, article } = onlyArticle('crossref-json', work({ title: [''], 'original-title': ['Srpski konzuli na Dunavu'] }));

    // Assess
    expect(article.title).toBe('Srpski konzuli na Dunavu');
    expect(loadProblems(result)).toEqual([]);
    expect(result.unmapped.join('\n')).toContain('the title is empty: the original-language title is written as the title');
  });

  it('keeps an award whose funder the source does not name, states it in JATS in words, and reports that Crossref cannot take it', () => {
    // Prepare: the same award, without a funder name, in a REST record, a JATS record and a Crossref deposit.
    const rest = work({ funder: [{ award: ['ERC-2020-STG 948000'] }, { name: 'Science Fund', award: ['7744'] }] });
    const jats = jatsArticle(`<article-id pub-id-type="doi">10.5555/keep.6</article-id><title-group><article-title>Titre</article-title></title-group>
      <pub-date date-type="pub" publication-format="electronic"><year>2023</year></pub-date>
      <funding-group><award-group><award-id>ERC-2020-STG 948000</award-id></award-group></funding-group>`);

    for (const [format, text] of [['crossref-json', rest], ['jats', jats]] as const) {
      // Act
      const { result, article } = onlyArticle(format, text);

      // Assess
      expect(article.funding).toContainEqual({ awards: ['ERC-2020-STG 948000'] });
      expect(result.unmapped.join('\n')).toContain('award ERC-2020-STG 948000 without a funder');
      expect(loadProblems(result)).toEqual([]);
      const out = rendered(result);
      expect(out.jats).toContain('<funding-statement>Grant ERC-2020-STG 948000 (funder not named).</funding-statement>');
      expect(out.jats).not.toMatch(/<award-group>(?:(?!<funding-source>).)*?ERC-2020/);
      expect(out.deposit).not.toContain('ERC-2020-STG 948000');
      expect(validateXml('jats', out.jats)).toEqual({ valid: true, errors: [] });
      expect(validateXml('crossref', out.deposit)).toEqual({ valid: true, errors: [] });
    }
  });

  it('treats a placeholder where the DOI goes as no DOI, assigns one with --assign-dois and reports it', () => {
    // Prepare
    const meta = `<article-id pub-id-type="doi">TBD</article-id><title-group><article-title>Titre</article-title></title-group>
      <pub-date pub-type="epub"><year>2021</year></pub-date><volume>4</volume><issue>1</issue>`;

    // Act
    const kept = importMetadata('jats', jatsArticle(meta), { keepWithoutDoi: true });
    const refused = importMetadata('jats', jatsArticle(meta));

    // Assess
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    expect(kept.results[0]!.withoutDoi).toHaveLength(1);
    expect(kept.results[0]!.unmapped.join('\n')).toContain('"TBD" is not a DOI: treated as no DOI, so one is assigned');
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('--assign-dois') as string });
  });
});

describe('import keeps the structure of references', () => {
  it('Crossref REST reference parts', () => {
    // Act
    const { result, article } = onlyArticle(
      'crossref-json',
      work({ reference: [{ key: 'r1', author: 'Jelavich', year: '1991', 'journal-title': 'Slavic Review', volume: '50', issue: '3', 'first-page': '12', DOI: '10.2307/2500001', 'article-title': 'Russia and the Balkans' }] }),
    );

    // Assess
    expect(article.references?.[0]).toMatchObject({ doi: '10.2307/2500001', authors: [{ family_name: 'Jelavich' }], year: '1991', source: 'Slavic Review', volume: '50', issue: '3', first_page: '12', title: 'Russia and the Balkans' });
    const { jats, deposit } = rendered(result);
    expect(jats).toContain('<mixed-citation publication-type="journal"><person-group person-group-type="author"><string-name><surname>Jelavich</surname></string-name></person-group>');
    expect(deposit).toMatch(/<citation key="ref1" type="journal_article"><journal_title>Slavic Review<\/journal_title><author>Jelavich<\/author><volume>50<\/volume><issue>3<\/issue><first_page>12<\/first_page><cYear>1991<\/cYear><doi>10.2307\/2500001<\/doi>/);
  });

  it('JATS element-citation and mixed-citation parts and types', () => {
    // Prepare
    const meta = `<article-id pub-id-type="doi">10.5555/keep.3</article-id><title-group><article-title>Titre</article-title></title-group><pub-date pub-type="epub"><year>2021</year></pub-date><volume>4</volume>`;
    const back = `<back><ref-list>
      <ref id="a"><element-citation publication-type="book"><person-group person-group-type="author"><name><surname>Mazower</surname><given-names>Mark</given-names></name></person-group><person-group person-group-type="editor"><name><surname>Clark</surname><given-names>C.</given-names></name></person-group><chapter-title>The Balkans</chapter-title><source>Europe 1900</source><publisher-loc>London</publisher-loc><publisher-name>Verso</publisher-name><year>2005</year><fpage>12</fpage><lpage>40</lpage></element-citation></ref>
      <ref id="b"><mixed-citation publication-type="thesis"><string-name><surname>Nikolić</surname>, <given-names>D.</given-names></string-name> (<year>2010</year>). <source>Serbian consuls</source>. PhD thesis.</mixed-citation></ref>
    </ref-list></back>`;

    // Act
    const { result, article } = onlyArticle('jats', jatsArticle(meta, back));

    // Assess
    expect(article.references?.[0]).toMatchObject({ type: 'chapter', authors: [{ family_name: 'Mazower', given_name: 'Mark' }], editors: [{ family_name: 'Clark', given_name: 'C.' }], title: 'The Balkans', source: 'Europe 1900', publisher: 'Verso', place: 'London', year: '2005', first_page: '12', last_page: '40' });
    expect(article.references?.[1]).toMatchObject({ type: 'thesis', authors: [{ family_name: 'Nikolić', given_name: 'D.' }], year: '2010', source: 'Serbian consuls' });
    expect(loadProblems(result)).toEqual([]);
    const { deposit } = rendered(result);
    expect(deposit).toContain('<citation key="ref1" type="book_chapter">');
    expect(deposit).toContain('<citation key="ref2" type="dissertation">');
  });

  it('Crossref XML citation parts and type', () => {
    // Prepare
    const xml = `<doi_batch xmlns="http://www.crossref.org/schema/5.4.0" version="5.4.0"><head><doi_batch_id>x</doi_batch_id><depositor><depositor_name>a</depositor_name><email_address>a@example.org</email_address></depositor><registrant>r</registrant></head><body><journal><journal_metadata><full_title>J</full_title><issn media_type="electronic">2406-0801</issn></journal_metadata><journal_issue><publication_date media_type="online"><year>2020</year></publication_date><journal_volume><volume>2</volume></journal_volume></journal_issue><journal_article><titles><title>T</title></titles><publication_date media_type="online"><year>2020</year></publication_date><doi_data><doi>10.5555/keep.4</doi><resource>https://example.org/</resource></doi_data><citation_list><citation key="c1" type="book"><author>Jelavich</author><cYear>1991</cYear><volume_title>Russia's Balkan Entanglements</volume_title><isbn>978-0-521-40126-0</isbn><unstructured_citation>Jelavich, B. Russia's Balkan Entanglements. Cambridge, 1991.</unstructured_citation></citation></citation_list></journal_article></journal></body></doi_batch>`;

    // Act
    const { article } = onlyArticle('crossref-xml', xml);

    // Assess
    expect(article.references?.[0]).toMatchObject({ type: 'book', citation: "Jelavich, B. Russia's Balkan Entanglements. Cambridge, 1991.", authors: [{ family_name: 'Jelavich' }], year: '1991', source: "Russia's Balkan Entanglements", isbn: '978-0-521-40126-0' });
  });

  it('keeps keyword groups typed as classifications (JEL codes, research organism) with their type, apart from the authors\' keywords', () => {
    // Prepare: author keywords, JEL codes and an eLife-style research organism group
    const meta = `<article-id pub-id-type="doi">10.5555/keep.5</article-id><title-group><article-title>Titre</article-title></title-group><pub-date pub-type="epub"><year>2021</year></pub-date><volume>4</volume>
      <kwd-group kwd-group-type="author-keywords"><kwd>commerce</kwd><kwd>Balkans</kwd></kwd-group>
      <kwd-group kwd-group-type="JEL"><kwd>N44</kwd><kwd>F51</kwd></kwd-group>
      <kwd-group kwd-group-type="research-organism" xml:lang="en"><kwd><italic>E. coli</italic></kwd></kwd-group>`;

    // Act
    const { result, article } = onlyArticle('jats', jatsArticle(meta));

    // Assess: kept with their scheme, not dropped with a note
    expect(article.keywords).toEqual({ fr: ['commerce', 'Balkans'] });
    expect(article.classifications).toEqual([{ scheme: 'JEL', terms: ['N44', 'F51'] }, { scheme: 'research-organism', terms: ['E. coli'], language: 'en' }]);
    expect(result.unmapped.join('\n')).not.toMatch(/"JEL" keywords|research-organism" keywords/);
    expect(loadProblems(result)).toEqual([]);
    // and written back typed: the authors' group stays `author`, each scheme its own group
    const { jats } = rendered(result);
    expect(jats).toContain('<kwd-group kwd-group-type="author"><kwd>commerce</kwd><kwd>Balkans</kwd></kwd-group>');
    expect(jats).toContain('<kwd-group kwd-group-type="JEL"><kwd>N44</kwd><kwd>F51</kwd></kwd-group>');
    expect(jats).toContain('<kwd-group xml:lang="en" kwd-group-type="research-organism"><kwd>E. coli</kwd></kwd-group>');
    expect(validateXml('jats', jats).errors).toEqual([]);
  });

  it('reads a mixed-citation that is only tagged parts (PMC) as parts, and one printed beside an element-citation with only emphasis and links (SciELO) takes the parts from it', () => {
    // Prepare: the two shapes in the corpus whose reference years were lost
    const meta = `<article-id pub-id-type="doi">10.5555/keep.6</article-id><title-group><article-title>Titre</article-title></title-group><pub-date pub-type="epub"><year>2021</year></pub-date><volume>4</volume>`;
    const back = `<back><ref-list>
      <ref id="b1"><mixed-citation publication-type="journal"><name><surname>Avery</surname><given-names>SV</given-names></name><article-title>Microbial cell individuality</article-title><source>Nat Rev Microbiol</source><year>2006</year><volume>4</volume><fpage>577</fpage><lpage>587</lpage></mixed-citation></ref>
      <ref id="b2"><mixed-citation>ALVES, M. T. G. O efeito das escolas. <italic>Educação e Pesquisa</italic>, v. 34, n. 3, p. 527-544, 2008. DOI: <ext-link ext-link-type="uri" xlink:href="https://doi.org/bvc6px">https://doi.org/bvc6px</ext-link>.</mixed-citation>
        <element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>ALVES</surname><given-names>M. T. G.</given-names></name></person-group><article-title>O efeito das escolas</article-title><source>Educação e Pesquisa</source><volume>34</volume><issue>3</issue><fpage>527</fpage><lpage>544</lpage><year>2008</year></element-citation></ref>
    </ref-list></back>`;

    // Act
    const { result, article } = onlyArticle('jats', jatsArticle(meta, back));

    // Assess: the parts run together no more ("Avery SV2006Microbial…"), and the years are kept
    expect(article.references?.[0]).toMatchObject({ year: '2006', volume: '4', first_page: '577' });
    expect(String(article.references?.[0] && (article.references[0] as { citation: string }).citation)).not.toMatch(/SV2006|2006Microbial|Microbial cell individualityNat/);
    expect(article.references?.[1]).toMatchObject({ year: '2008', volume: '34', issue: '3', first_page: '527', last_page: '544' });
    const { jats } = rendered(result);
    expect(jats.match(/<year>(\d{4})<\/year>/g)?.slice(-2)).toEqual(['<year>2006</year>', '<year>2008</year>']);
    expect(validateXml('jats', jats).errors).toEqual([]);
  });
});
