import { describe, expect, it } from 'vitest';
import { renderJats } from '#core/jats/index';
import { all, articleById, elements, one, parseJats, text, type Node } from './load.ts';

const render = (id: string): Node => {
  const { bundle, article } = articleById(id);
  return parseJats(renderJats(bundle, article));
};
const attrsOf = (nodes: Node[]): Record<string, string>[] => nodes.map((n) => ({ ...n.attrs }));
const dateOf = (node: Node): Record<string, string> => Object.fromEntries(elements(node).map((e) => [e.name, text(e)]));

describe('the Balcanica seed (edemskiy)', () => {
  const root = render('edemskiy');

  it('is a JATS 1.4 research article in English with the namespaces on the root', () => {
    expect(root.name).toBe('article');
    expect(root.attrs).toEqual({
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      'xmlns:mml': 'http://www.w3.org/1998/Math/MathML',
      'xmlns:ali': 'http://www.niso.org/schemas/ali/1.0/',
      'dtd-version': '1.4',
      'article-type': 'research-article',
      'xml:lang': 'en',
    });
  });

  it('keeps the en dash in the title', () => {
    expect(text(one(root, 'article-title'))).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961');
  });

  it('names the journal with both ISSNs and the publisher', () => {
    const meta = one(root, 'journal-meta');
    expect(text(one(meta, 'journal-id'))).toBe('balcanica');
    expect(one(meta, 'journal-id').attrs).toEqual({ 'journal-id-type': 'publisher-id' });
    expect(text(one(meta, 'journal-title'))).toBe('Balcanica - Annual of the Institute for Balkan Studies');
    expect(text(one(meta, 'abbrev-journal-title'))).toBe('Balcanica');
    expect(all(meta, 'issn').map((n) => [n.attrs['publication-format'], text(n)])).toEqual([
      ['print', '0350-7653'],
      ['electronic', '2406-0801'],
    ]);
    expect(text(one(meta, 'publisher-name'))).toBe('Institute for Balkan Studies, Serbian Academy of Sciences and Arts');
    expect(text(one(meta, 'publisher-loc'))).toBe('Belgrade');
  });

  it('has the DOI, volume L as printed and pages 375–396', () => {
    expect(one(root, 'article-id').attrs).toEqual({ 'pub-id-type': 'doi' });
    expect(text(one(root, 'article-id'))).toBe('10.2298/BALC1950375E');
    expect(text(one(root, 'volume'))).toBe('L');
    expect(all(root, 'issue')).toEqual([]);
    expect(text(one(root, 'fpage'))).toBe('375');
    expect(text(one(root, 'lpage'))).toBe('396');
    expect(all(root, 'elocation-id')).toEqual([]);
  });

  it('dates print 2019 (year only) and online 2023-02-01', () => {
    const [print, online, ...rest] = all(root, 'pub-date');
    expect(rest).toEqual([]);
    expect(print!.attrs).toEqual({ 'publication-format': 'print', 'date-type': 'pub', 'iso-8601-date': '2019' });
    expect(dateOf(print!)).toEqual({ year: '2019' });
    expect(online!.attrs).toEqual({ 'publication-format': 'electronic', 'date-type': 'pub', 'iso-8601-date': '2023-02-01' });
    expect(dateOf(online!)).toEqual({ day: '01', month: '02', year: '2023' });
  });

  it('lists the author with the affiliation and its country', () => {
    const contrib = one(root, 'contrib');
    expect(contrib.attrs).toEqual({ 'contrib-type': 'author' });
    expect(text(one(contrib, 'surname'))).toBe('Edemskiy');
    expect(text(one(contrib, 'given-names'))).toBe('Andrey');
    expect(one(contrib, 'xref').attrs).toEqual({ 'ref-type': 'aff', rid: 'aff1' });
    const aff = one(root, 'aff');
    expect(aff.attrs).toEqual({ id: 'aff1' });
    expect(text(one(aff, 'institution'))).toBe('Institute for Slavic Studies, Russian Academy of Sciences');
    expect(one(aff, 'country').attrs).toEqual({ country: 'RU' });
    expect(text(one(aff, 'country'))).toBe('Russia');
  });

  it('has the English abstract as one paragraph and the eight keywords', () => {
    const abstract = one(root, 'abstract');
    expect(abstract.attrs).toEqual({ 'xml:lang': 'en' });
    expect(all(abstract, 'p')).toHaveLength(1);
    expect(text(abstract)).toContain('Disagreement between Khrushchev and Enver Hoxha');
    expect(all(root, 'trans-abstract')).toEqual([]);
    // The article's own language is on <article>: JATS4R finds a repeat of it on the group unnecessary.
    expect(one(root, 'kwd-group').attrs).toEqual({ 'kwd-group-type': 'author' });
    expect(all(root, 'kwd').map(text)).toEqual([
      'nationalism',
      'national interest',
      'confrontation',
      'Soviet-Albanian conflict',
      'Enver Hoxha',
      'Khrushchev',
      'RGANI',
      'failed Communist brotherhood',
    ]);
  });

  it('says the seed is free to read, with no licence: the journal states none', () => {
    expect(elements(one(root, 'permissions')).map((e) => e.name)).toEqual(['ali:free_to_read']);
  });

  it('leaves out what the seed does not know: licence, history, funding, references', () => {
    for (const name of ['license', 'copyright-holder', 'history', 'funding-group', 'back', 'article-categories', 'trans-title-group', 'related-article', 'self-uri']) {
      expect(all(root, name), name).toEqual([]);
    }
  });
});

