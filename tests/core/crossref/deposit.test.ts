import { describe, expect, it } from 'vitest';
import { CrossrefDepositError, depositDois, renderCrossrefDeposit } from '#core/crossref/index';
import type { IssueBundle } from '#core/model/index';
import { validateXml } from '#tests/helpers/xsd';
import { METADATA_DIRS, bundles, richIssue, seedIssue } from './load.ts';
import { all, one, parseXml, text, texts, type XmlNode } from '../../helpers/xml-query.ts';

const BATCH = { batchId: 'colophon-test-0001', timestamp: 20230201120000000n } as const;

const render = (bundle: IssueBundle, dois?: ReadonlySet<string>): string => renderCrossrefDeposit(bundle, { ...BATCH, dois });
const articleByDoi = (root: XmlNode, doi: string): XmlNode => {
  const found = all(root, 'body/journal/journal_article').filter((a) => text(one(a, 'doi_data/doi')) === doi);
  if (found.length !== 1) throw new Error(`expected one journal_article for ${doi}, found ${found.length}`);
  return found[0]!;
};
const dateParts = (date: XmlNode): Record<string, string> => Object.fromEntries([date.attrs.media_type === undefined ? [] : [['media_type', date.attrs.media_type]], ['month', 'day', 'year'].flatMap((p) => all(date, p).map((n) => [p, text(n)]))].flat());

describe('renderCrossrefDeposit: schema', () => {
  it.each([
    ['the seed', METADATA_DIRS.seed],
    ['the fixtures', METADATA_DIRS.fixtures],
  ])('renders every issue of %s to a deposit valid against Crossref 5.4.0', (_name, dir) => {
    // Prepare
    const issues = bundles(dir);
    expect(issues.length).toBeGreaterThan(0);

    // Act
    const results = issues.map((bundle) => ({ issue: bundle.issue.id, errors: validateXml('crossref', render(bundle)).errors }));

    // Assess
    expect(results).toEqual(issues.map((bundle) => ({ issue: bundle.issue.id, errors: [] })));
  });

  it('renders filtered deposits valid against the schema too', () => {
    // Prepare
    const bundle = richIssue();

    // Act
    const onlyIssue = render(bundle, new Set(['10.5555/sbt.2024.12.3']));
    const oneArticle = render(bundle, new Set(['10.5555/sbt.2024.e7']));

    // Assess
    expect(validateXml('crossref', onlyIssue).errors).toEqual([]);
    expect(validateXml('crossref', oneArticle).errors).toEqual([]);
  });

  it('deposits a language tag with a script subtag as its bare language code', () => {
    // Prepare
    const bundle = seedIssue();
    const article = bundle.articles[0]!;
    const serbian = { ...bundle, articles: [{ ...article, language: 'sr-Latn', abstracts: [{ lang: 'sr-Latn', paragraphs: [['Apstrakt.']] }] }] };

    // Act
    const xml = render(serbian);

    // Assess
    expect(validateXml('crossref', xml).errors).toEqual([]);
    const rendered = one(parseXml(xml), 'body/journal/journal_article');
    expect(rendered.attrs.language).toBe('sr');
    expect(one(rendered, 'jats:abstract').attrs['xml:lang']).toBe('sr-Latn');
  });
});

