import { describe, expect, test } from 'vitest';
import { compareDates, isoDate, parsePartialDate } from '#core/model/dates';

describe('parsePartialDate', () => {
  test.each([
    ['2019', { year: 2019 }],
    [2019, { year: 2019 }],
    ['2024-11', { year: 2024, month: 11 }],
    ['2023-02-01', { year: 2023, month: 2, day: 1 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }], // leap year
    ['2000-02-29', { year: 2000, month: 2, day: 29 }], // divisible by 400: leap
    ['2023-12-31', { year: 2023, month: 12, day: 31 }],
  ])('%s is %o', (input, expected) => {
    expect(parsePartialDate(input)).toEqual(expected);
  });

  test.each([
    ['2023-02-30', '2023-02 has no day 30'],
    ['2023-02-29', '2023-02 has no day 29'], // not a leap year
    ['1900-02-29', '1900-02 has no day 29'], // divisible by 100, not 400
    ['2024-04-31', '2024-04 has no day 31'],
    ['2024-00-10', 'month 00 does not exist'],
    ['2024-13', 'month 13 does not exist'],
    ['2024-01-00', '2024-01 has no day 00'],
    ['12.01.2024', 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'],
    ['2024-1-5', 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'],
    ['2024-01-05T10:00', 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'],
  ])('%s is rejected: %s', (input, message) => {
    expect(parsePartialDate(input)).toBe(message);
  });
});

describe('isoDate and compareDates', () => {
  test('isoDate writes as much as is known', () => {
    expect([isoDate({ year: 2019 }), isoDate({ year: 2024, month: 3 }), isoDate({ year: 2023, month: 2, day: 1 })]).toEqual(['2019', '2024-03', '2023-02-01']);
  });

  test('a missing month or day sorts before any known one', () => {
    // Prepare
    const dates = [{ year: 2024, month: 3, day: 2 }, { year: 2024 }, { year: 2023, month: 12 }, { year: 2024, month: 3 }];
    // Act
    const sorted = [...dates].sort(compareDates).map(isoDate);
    // Assess
    expect(sorted).toEqual(['2023-12', '2024', '2024-03', '2024-03-02']);
  });
});
