import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchTimestamp, compareTimestamps, formatTimestamp, isTimestamp, nextTimestamp } from '#core/deposit/index';

describe('formatTimestamp', () => {
  it.each([
    ['2023-02-01T00:00:00.000Z', '20230201000000000'],
    ['2024-12-31T23:59:59.999Z', '20241231235959999'],
    // UTC, whatever the offset the date was written with.
    ['2025-06-01T02:03:04.005+02:00', '20250601000304005'],
  ])('%s → %s', (iso, expected) => {
    // Act
    const value = formatTimestamp(new Date(iso));
    // Assess
    expect(value).toBe(expected);
    expect(value).toHaveLength(17);
  });

  it('refuses an invalid date', () => {
    expect(() => formatTimestamp(new Date('nope'))).toThrow(RangeError);
  });

  it('sorts as time: string order, integer order and clock order agree', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01Z'), max: new Date('2999-12-31Z'), noInvalidDate: true }), fc.date({ min: new Date('2000-01-01Z'), max: new Date('2999-12-31Z'), noInvalidDate: true }), (a, b) => {
        const [x, y] = [formatTimestamp(a), formatTimestamp(b)];
        expect(Math.sign(compareTimestamps(x, y))).toBe(Math.sign(a.getTime() - b.getTime()));
        expect(Math.sign(x.localeCompare(y))).toBe(Math.sign(a.getTime() - b.getTime()));
      }),
    );
  });
});

describe('nextTimestamp', () => {
  const now = new Date('2025-03-04T05:06:07.089Z');

  it.each([
    ['no deposit yet', undefined, '20250304050607089'],
    ['last one older than the clock', '20250304050607000', '20250304050607089'],
    ['last one equal to the clock', '20250304050607089', '20250304050607090'],
    ['last one ahead of the clock (clock went back)', '20250304090000000', '20250304090000001'],
    ['last one in OJS seconds (10 digits)', '1704539208', '20250304050607089'],
    ['last one with 19 digits from another system', '2025030409000000000', '2025030409000000001'],
    ['carry across the millisecond field', '20250304235959999', '20250304235960000'],
  ])('%s', (_case, last, expected) => {
    // Act
    const next = nextTimestamp(now, last);
    // Assess
    expect(next).toBe(expected);
    if (last !== undefined) expect(compareTimestamps(next, last)).toBeGreaterThan(0);
  });

  it('is always larger than the last one and never earlier than the clock', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01Z'), max: new Date('2999-12-31Z'), noInvalidDate: true }), fc.bigInt({ min: 0n, max: 10n ** 19n }), (clock, last) => {
        const next = nextTimestamp(clock, last.toString());
        expect(BigInt(next)).toBeGreaterThan(last);
        expect(BigInt(next)).toBeGreaterThanOrEqual(BigInt(formatTimestamp(clock)));
      }),
    );
  });

  it('refuses a last value that is not an integer', () => {
    expect(() => nextTimestamp(now, '2025-03-04')).toThrow(RangeError);
  });
});

describe('batchTimestamp', () => {
  it('is larger than the last timestamp of every DOI in the batch', () => {
    // Prepare
    const now = new Date('2025-03-04T05:06:07.089Z');
    const lasts = [undefined, '20250304050607089', '20250305000000000', '1704539208'];
    // Act
    const ts = batchTimestamp(now, lasts);
    // Assess
    expect(ts).toBe('20250305000000001');
    for (const last of lasts) if (last) expect(compareTimestamps(ts, last)).toBeGreaterThan(0);
  });

  it('is the clock for a batch of new DOIs', () => {
    expect(batchTimestamp(new Date('2025-03-04T05:06:07.089Z'), [undefined])).toBe('20250304050607089');
  });
});

describe('isTimestamp', () => {
  it.each([
    ['20250304050607089', true],
    ['0', true],
    ['', false],
    ['-1', false],
    ['2025.1', false],
  ])('%j → %s', (value, expected) => {
    expect(isTimestamp(value)).toBe(expected);
  });
});