describe('renderCrossrefDeposit: the seed (Balcanica L, 2019)', () => {
  const root = (): XmlNode => parseXml(render(seedIssue()));

  it('declares schema 5.4.0 and its namespaces on doi_batch', () => {
    // Act
    const batch = root();

    // Assess
    expect(batch.name).toBe('doi_batch');
    expect(batch.attrs).toEqual({
      version: '5.4.0',
      xmlns: 'http://www.crossref.org/schema/5.4.0',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': 'http://www.crossref.org/schema/5.4.0 https://www.crossref.org/schemas/crossref5.4.0.xsd',
      'xmlns:jats': 'http://www.ncbi.nlm.nih.gov/JATS1',
      'xmlns:ai': 'http://www.crossref.org/AccessIndicators.xsd',
      'xmlns:fr': 'http://www.crossref.org/fundref.xsd',
      'xmlns:rel': 'http://www.crossref.org/relations.xsd',
    });
  });

  it('puts the batch id and timestamp given into head, with the journal depositor', () => {
    // Act
    const head = one(parseXml(renderCrossrefDeposit(seedIssue(), { batchId: 'balc-L-2019-01', timestamp: '20230201120000123' })), 'head');

    // Assess
    expect(text(one(head, 'doi_batch_id'))).toBe('balc-L-2019-01');
    expect(text(one(head, 'timestamp'))).toBe('20230201120000123');
    expect(text(one(head, 'depositor/depositor_name'))).toBe('Institute for Balkan Studies SASA');
    expect(text(one(head, 'depositor/email_address'))).toBe('depositor@example.org');
    expect(text(one(head, 'registrant'))).toBe('Institute for Balkan Studies, Serbian Academy of Sciences and Arts');
  });

  it('keeps the title with its en dash, volume L and pages 375–396', () => {
    // Act
    const journal = one(root(), 'body/journal');
    const article = one(journal, 'journal_article');

    // Assess
    expect(texts(article, 'titles/title')).toEqual(['Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961']);
    expect(text(one(journal, 'journal_issue/journal_volume/volume'))).toBe('L');
    expect(all(journal, 'journal_issue/issue')).toEqual([]);
    expect(text(one(article, 'pages/first_page'))).toBe('375');
    expect(text(one(article, 'pages/last_page'))).toBe('396');
    expect(article.attrs).toEqual({ publication_type: 'full_text', language: 'en' });
  });

  it('lists both ISSNs with their media type', () => {
    // Act
    const issns = all(root(), 'body/journal/journal_metadata/issn');

    // Assess
    expect(issns.map((n) => [n.attrs.media_type, text(n)])).toEqual([
      ['print', '0350-7653'],
      ['electronic', '2406-0801'],
    ]);
  });

  it('dates the issue and the article print 2019 and online 2023-02-01', () => {
    // Prepare
    const expected = [
      { media_type: 'print', year: '2019' },
      { media_type: 'online', month: '02', day: '01', year: '2023' },
    ];

    // Act
    const journal = one(root(), 'body/journal');

    // Assess
    expect(all(journal, 'journal_issue/publication_date').map(dateParts)).toEqual(expected);
    expect(all(journal, 'journal_article/publication_date').map(dateParts)).toEqual(expected);
  });

  it('registers the DOI at its landing page', () => {
    // Act
    const doiData = one(root(), 'body/journal/journal_article/doi_data');

    // Assess
    expect(text(one(doiData, 'doi'))).toBe('10.2298/BALC1950375E');
    expect(text(one(doiData, 'resource'))).toBe('https://balcanica.rs/doi/10.2298/BALC1950375E/');
  });
});

