/**
 * The reference-list downloads (issue 14): the works an article cites as RIS, BibTeX and CSL-JSON.
 * Expected records are written by hand from the formats' tag lists; the BibTeX is also read by
 * citation.js and the RIS by astrocite-ris, as a reference manager would.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse as parseRis } from 'astrocite-ris';
import { describe, expect, it } from 'vitest';
import { toReferencesBibtex, toReferencesCslJson, toReferencesRis } from '#core/cite/index';
import { renderLandingPage } from '#core/landing/index';
import { reference, type Article } from '#core/model/index';
import { caseById } from './load.ts';
import { citeproc } from '#core/cite/engine';

const resolved = (id: string, input: unknown) => ({ ...reference.parse(input), id });

const chapter = resolved('ref-1', {
  citation: 'Jelavich, Barbara. “Consuls on the Danube.” In <i>The Balkans Revisited</i>, edited by Ivo Banac, 2nd ed., 11–40. Cambridge: Cambridge University Press, 1991a.',
  type: 'chapter',
  authors: [{ family_name: 'Jelavich', given_name: 'Barbara' }],
  editors: [{ family_name: 'Banac', given_name: 'Ivo' }],
  year: '1991a',
  title: 'Consuls on the Danube',
  source: '<i>The Balkans Revisited</i>',
  first_page: '11',
  last_page: '40',
  edition: '2nd',
  publisher: 'Cambridge University Press',
  place: 'Cambridge',
  isbn: '978-0-521-37260-2',
  doi: '10.1017/CBO9780511523595.002',
  url: 'https://example.org/ch{1}',
  accessed: '2024-05-31',
});
const textOnly = resolved('ref-2', 'Arhiv Jugoslavije, fond 507, CK SKJ, IX, 1/I-56 & 1/I-57.');

const articleWith = (references: Article['references']): Article => ({ ...caseById('edemskiy').article, references });

describe('the reference-list downloads', () => {
  it('writes a chapter as a RIS CHAP record with every part, and a text-only reference as a GEN record titled with its text', () => {
    const ris = toReferencesRis(articleWith([chapter, textOnly]));
    expect(ris.split('\r\n')).toEqual([
      'TY  - CHAP',
      'ID  - ref-1',
      'AU  - Jelavich, Barbara',
      'ED  - Banac, Ivo',
      'TI  - Consuls on the Danube',
      'T2  - The Balkans Revisited',
      'PY  - 1991',
      'SP  - 11',
      'EP  - 40',
      'ET  - 2nd',
      'PB  - Cambridge University Press',
      'CY  - Cambridge',
      'SN  - 978-0-521-37260-2',
      'DO  - 10.1017/CBO9780511523595.002',
      'UR  - https://example.org/ch{1}',
      'Y2  - 2024/05/31',
      'ER  - ',
      '',
      // The reference's type comes from the documented rule (no pattern matches this archive source).
      'TY  - GEN',
      'ID  - ref-2',
      'TI  - Arhiv Jugoslavije, fond 507, CK SKJ, IX, 1/I-56 & 1/I-57.',
      'ER  - ',
      '',
    ]);
    // A reference manager's reader takes the same record.
    const [read] = parseRis(ris) as { type: string; DOI: string; editor: { family: string }[]; 'container-title': string }[];
    expect([read?.type, read?.DOI, read?.editor[0]?.family, read?.['container-title']]).toEqual(['chapter', '10.1017/CBO9780511523595.002', 'Banac', 'The Balkans Revisited']);
  });

  it('writes a chapter as a biblatex @incollection, markup as LaTeX, the URL with its braces encoded', () => {
    const bib = toReferencesBibtex(articleWith([chapter, textOnly]));
    expect(bib).toBe(
      [
        '@incollection{ref-1,',
        '  author = {Jelavich, Barbara},',
        '  editor = {Banac, Ivo},',
        '  title = {{Consuls on the Danube}},',
        '  booktitle = {\\textit{The Balkans Revisited}},',
        '  year = {1991},',
        '  pages = {11--40},',
        '  edition = {2nd},',
        '  publisher = {Cambridge University Press},',
        '  address = {Cambridge},',
        '  isbn = {978-0-521-37260-2},',
        '  doi = {10.1017/CBO9780511523595.002},',
        '  url = {https://example.org/ch%7B1%7D},',
        '  urldate = {2024-05-31},',
        '}',
        '',
        '@misc{ref-2,',
        '  title = {{Arhiv Jugoslavije, fond 507, CK SKJ, IX, 1/I-56 \\& 1/I-57.}},',
        '}',
        '',
      ].join('\n'),
    );
    const [read, second] = new Cite(bib).data as { type: string; DOI: string; 'container-title': string; publisher: string; title: string }[];
    expect([read?.type, read?.DOI, read?.['container-title'], read?.publisher]).toEqual(['chapter', '10.1017/CBO9780511523595.002', '<i>The Balkans Revisited</i>', 'Cambridge University Press']); // \textit read back as CSL's mini-HTML
    expect(second?.title).toBe('Arhiv Jugoslavije, fond 507, CK SKJ, IX, 1/I-56 & 1/I-57.');
  });

  it('writes CSL-JSON items citeproc reads: type, names, the printed year as a date, italics as mini-HTML', () => {
    const [item] = JSON.parse(toReferencesCslJson(articleWith([chapter]))) as Record<string, unknown>[];
    expect(item).toEqual({
      id: 'ref-1',
      type: 'chapter',
      title: 'Consuls on the Danube',
      'container-title': '<i>The Balkans Revisited</i>',
      author: [{ family: 'Jelavich', given: 'Barbara' }],
      editor: [{ family: 'Banac', given: 'Ivo' }],
      issued: { 'date-parts': [[1991]] },
      page: '11-40',
      'page-first': '11',
      publisher: 'Cambridge University Press',
      'publisher-place': 'Cambridge',
      edition: '2nd',
      ISBN: '978-0-521-37260-2',
      DOI: '10.1017/CBO9780511523595.002',
      URL: 'https://example.org/ch{1}',
      accessed: { 'date-parts': [[2024, 5, 31]] },
    });
  });

  it('writes empty files for an article that cites nothing, and its page links none', () => {
    const none = articleWith([]);
    expect([toReferencesCslJson(none), toReferencesRis(none), toReferencesBibtex(none)]).toEqual(['[]\n', '', '']);
    const { bundle } = caseById('edemskiy');
    expect(renderLandingPage(bundle, none, { engine: citeproc })).not.toContain('references.ris');
  });

  it('links the three files from the page of an article with references', () => {
    const { bundle } = caseById('edemskiy');
    const html = renderLandingPage(bundle, articleWith([chapter]), { engine: citeproc });
    for (const file of ['references.ris', 'references.bib', 'references.json']) expect(html).toContain(`href="${file}"`);
  });
});
