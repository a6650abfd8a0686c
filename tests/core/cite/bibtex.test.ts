import { describe, expect, it } from 'vitest';
import { bibtexInline, bibtexName, citationKey, escapeBibtex, toBibtex } from '#core/cite/index';
import type { Contributor, InlineText } from '#core/model/index';
import { allCases, caseById, editable, emailsIn } from './load.ts';

const person = (surname: string, given?: string, suffix?: string): Contributor => ({
  kind: 'person',
  surname,
  ...(given === undefined ? {} : { given_names: given }),
  ...(suffix === undefined ? {} : { suffix }),
  role: 'author',
  affiliations: [],
  corresponding: false,
});

describe('toBibtex', () => {
  it('gives the seed as one @article entry', () => {
    // Prepare
    const { bundle, article } = caseById('edemskiy');
    // Act
    const bib = toBibtex(bundle, article);
    // Assess: written by hand; the abstract is checked apart.
    const withoutAbstract = bib.replace(/ {2}abstract = \{[^\n]*\},\n/, '');
    expect(withoutAbstract).toBe(
      [
        '@article{Edemskiy2019,',
        '  author = {Edemskiy, Andrey},',
        '  title = {{Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961}},',
        '  journal = {Balcanica - Annual of the Institute for Balkan Studies},',
        '  year = {2019},',
        '  volume = {L},',
        '  pages = {375--396},',
        '  doi = {10.2298/BALC1950375E},',
        '  url = {https://balcanica.rs/doi/10.2298/BALC1950375E/},',
        '  issn = {0350-7653, 2406-0801},',
        '  publisher = {Institute for Balkan Studies, Serbian Academy of Sciences and Arts},',
        '  address = {Belgrade},',
        '  language = {en},',
        '  keywords = {nationalism, national interest, confrontation, Soviet-Albanian conflict, Enver Hoxha, Khrushchev, RGANI, failed Communist brotherhood},',
        '}',
        '',
      ].join('\n'),
    );
    expect(bib).toMatch(/\n {2}abstract = \{Disagreement between Khrushchev[^\n]*intensified\.\},\n/);
  });

  it('escapes, marks up and names the rich fixture', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const bib = toBibtex(bundle, article);
    expect(bib).toContain('@article{Petrovic2024,');
    expect(bib).toContain('  author = {Petrović, Jelena and Hoxha, Jr., Arben and Ardita and {Balkan Archives Working Group}},');
    expect(bib).toContain('  title = {{The Danube Question and the \\textit{Acta Bosniaca}, 1878\u20131914: Sources in Serbian, Albanian \\& Russian}},');
    expect(bib).toContain('  month = nov,');
    expect(bib).toContain('  number = {3},');
    expect(bib).toContain('  publisher = {Institut für Balkanstudien \\& Partner},');
    expect(bib).toContain('mattered \\textless{} less than assumed.');
  });

  it('gives an article number as eid', () => {
    const { bundle, article } = caseById('a03-article-number');
    const bib = toBibtex(bundle, article);
    expect(bib).toContain('  eid = {e7},');
    expect(bib).not.toContain('pages =');
  });

  it('keeps braces balanced whatever the title holds', () => {
    const c = editable(caseById('edemskiy'));
    c.article.titles[0].title = ['}{ \\end{document} %'];
    const bib = toBibtex(c.bundle, c.article);
    expect(bib).toContain('title = {{\\}\\{ \\textbackslash{}end\\{document\\} \\%}},');
    let depth = 0;
    for (const [k, ch] of [...bib.replace(/\\[{}]/g, '')].entries()) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      expect(depth, `at ${k}`).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('carries no e-mail address', () => {
    const cases = allCases();
    const all = cases.map(({ bundle, article }) => toBibtex(bundle, article)).join('');
    for (const email of emailsIn(cases)) expect(all).not.toContain(email);
  });
});

describe('escapeBibtex', () => {
  it.each([
    ['&', '\\&'],
    ['%', '\\%'],
    ['$', '\\$'],
    ['#', '\\#'],
    ['_', '\\_'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['~', '\\textasciitilde{}'],
    ['^', '\\textasciicircum{}'],
    ['\\', '\\textbackslash{}'],
    ['<', '\\textless{}'],
    ['>', '\\textgreater{}'],
    ['Đorđević – “Ćirić”', 'Đorđević – “Ćirić”'],
    ['two\n\nparagraphs', 'two paragraphs'],
  ])('%j → %j', (input, expected) => {
    expect(escapeBibtex(input)).toBe(expected);
  });
});

describe('bibtexInline', () => {
  it('writes each inline tag as its LaTeX command, escaping the text inside', () => {
    const content: InlineText = ['H', { tag: 'sub', children: ['2'] }, 'O ', { tag: 'i', children: ['a & ', { tag: 'b', children: ['b'] }] }, ' x', { tag: 'sup', children: ['th'] }, ' ', { tag: 'sc', children: ['sc'] }];
    expect(bibtexInline(content)).toBe('H\\textsubscript{2}O \\textit{a \\& \\textbf{b}} x\\textsuperscript{th} \\textsc{sc}');
  });
});

describe('bibtexName and citationKey', () => {
  it.each([
    [person('Edemskiy', 'Andrey'), 'Edemskiy, Andrey'],
    [person('Hoxha', 'Arben', 'Jr.'), 'Hoxha, Jr., Arben'],
    [person('Ardita'), 'Ardita'],
    [person('Anderson and Sons', 'A.'), '{Anderson and Sons}, A.'],
    [{ ...person('x'), kind: 'organization', name: 'Smith & Partners' } as Contributor, '{Smith \\& Partners}'],
  ])('%o → %s', (c, expected) => {
    expect(bibtexName(c)).toBe(expected);
  });

  it.each([
    ['Đorđević', 'Dordevic2019'],
    ['Müller-Lüdenscheidt', 'MullerLudenscheidt2019'],
    ['Иванова', 'doi_10_2298_BALC1950375E'],
  ])('folds %s to the key %s', (surname, key) => {
    const c = editable(caseById('edemskiy'));
    (c.article.contributors[0] as { surname: string }).surname = surname;
    expect(citationKey(c.article, { year: 2019 })).toBe(key);
  });
});
