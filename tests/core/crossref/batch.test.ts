import { describe, expect, it } from 'vitest';
import { CrossrefDepositError, crossrefLanguage, renderCrossrefDeposit } from '#core/crossref/index';
import { seedIssue } from './load.ts';
import { one, parseXml, text } from '../../helpers/xml-query.ts';

describe('renderCrossrefDeposit: batch parameters', () => {
  it('keeps a timestamp beyond 2^53 exactly, the same from a bigint or a string', () => {
    // Prepare
    const bundle = seedIssue();

    // Act
    const fromBigint = renderCrossrefDeposit(bundle, { batchId: 'batch-1', timestamp: 20230201120000000123n });
    const fromString = renderCrossrefDeposit(bundle, { batchId: 'batch-1', timestamp: '20230201120000000123' });

    // Assess
    expect(text(one(parseXml(fromBigint), 'head/timestamp'))).toBe('20230201120000000123');
    expect(fromString).toBe(fromBigint);
  });

  it.each([
    ['a batch id under 4 characters', { batchId: 'abc', timestamp: '1' }],
    ['a batch id over 100 characters', { batchId: 'b'.repeat(101), timestamp: '1' }],
    ['a timestamp that is a date', { batchId: 'batch-1', timestamp: '2023-02-01' }],
    ['a negative timestamp', { batchId: 'batch-1', timestamp: -1n }],
  ])('throws CrossrefDepositError for %s', (_name, batch) => {
    // Prepare
    const bundle = seedIssue();

    // Act
    const act = (): string => renderCrossrefDeposit(bundle, batch);

    // Assess
    expect(act).toThrow(CrossrefDepositError);
  });
});

describe('crossrefLanguage', () => {
  it.each([
    ['en', 'en'],
    ['sr-Latn', 'sr'],
    ['sr-Cyrl-RS', 'sr'],
    ['haw', 'haw'],
  ])('deposits %s as %s', (tag, expected) => {
    // Act
    const language = crossrefLanguage(tag);

    // Assess
    expect(language).toBe(expected);
  });
});