describe('the rich fixture article (a01-petrovic)', () => {
  const root = render('a01-petrovic');

  it('puts the section title in the heading subject', () => {
    const group = one(one(root, 'article-categories'), 'subj-group');
    expect(group.attrs).toEqual({ 'subj-group-type': 'heading' });
    expect(text(one(group, 'subject'))).toBe('Articles');
  });

  it('keeps inline markup in the title and gives each translated title its language', () => {
    const title = one(one(root, 'article-meta'), 'article-title');
    expect(elements(title).map((e) => [e.name, text(e)])).toEqual([['italic', 'Acta Bosniaca']]);
    expect(text(one(root, 'subtitle'))).toBe('Sources in Serbian, Albanian & Russian');
    const translated = all(root, 'trans-title-group').map((g) => ({
      lang: g.attrs['xml:lang'],
      title: text(one(g, 'trans-title')),
      subtitle: all(g, 'trans-subtitle').map(text),
    }));
    expect(translated).toEqual([
      { lang: 'sr', title: 'Дунавско питање и Acta Bosniaca, 1878–1914', subtitle: [] },
      { lang: 'de', title: 'Die Donaufrage und die Acta Bosniaca', subtitle: ['Quellen aus drei Sprachen'] },
    ]);
  });

  it('marks contributors: corresponding author with ORCID, suffix, mononym, organisation, translator', () => {
    const contribs = all(root, 'contrib');
    expect(attrsOf(contribs)).toEqual([
      { 'contrib-type': 'author', corresp: 'yes' },
      { 'contrib-type': 'author' },
      { 'contrib-type': 'author' },
      { 'contrib-type': 'author' },
      { 'contrib-type': 'translator' },
    ]);
    const orcid = one(contribs[0]!, 'contrib-id');
    expect(orcid.attrs).toEqual({ 'contrib-id-type': 'orcid', authenticated: 'false' });
    expect(text(orcid)).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(text(one(contribs[1]!, 'suffix'))).toBe('Jr.');
    expect(elements(one(contribs[2]!, 'name')).map((e) => e.name)).toEqual(['surname']);
    expect(text(one(contribs[3]!, 'collab'))).toBe('Balkan Archives Working Group');
    expect(all(contribs[3]!, 'name')).toEqual([]);
    expect(text(one(contribs[4]!, 'surname'))).toBe('Иванова');
  });

  it('links contributors to affiliations with ROR ids and countries', () => {
    const contribs = all(root, 'contrib');
    expect(contribs.map((c) => all(c, 'xref').map((x) => x.attrs.rid))).toEqual([['aff1', 'aff2'], ['aff3'], [], [], []]);
    const affs = all(root, 'aff');
    expect(affs.map((a) => a.attrs.id)).toEqual(['aff1', 'aff2', 'aff3']);
    const ror = one(affs[0]!, 'institution-id');
    expect(ror.attrs).toEqual({ 'institution-id-type': 'ror' });
    expect(text(ror)).toBe('https://ror.org/05kgm8x47');
    expect(all(affs[1]!, 'institution-id')).toEqual([]);
    expect(affs.map((a) => one(a, 'country').attrs.country)).toEqual(['RS', 'RS', 'AL']);
  });

  it('has volume, issue, issue title in plain text, pages and both dates of the history', () => {
    expect(text(one(one(root, 'article-meta'), 'volume'))).toBe('12');
    expect(text(one(one(root, 'article-meta'), 'issue'))).toBe('3');
    expect(text(one(root, 'issue-title'))).toBe('Borders & Frontiers');
    expect([text(one(one(root, 'article-meta'), 'fpage')), text(one(one(root, 'article-meta'), 'lpage'))]).toEqual(['1', '28']);
    const dates = all(one(root, 'history'), 'date');
    expect(dates.map((d) => [d.attrs['date-type'], d.attrs['iso-8601-date'], dateOf(d)])).toEqual([
      ['received', '2024-01-12', { day: '12', month: '01', year: '2024' }],
      ['accepted', '2024-06-30', { day: '30', month: '06', year: '2024' }],
    ]);
    expect(all(root, 'pub-date').map((d) => d.attrs['iso-8601-date'])).toEqual(['2024-11', '2024-10-15']);
  });

  it('states copyright and the licence through ali:license_ref', () => {
    const permissions = one(root, 'permissions');
    expect(elements(permissions).map((e) => e.name)).toEqual(['copyright-statement', 'copyright-year', 'copyright-holder', 'license']);
    expect(text(one(permissions, 'copyright-statement'))).toBe('© 2024 Jelena Petrović and Arben Hoxha');
    expect(text(one(permissions, 'copyright-year'))).toBe('2024');
    const license = one(permissions, 'license');
    expect(license.attrs).toEqual({ 'xlink:href': 'https://creativecommons.org/licenses/by-nc-nd/4.0/' });
    expect(text(one(license, 'ali:license_ref'))).toBe('https://creativecommons.org/licenses/by-nc-nd/4.0/');
  });

  it('points to the galleys and to the article it translates', () => {
    expect(attrsOf(all(root, 'self-uri'))).toEqual([
      { 'xlink:href': 'https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/a01-petrovic.pdf', 'content-type': 'pdf', mimetype: 'application', 'mime-subtype': 'pdf' },
      { 'xlink:href': 'https://journal.example.org/files/a01.epub', 'content-type': 'epub', mimetype: 'application', 'mime-subtype': 'epub+zip' },
    ]);
    expect(one(root, 'related-article').attrs).toEqual({
      'related-article-type': 'translated-article',
      'ext-link-type': 'doi',
      'xlink:href': '10.2298/BALC1950375E',
    });
  });

  it('has the English abstract in two paragraphs with markup, and the others as trans-abstracts', () => {
    const abstract = one(root, 'abstract');
    expect(abstract.attrs).toEqual({ 'xml:lang': 'en' });
    const paragraphs = all(abstract, 'p');
    expect(paragraphs).toHaveLength(2);
    expect(text(paragraphs[0]!)).toContain('H2O-stained consular reports & the Acta Bosniaca');
    expect(text(paragraphs[0]!)).toContain('mattered < less than assumed');
    expect(elements(paragraphs[1]!).map((e) => e.name)).toEqual(['sc', 'bold']);
    expect(all(root, 'trans-abstract').map((a) => a.attrs['xml:lang'])).toEqual(['fr', 'sr']);
  });

  it('has one keyword group per language', () => {
    expect(all(root, 'kwd-group').map((g) => [g.attrs['xml:lang'], all(g, 'kwd').length])).toEqual([
      [undefined, 3],
      ['fr', 2],
      ['sr', 2],
    ]);
  });

  it('has one award group per award, funders identified by Funder Registry DOI or ROR', () => {
    const groups = all(one(root, 'funding-group'), 'award-group');
    expect(groups.map((g) => [text(one(g, 'institution')), text(one(g, 'award-id'))])).toEqual([
      ['Ministry of Science, Technological Development and Innovation of the Republic of Serbia', '451-03-66/2024-03/200174'],
      ['European Research Council', 'ERC-2020-STG 948000'],
      ['European Research Council', 'ERC-2022-POC 101000'],
    ]);
    const [doi, ror] = [one(groups[0]!, 'institution-id'), one(groups[1]!, 'institution-id')];
    expect(doi.attrs).toEqual({ 'institution-id-type': 'doi', vocab: 'open-funder-registry', 'vocab-identifier': '10.13039/open_funder_registry' });
    expect(text(doi)).toBe('10.13039/501100004564');
    expect(ror.attrs).toEqual({ 'institution-id-type': 'ror' });
    expect(text(ror)).toBe('https://ror.org/0472cxd90');
  });

  it('lists the references with ids, markup and the DOI as pub-id', () => {
    const refs = all(one(root, 'ref-list'), 'ref');
    expect(refs.map((r) => r.attrs.id)).toEqual(['ref1', 'ref2', 'ref3', 'ref4']);
    expect(text(one(refs[0]!, 'italic'))).toBe("Russia's Balkan Entanglements, 1806–1914");
    expect(all(root, 'pub-id').map((p) => [p.attrs['pub-id-type'], text(p)])).toEqual([['doi', '10.2298/BALC1950001P']]);
    expect(text(one(refs[2]!, 'mixed-citation'))).toBe('Petrović, J. “Consuls on the Danube.” Balcanica 50 (2019) 1–20. https://doi.org/10.2298/BALC1950001P');
  });
});

