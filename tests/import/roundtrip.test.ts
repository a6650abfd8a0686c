import { describe, expect, it } from 'vitest';
import type { Facts } from './facts.ts';
import { expectedDoi, suffixPart, unmatchedDois } from './roundtrip.ts';

/** A source record's facts with only what `expectedDoi` reads set. */
const facts = (doi: string, volume?: string, issue?: string): Facts => ({ doi, title: 'T', contributors: {}, issns: [], volume, issue, published: {}, references: 0, referenceDois: [] });

describe('the corpus round trip\'s own expectations', () => {
  it('expects the source\'s DOI, or the template\'s counted per volume and issue among all the file\'s records', () => {
    // Prepare
    const sources = [facts('10.1234/x', 'L', '3–4'), facts('', 'L', '3–4'), facts('', '2', '1'), facts('', 'L', '3–4')];

    // Act
    const dois = sources.map((_, k) => expectedDoi(sources, k));

    // Assess
    expect(dois).toEqual(['10.1234/x', '10.5555/corpus.l.3-4.2', '10.5555/corpus.2.1.1', '10.5555/corpus.l.3-4.3']);
  });

  it.each([
    ['no volume', facts('', undefined, '2')],
    ['no issue', facts('', '2')],
    ['a volume without Latin letters or digits', facts('', 'Том', '2')],
  ])('expects no DOI for a record with %s', (_name, record) => {
    // Act
    const doi = expectedDoi([record], 0);

    // Assess
    expect(doi).toBeUndefined();
  });

  it.each([
    ['Vol. L', 'vol-l'],
    ['Suppl. (2)', 'suppl-2'],
    ['3 — 4', '3-4'],
  ])('reads %j as the suffix text %j', (value, text) => {
    expect(suffixPart(value)).toBe(text);
  });

  it('lists the output DOIs that match no source record, ignoring case', () => {
    // Act
    const unmatched = unmatchedDois([{ doi: '10.1234/A' }, { doi: '' }], ['10.1234/a', '10.1234/b']);

    // Assess
    expect(unmatched).toEqual(['10.1234/b']);
  });
});
