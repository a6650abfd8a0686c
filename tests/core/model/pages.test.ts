import { describe, expect, test } from 'vitest';
import { pages } from '#core/model/article';
import { isRoman, pageValue } from '#core/model/pages';

describe('pageValue', () => {
  test.each([
    ['375', 375],
    ['xiv', 14],
    ['XIX', 19],
    ['L', 50],
    ['mcmxcix', 1999],
    ['iv', 4],
    ['S12', null], // a label, not a number
    ['e7', null],
  ])('%s is %s', (input, expected) => {
    expect(pageValue(input)).toBe(expected);
  });

  test.each(['IIII', 'VX', 'IC', 'abc', ''])('%s is not a roman numeral', (input) => {
    expect(isRoman(input)).toBe(false);
  });
});

describe('page ranges', () => {
  test.each([
    [{ first: 375, last: 396 }, { first: '375', last: '396' }],
    [{ first: 'xiv', last: 'xix' }, { first: 'xiv', last: 'xix' }],
    [{ first: 'S12', last: 'S20' }, { first: 'S12', last: 'S20' }],
    [{ first: 'xii', last: 3 }, { first: 'xii', last: '3' }], // front matter into the text: different kinds are not compared
    [{ first: 7 }, { first: '7' }],
  ])('%o is a range, as %o', (input, expected) => {
    expect(pages.parse(input)).toEqual(expected);
  });

  test.each([
    [{ first: 396, last: 375 }, 'last page 375 comes before first page 396'],
    [{ first: 'xix', last: 'xiv' }, 'last page xiv comes before first page xix'],
    [{ first: 'p. 14' }, 'must be a non-empty label'],
    [{ first: '14-20' }, 'must be a page number'],
  ])('%o is rejected: %s', (input, message) => {
    // Act
    const result = pages.safeParse(input);
    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' | ')).toContain(message);
  });
});
