import { describe, expect, it } from 'vitest';
import { Notes } from '#core/import/notes';
import { dateText, doiOf, langOf, orcidOf, pagesOf } from '#core/import/values';

describe('import values', () => {
  it.each([
    ['123-130', undefined, { first: '123', last: '130' }],
    ['123–30', undefined, { first: '123', last: '130' }],
    ['e30', undefined, { first: 'e30' }],
    ['i-ii', undefined, { first: 'i', last: 'ii' }],
    ['11', '11', { first: '11', last: '11' }],
    ['375', '396', { first: '375', last: '396' }],
    ['473s', undefined, { first: '473s' }],
    ['604.4-604', undefined, { first: '604.4', last: '604' }],
  ])('pages %s / %s', (first, last, expected) => {
    // Act
    const pages = pagesOf(first, last, Notes.create());

    // Assess
    expect(pages).toEqual(expected);
  });

  it.each([
    [['2017', '5', '24'], '2017-05-24'],
    [['2017', '05'], '2017-05'],
    [['1996', '22'], '1996'],
    [['2019', '2', '30'], '2019-02'],
    [['97'], undefined],
  ])('date %j', (parts, expected) => {
    // Act & Assess
    expect(dateText(...(parts as [string, string?, string?]))).toBe(expected);
  });

  it.each([
    ['EN', 'en'],
    ['en_US', 'en-US'],
    ['sr_RS@latin', 'sr-Latn-RS'],
    ['', undefined],
  ])('language %s', (source, expected) => {
    expect(langOf(source)).toBe(expected);
  });

  it('keeps SICI DOIs with brackets and semicolons, strips resolver prefixes', () => {
    // Prepare
    const notes = Notes.create();

    // Act & Assess
    expect(doiOf('10.1890/0012-9658(2006)87[2832:TIOPMA]2.0.CO;2', notes, 'doi')).toBe('10.1890/0012-9658(2006)87[2832:TIOPMA]2.0.CO;2');
    expect(doiOf('https://dx.doi.org/10.1234/x', notes, 'doi')).toBe('10.1234/x');
    expect(doiOf('info:doi/10.1371/journal.pone.0086816', notes, 'doi')).toBe('10.1371/journal.pone.0086816');
    expect(notes.list).toEqual([]);
  });

  it('leaves out an ORCID that fails its checksum, and says so', () => {
    // Prepare
    const notes = Notes.create();

    // Act
    const orcid = orcidOf('http://orcid.org/0000-0002-1825-0098', notes, 'contributors[0]');

    // Assess
    expect(orcid).toBeUndefined();
    expect(notes.list).toEqual(['contributors[0]: ORCID "http://orcid.org/0000-0002-1825-0098" fails its checksum or pattern: left out']);
  });
});
