import { describe, expect, it } from 'vitest';
import { citedDate, slashedDate } from '#core/cite/index';
import type { PartialDate } from '#core/model/index';
import { caseById, editable } from './load.ts';

describe('citedDate', () => {
  it('is the volume year for Balcanica L (printed 2019, online 2023)', () => {
    const { bundle, article } = caseById('edemskiy');
    expect(citedDate(bundle, article)).toEqual({ year: 2019 });
  });

  it.each([
    ['a print date in the volume year, kept whole', { print: { year: 2024, month: 11 } }, { year: 2024, month: 11 }],
    ['a print date in another year: the volume year', { print: { year: 2025, month: 1 } }, { year: 2024 }],
    ['online only: the volume year', { online: { year: 2023, month: 12, day: 1 } }, { year: 2024 }],
  ] as const)('%s', (_name, published, expected) => {
    const c = editable(caseById('a01-petrovic'));
    c.article.dates.published = structuredClone(published);
    expect(citedDate(c.bundle, c.article)).toEqual(expected);
  });
});

describe('slashedDate', () => {
  it.each([
    [{ year: 2023, month: 2, day: 1 }, '2023/02/01'],
    [{ year: 2024, month: 11 }, '2024/11'],
    [{ year: 2019 }, '2019'],
  ] as [PartialDate, string][])('%o → %s', (date, expected) => {
    expect(slashedDate(date)).toBe(expected);
  });
});