describe('renderCrossrefDeposit: the rich fixture issue', () => {
  const root = (): XmlNode => parseXml(render(richIssue()));
  const a01 = (): XmlNode => articleByDoi(root(), '10.5555/sbt.2024.001');

  it('gives the issue its title, volume, number and DOI at the issue page', () => {
    // Act
    const issue = one(root(), 'body/journal/journal_issue');

    // Assess
    expect(text(one(issue, 'titles/title'))).toBe('Borders & Frontiers');
    expect(texts(issue, 'titles/title/i')).toEqual(['Frontiers']);
    expect(text(one(issue, 'journal_volume/volume'))).toBe('12');
    expect(text(one(issue, 'issue'))).toBe('3');
    expect(text(one(issue, 'doi_data/doi'))).toBe('10.5555/sbt.2024.12.3');
    expect(text(one(issue, 'doi_data/resource'))).toBe('https://journal.example.org/sbt/testjournal/issues/2024-12-3/');
  });

  it('gives each title its own titles element, main title first, face markup kept', () => {
    // Act
    const titles = all(a01(), 'titles');

    // Assess
    expect(titles.map((t) => texts(t, 'title'))).toEqual([
      ['The Danube Question and the Acta Bosniaca, 1878–1914'],
      ['Дунавско питање и Acta Bosniaca, 1878–1914'],
      ['Die Donaufrage und die Acta Bosniaca'],
    ]);
    expect(titles.map((t) => texts(t, 'subtitle'))).toEqual([['Sources in Serbian, Albanian & Russian'], [], ['Quellen aus drei Sprachen']]);
    expect(titles.map((t) => texts(t, 'title/i'))).toEqual([['Acta Bosniaca'], ['Acta Bosniaca'], ['Acta Bosniaca']]);
  });

  it('renders people, a mononym, an organisation and a translator with sequence per role', () => {
    // Act
    const people = all(a01(), 'contributors').flatMap((c) => c.children.filter((n): n is XmlNode => typeof n !== 'string'));

    // Assess
    expect(people.map((p) => [p.name, p.attrs.sequence, p.attrs.contributor_role, texts(p, 'given_name').join(), p.name === 'organization' ? text(p) : texts(p, 'surname').join()])).toEqual([
      ['person_name', 'first', 'author', 'Jelena', 'Petrović'],
      ['person_name', 'additional', 'author', 'Arben', 'Hoxha'],
      ['person_name', 'additional', 'author', '', 'Ardita'],
      ['organization', 'additional', 'author', '', 'Balkan Archives Working Group'],
      ['person_name', 'first', 'translator', 'Ольга', 'Иванова'],
    ]);
    expect(texts(people[1]!, 'suffix')).toEqual(['Jr.']);
  });

  it('gives ORCID (not authenticated) and affiliations with ROR ids', () => {
    // Act
    const petrovic = all(a01(), 'contributors/person_name')[0]!;
    const institutions = all(petrovic, 'affiliations/institution');

    // Assess
    expect(all(petrovic, 'ORCID').map((o) => [o.attrs.authenticated, text(o)])).toEqual([['false', 'https://orcid.org/0000-0002-1825-0097']]);
    expect(institutions.map((i) => texts(i, 'institution_name'))).toEqual([['Institute for Balkan Studies, SASA'], ['University of Belgrade, Faculty of Philosophy']]);
    expect(all(institutions[0]!, 'institution_id').map((i) => [i.attrs.type, text(i)])).toEqual([['ror', 'https://ror.org/05kgm8x47']]);
    expect(all(institutions[1]!, 'institution_id')).toEqual([]);
  });

  it('writes one jats:abstract per language with xml:lang and JATS inline markup', () => {
    // Act
    const abstracts = all(a01(), 'jats:abstract');

    // Assess
    expect(abstracts.map((a) => [a.attrs['xml:lang'], all(a, 'jats:p').length])).toEqual([
      ['en', 2],
      ['fr', 1],
      ['sr', 1],
    ]);
    const [first, second] = all(abstracts[0]!, 'jats:p');
    expect(text(first!)).toContain('H2O-stained consular reports & the Acta Bosniaca');
    expect(text(first!)).toContain('mattered < less than assumed.');
    expect(['jats:sub', 'jats:italic', 'jats:sup'].map((n) => texts(first!, n))).toEqual([['2'], ['Acta Bosniaca'], ['th']]);
    expect(['jats:sc', 'jats:bold'].map((n) => texts(second!, n))).toEqual([['small caps'], ['bold']]);
  });

  it('keeps roman page numbers as printed', () => {
    // Act
    const a02 = articleByDoi(root(), '10.5555/sbt.2024.002');

    // Assess
    expect([text(one(a02, 'pages/first_page')), text(one(a02, 'pages/last_page'))]).toEqual(['xiv', 'xix']);
    expect(a02.attrs.language).toBe('de');
  });

  it('gives the article number as publisher_item and no pages', () => {
    // Act
    const a03 = articleByDoi(root(), '10.5555/sbt.2024.e7');

    // Assess
    expect(all(a03, 'publisher_item/item_number').map((n) => [n.attrs.item_number_type, text(n)])).toEqual([['article_number', 'e7']]);
    expect(all(a03, 'pages')).toEqual([]);
  });

  it('declares the licence for the version of record and for text mining', () => {
    // Act
    const deposit = root();
    const licences = (doi: string): string[][] =>
      all(articleByDoi(deposit, doi), 'crossmark/custom_metadata/ai:program/ai:license_ref').map((l) => [l.attrs.applies_to ?? '', l.attrs.start_date ?? '', text(l)]);

    // Assess
    expect(licences('10.5555/sbt.2024.001')).toEqual([
      ['vor', '2024-10-15', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
      ['tdm', '2024-10-15', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ]);
    expect(licences('10.5555/sbt.2024.002').map((l) => l[2])).toEqual(['https://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/licenses/by/4.0/']);
  });

  it('groups funding by funder: Funder Registry DOI nested in funder_name, ROR, award numbers', () => {
    // Act
    // The fixture journal names its Crossmark policy: funding sits in the Crossmark record's custom_metadata.
    const groups = all(a01(), 'crossmark/custom_metadata/fr:program/fr:assertion');
    const named = (node: XmlNode, name: string): XmlNode[] => all(node, 'fr:assertion').filter((a) => a.attrs.name === name);

    // Assess
    expect(groups.map((g) => g.attrs.name)).toEqual(['fundgroup', 'fundgroup']);
    const [ministry, erc] = groups as [XmlNode, XmlNode];
    const ministryName = named(ministry, 'funder_name')[0]!;
    expect(ministryName.children[0]).toBe('Ministry of Science, Technological Development and Innovation of the Republic of Serbia');
    expect(named(ministryName, 'funder_identifier').map(text)).toEqual(['https://doi.org/10.13039/501100004564']);
    expect(named(ministry, 'award_number').map(text)).toEqual(['451-03-66/2024-03/200174']);
    expect(named(erc, 'funder_name').map(text)).toEqual(['European Research Council']);
    expect(named(erc, 'ror').map(text)).toEqual(['https://ror.org/0472cxd90']);
    expect(named(erc, 'award_number').map(text)).toEqual(['ERC-2020-STG 948000', 'ERC-2022-POC 101000']);
  });

  it('registers the correction notice as a Crossmark update of the article it corrects (issue 11, item 4: on main it was left out)', () => {
    // Act
    const deposit = root();
    const crossmark = (doi: string): XmlNode[] => all(articleByDoi(deposit, doi), 'crossmark');
    const updates = all(crossmark('10.5555/sbt.2024.e7')[0]!, 'updates/update');

    // Assess: the notice updates 10.5555/sbt.2024.001 on its own online date; every article carries the policy.
    expect(updates.map((u) => [u.attrs.type, u.attrs.date, text(u)])).toEqual([['correction', '2024-10-15', '10.5555/sbt.2024.001']]);
    for (const doi of ['10.5555/sbt.2024.001', '10.5555/sbt.2024.002', '10.5555/sbt.2024.e7']) {
      expect(all(crossmark(doi)[0]!, 'crossmark_policy').map(text)).toEqual(['10.5555/sbt.crossmark-policy']);
    }
    expect(all(crossmark('10.5555/sbt.2024.001')[0]!, 'updates')).toEqual([]);
    expect(validateXml('crossref', render(richIssue())).errors).toEqual([]);
  });

  it('relates a translation to its original, and a correction only through Crossmark', () => {
    // Act
    const deposit = root();
    const relations = (doi: string): string[][] =>
      all(articleByDoi(deposit, doi), 'rel:program/rel:related_item/rel:intra_work_relation').map((r) => [r.attrs['relationship-type'] ?? '', r.attrs['identifier-type'] ?? '', text(r)]);

    // Assess
    expect(relations('10.5555/sbt.2024.001')).toEqual([['isTranslationOf', 'doi', '10.2298/BALC1950375E']]);
    expect(all(articleByDoi(deposit, '10.5555/sbt.2024.e7'), 'rel:program')).toEqual([]);
  });

  it('lists the PDF for Similarity Check and the PDF and JATS for text mining', () => {
    // Act
    const doiData = one(a01(), 'doi_data');
    const collection = (property: string): string[][] =>
      all(doiData, 'collection')
        .filter((c) => c.attrs.property === property)
        .flatMap((c) => all(c, 'item'))
        .map((i) => [i.attrs.crawler ?? '', ...all(i, 'resource').flatMap((r) => [r.attrs.mime_type ?? '', text(r)])]);

    // Assess
    expect(text(one(doiData, 'resource'))).toBe('https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/');
    expect(collection('crawler-based')).toEqual([['iParadigms', '', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/a01-petrovic.pdf']]);
    expect(collection('text-mining')).toEqual([
      ['', 'application/pdf', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/a01-petrovic.pdf'],
      ['', 'application/xml', 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/article.xml'],
    ]);
  });

  it('keys citations ref1… with their DOI when known and the citation as printed', () => {
    // Act
    const citations = all(a01(), 'citation_list/citation');

    // Assess
    expect(citations.map((c) => [c.attrs.key, texts(c, 'doi').join()])).toEqual([
      ['ref1', ''],
      ['ref2', ''],
      ['ref3', '10.2298/BALC1950001P'],
      ['ref4', ''],
    ]);
    expect(text(one(citations[0]!, 'unstructured_citation'))).toBe("Jelavich, Barbara. Russia's Balkan Entanglements, 1806–1914. Cambridge University Press, 1991.");
    expect(texts(citations[0]!, 'unstructured_citation/i')).toEqual(["Russia's Balkan Entanglements, 1806–1914"]);
  });
});

describe('renderCrossrefDeposit: privacy and determinism', () => {
  it('never renders a contributor email; the depositor email is the only one', () => {
    // Prepare
    const all = [...bundles(METADATA_DIRS.seed), ...bundles(METADATA_DIRS.fixtures)];
    const emails = all.flatMap((b) => b.articles.flatMap((a) => a.contributors.flatMap((c) => (c.email === undefined ? [] : [c.email]))));
    expect(emails).toContain('jelena.petrovic@example.org');

    // Act
    const deposits = all.map((b) => ({ bundle: b, xml: render(b) }));

    // Assess
    for (const { bundle, xml } of deposits) {
      for (const email of emails) expect(xml).not.toContain(email);
      expect(xml.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g)).toEqual([bundle.journal.crossref.depositor.email]);
    }
  });

  it('renders byte-identical XML from the same metadata, loaded again or cloned', () => {
    // Prepare
    const first = richIssue();

    // Act
    const once = render(first);
    const again = render(richIssue());
    const cloned = render(structuredClone(first));

    // Assess
    expect(again).toBe(once);
    expect(cloned).toBe(once);
  });
});

describe('renderCrossrefDeposit: dois filter', () => {
  it('deposits only the listed articles, matching DOIs case-insensitively, without the unlisted issue DOI', () => {
    // Prepare
    const bundle = richIssue();

    // Act
    const journal = one(parseXml(render(bundle, new Set(['10.5555/SBT.2024.002', '10.9999/other-issue']))), 'body/journal');

    // Assess
    expect(all(journal, 'journal_article/doi_data/doi').map(text)).toEqual(['10.5555/sbt.2024.002']);
    expect(all(journal, 'journal_issue/doi_data')).toEqual([]);
    expect(text(one(journal, 'journal_issue/journal_volume/volume'))).toBe('12');
  });

  it('deposits the issue DOI alone when only it is listed', () => {
    // Act
    const journal = one(parseXml(render(richIssue(), new Set(['10.5555/sbt.2024.12.3']))), 'body/journal');

    // Assess
    expect(all(journal, 'journal_article')).toEqual([]);
    expect(texts(journal, 'journal_issue/doi_data/doi')).toEqual(['10.5555/sbt.2024.12.3']);
  });

  it('says which DOIs a deposit registers, and refuses a deposit that registers none', () => {
    // Prepare
    const bundle = richIssue();
    const none = new Set(['10.9999/elsewhere']);

    // Act
    const everything = depositDois(bundle);
    const nothing = depositDois(bundle, none);

    // Assess
    // Issue first, then the articles in the issue's order: its sections in turn (Articles, then Book Reviews).
    expect(everything).toEqual(['10.5555/sbt.2024.12.3', '10.5555/sbt.2024.001', '10.5555/sbt.2024.e7', '10.5555/sbt.2024.002']);
    expect(nothing).toEqual([]);
    expect(() => render(bundle, none)).toThrow(CrossrefDepositError);
  });
});
