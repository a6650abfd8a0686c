import { describe, expect, it } from 'vitest';
import { parseArguments } from '#core/oai/arguments';
import { parseBound } from '#core/oai/datestamp';
import { args } from './fixtures.ts';

/** Request → the error codes OAI-PMH 2.0 §3.6 and §4 call for (none: the request is legal). */
const CASES: readonly { readonly query: string; readonly codes: readonly string[] }[] = [
  { query: 'verb=Identify', codes: [] },
  { query: '', codes: ['badVerb'] },
  { query: 'verb=Indentify', codes: ['badVerb'] },
  { query: 'verb=Identify&verb=Identify', codes: ['badVerb'] },
  { query: 'verb=Identify&metadataPrefix=oai_dc', codes: ['badArgument'] },
  { query: 'verb=Identify&foo=bar', codes: ['badArgument'] },
  { query: 'verb=ListMetadataFormats', codes: [] },
  { query: 'verb=ListMetadataFormats&identifier=oai:x.org:10.1/a', codes: [] },
  { query: 'verb=ListMetadataFormats&identifier=a&identifier=b', codes: ['badArgument'] },
  { query: 'verb=ListSets', codes: [] },
  { query: 'verb=ListSets&resumptionToken=abc', codes: [] },
  { query: 'verb=ListSets&resumptionToken=abc&set=issue', codes: ['badArgument', 'badArgument'] },
  { query: 'verb=GetRecord&identifier=oai:x.org:10.1/a&metadataPrefix=oai_dc', codes: [] },
  { query: 'verb=GetRecord&identifier=oai:x.org:10.1/a', codes: ['badArgument'] },
  { query: 'verb=GetRecord&metadataPrefix=oai_dc', codes: ['badArgument'] },
  { query: 'verb=GetRecord', codes: ['badArgument', 'badArgument'] },
  { query: 'verb=GetRecord&identifier=oai:x.org:10.1/a&metadataPrefix=oai_dc&metadataPrefix=jats', codes: ['badArgument'] },
  { query: 'verb=GetRecord&identifier=has space&metadataPrefix=oai_dc', codes: ['badArgument'] },
  { query: 'verb=ListRecords', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc', codes: [] },
  { query: 'verb=ListRecords&metadataPrefix=', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai dc', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-12-31', codes: [] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:00Z&until=2024-12-31T23:59:59Z', codes: [] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-12-31T23:59:59Z', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-12-31&until=2024-01-01', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:00.000Z', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T24:00:00Z', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&until=2024-01', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&set=issue:L-2019', codes: [] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&set=issue::x', codes: ['badArgument'] },
  { query: 'verb=ListRecords&resumptionToken=abc', codes: [] },
  { query: 'verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc', codes: ['badArgument'] },
  { query: 'verb=ListIdentifiers&resumptionToken=abc&resumptionToken=abd', codes: ['badArgument'] },
  { query: 'verb=ListIdentifiers&metadataPrefix=oai_dc&identifier=oai:x.org:1', codes: ['badArgument'] },
];

describe('parseArguments', () => {
  it.each(CASES)('$query → [$codes]', ({ query, codes }) => {
    // Act
    const parsed = parseArguments(args(query));
    // Assess
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.code)).toEqual(codes);
  });

  it('echoes exactly the arguments given, for <request>', () => {
    // Act
    const parsed = parseArguments(args('verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&set=issue'));
    // Assess
    expect(parsed).toMatchObject({ ok: true, echo: { metadataPrefix: 'oai_dc', from: '2024-01-01', set: 'issue' } });
  });

  it('turns day bounds into the first and last second of the day', () => {
    // Act
    const parsed = parseArguments(args('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-03-01&until=2024-03-02'));
    // Assess
    expect(parsed.ok && 'start' in parsed.request ? parsed.request.start : undefined).toEqual({
      metadataPrefix: 'oai_dc',
      from: { granularity: 'day', value: '2024-03-01T00:00:00Z' },
      until: { granularity: 'day', value: '2024-03-02T23:59:59Z' },
      set: undefined,
    });
  });
});

describe('parseBound', () => {
  it.each([
    ['2024-02-29', 'from', '2024-02-29T00:00:00Z'],
    ['2023-02-29', 'from', undefined],
    ['2024-12-31T23:59:59Z', 'until', '2024-12-31T23:59:59Z'],
    ['2024-12-31T23:59:60Z', 'until', undefined],
    ['2024-12-31T23:59:59', 'until', undefined],
    ['2024-12-31T23:59:59+01:00', 'until', undefined],
  ] as const)('%s as %s → %s', (value, side, expected) => {
    expect(parseBound(value, side)?.value).toBe(expected);
  });
});