describe('the other fixture articles', () => {
  it('a02: German review with roman pages xiv–xix and only an online date', () => {
    const root = render('a02-mueller');
    expect(root.attrs['xml:lang']).toBe('de');
    expect(root.attrs['article-type']).toBe('research-article');
    expect([text(one(root, 'fpage')), text(one(root, 'lpage'))]).toEqual(['xiv', 'xix']);
    expect(text(one(root, 'subject'))).toBe('Book Reviews');
    expect(one(root, 'abstract').attrs).toEqual({ 'xml:lang': 'de' });
    expect(attrsOf(all(root, 'pub-date'))).toEqual([{ 'publication-format': 'electronic', 'date-type': 'pub', 'iso-8601-date': '2024-10-15' }]);
    expect(text(one(root, 'contrib-id'))).toBe('https://orcid.org/0000-0001-5109-3700');
  });

  it('a03: article number e7 as elocation-id, a correction of another DOI, journal licence inherited', () => {
    const root = render('a03-article-number');
    expect(text(one(root, 'elocation-id'))).toBe('e7');
    expect(all(root, 'fpage')).toEqual([]);
    expect(root.attrs['article-type']).toBe('correction');
    expect(one(root, 'related-article').attrs).toEqual({ 'related-article-type': 'corrected-article', 'ext-link-type': 'doi', 'xlink:href': '10.5555/sbt.2024.001' });
    expect(one(root, 'license').attrs['xlink:href']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(all(root, 'copyright-statement')).toEqual([]);
    expect(all(root, 'abstract')).toEqual([]);
  });
});
