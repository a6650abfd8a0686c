import { describe, expect, it } from 'vitest';
import { MemoryOaiSource } from '#adapters/oai-memory';
import { METADATA_FORMATS } from '#core/oai/index';
import { validateXml } from '#tests/helpers/xsd';
import { context, fixtureSource, recordById, repository } from './fixtures.ts';
import { all, ask, elements, errorCodes, one, text } from './read.ts';

const SEED = 'oai:journal.example.org:10.2298/BALC1950375E';

/** Every verb and every error code, each response checked against OAI-PMH.xsd (+ oai_dc, oai-identifier). */
const CASES: readonly { readonly query: string; readonly element?: string; readonly codes?: readonly string[] }[] = [
  { query: 'verb=Identify', element: 'Identify' },
  { query: 'verb=ListMetadataFormats', element: 'ListMetadataFormats' },
  { query: `verb=ListMetadataFormats&identifier=${SEED}`, element: 'ListMetadataFormats' },
  { query: 'verb=ListSets', element: 'ListSets' },
  { query: `verb=GetRecord&identifier=${SEED}&metadataPrefix=oai_dc`, element: 'GetRecord' },
  { query: 'verb=ListIdentifiers&metadataPrefix=oai_dc', element: 'ListIdentifiers' },
  { query: 'verb=ListIdentifiers&metadataPrefix=jats&set=section:articles', element: 'ListIdentifiers' },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc', element: 'ListRecords' },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-02&until=2025-01-03', element: 'ListRecords' },
  { query: 'verb=Frobnicate', codes: ['badVerb'] },
  { query: 'verb=Identify&verb=ListSets', codes: ['badVerb'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=jats', codes: ['badArgument'] },
  { query: 'verb=GetRecord&identifier=oai:journal.example.org:10.2298/BALC1950375E', codes: ['badArgument'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=yesterday', codes: ['badArgument'] },
  { query: 'verb=ListRecords&resumptionToken=XXX', codes: ['badResumptionToken'] },
  { query: 'verb=ListSets&resumptionToken=XXX', codes: ['badResumptionToken'] },
  { query: 'verb=ListRecords&metadataPrefix=marcxml', codes: ['cannotDisseminateFormat'] },
  { query: `verb=GetRecord&identifier=${SEED}&metadataPrefix=marcxml`, codes: ['cannotDisseminateFormat'] },
  { query: 'verb=GetRecord&identifier=oai:journal.example.org:10.9999/none&metadataPrefix=oai_dc', codes: ['idDoesNotExist'] },
  { query: 'verb=GetRecord&identifier=oai:elsewhere.org:10.2298/BALC1950375E&metadataPrefix=oai_dc', codes: ['idDoesNotExist'] },
  { query: 'verb=ListMetadataFormats&identifier=oai:journal.example.org:10.9999/none', codes: ['idDoesNotExist'] },
  { query: 'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01', codes: ['noRecordsMatch'] },
  { query: 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=issue:none', codes: ['noRecordsMatch'] },
];

describe('every verb and every error, against the OAI-PMH XSD', () => {
  it.each(CASES)('$query', async ({ query, element, codes }) => {
    // Act
    const { xml, root } = await ask(context(fixtureSource()), query);
    // Assess
    expect(validateXml('oai', xml).errors).toEqual([]);
    expect(errorCodes(root)).toEqual(codes ?? []);
    if (element !== undefined) expect(elements(root).map((e) => e.name)).toEqual(['responseDate', 'request', element]);
  });

  it('reports noSetHierarchy for ListSets while no issue exists, and noMetadataFormats for an item no format fits', async () => {
    // Prepare
    const source = fixtureSource();
    const none = METADATA_FORMATS.map((f) => ({ ...f, available: () => false }));
    // Act
    const sets = await ask(context(new MemoryOaiSource()), 'verb=ListSets');
    const formats = await ask(context(source, { repository: repository({ formats: none }) }), `verb=ListMetadataFormats&identifier=${SEED}`);
    // Assess
    expect(errorCodes(sets.root)).toEqual(['noSetHierarchy']);
    expect(errorCodes(formats.root)).toEqual(['noMetadataFormats']);
    expect(validateXml('oai', sets.xml).errors).toEqual([]);
    expect(validateXml('oai', formats.xml).errors).toEqual([]);
  });
});

describe('the envelope', () => {
  it('echoes the arguments in <request>, but none after badVerb or badArgument (§3.2)', async () => {
    // Prepare
    const ctx = context(fixtureSource());
    // Act
    const good = await ask(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-01-02');
    const format = await ask(ctx, 'verb=ListIdentifiers&metadataPrefix=marc');
    const bad = await ask(ctx, 'verb=ListIdentifiers&metadataPrefix=oai_dc&bogus=1');
    // Assess
    expect(one(good.root, 'request').attrs).toEqual({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: '2025-01-02' });
    expect(one(format.root, 'request').attrs).toEqual({ verb: 'ListIdentifiers', metadataPrefix: 'marc' });
    expect(one(bad.root, 'request').attrs).toEqual({});
    expect(text(one(bad.root, 'request'))).toBe('https://journal.example.org/api/oai');
  });

  it('dates the response with the time passed in, to the second', async () => {
    const { root } = await ask(context(fixtureSource(), { now: '2025-06-30T23:59:59.999Z' }), 'verb=Identify');
    expect(text(one(root, 'responseDate'))).toBe('2025-06-30T23:59:59Z');
  });
});

describe('Identify', () => {
  it('declares second granularity, persistent deletions, gzip and the oai-identifier scheme', async () => {
    // Act
    const { root } = await ask(context(fixtureSource()), 'verb=Identify');
    // Assess
    expect(text(one(root, 'granularity'))).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(text(one(root, 'deletedRecord'))).toBe('persistent');
    expect(text(one(root, 'earliestDatestamp'))).toBe('2025-01-01T10:00:00Z');
    expect(text(one(root, 'compression'))).toBe('gzip');
    expect(text(one(root, 'repositoryIdentifier'))).toBe('journal.example.org');
    expect(text(one(root, 'sampleIdentifier'))).toMatch(/^oai:journal\.example\.org:10\./);
  });

  it('leaves out the oai-identifier description for a host that is no domain name (local runs)', async () => {
    const { xml, root } = await ask(context(fixtureSource(), { repository: repository({ domain: 'localhost' }) }), 'verb=Identify');
    expect(all(root, 'description')).toEqual([]);
    expect(validateXml('oai', xml).errors).toEqual([]);
  });
});

describe('ListSets and set selection', () => {
  it('lists the roots, each issue and each section', async () => {
    const { root } = await ask(context(fixtureSource()), 'verb=ListSets');
    expect(all(root, 'setSpec').map(text)).toEqual(['issue', 'issue:2024-12-3', 'issue:L-2019', 'section', 'section:articles', 'section:reviews']);
  });

  it.each([
    ['issue', 4],
    ['issue:L-2019', 1],
    ['issue:2024-12-3', 3],
    ['section', 3],
    ['section:articles', 2],
    ['section:reviews', 1],
  ] as const)('set=%s selects %i records', async (set, count) => {
    const { root } = await ask(context(fixtureSource()), `verb=ListIdentifiers&metadataPrefix=oai_dc&set=${set}`);
    expect(all(root, 'header')).toHaveLength(count);
  });
});

describe('selective harvesting by datestamp (§3.3.1)', () => {
  it.each([
    ['from=2025-01-02', 3],
    ['until=2025-01-02', 2],
    ['from=2025-01-02T10:00:00Z&until=2025-01-02T10:00:00Z', 1],
    ['from=2025-01-02T10:00:01Z&until=2025-01-03T09:59:59Z', 0],
    ['from=2025-01-01&until=2025-01-04', 4],
  ] as const)('%s → %i records', async (range, count) => {
    const { root } = await ask(context(fixtureSource()), `verb=ListIdentifiers&metadataPrefix=oai_dc&${range}`);
    expect(all(root, 'header')).toHaveLength(count);
  });

  it('compares at second granularity: a change at 10:00:00.700 is inside until=10:00:00Z', async () => {
    // Prepare
    const source = new MemoryOaiSource();
    source.put({ changedAt: '2025-02-01T10:00:00.700Z', deleted: false, record: recordById('edemskiy') });
    // Act
    const { root } = await ask(context(source), 'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-02-01T10:00:00Z');
    // Assess
    expect(all(root, 'datestamp').map(text)).toEqual(['2025-02-01T10:00:00Z']);
  });
});

describe('deleted records (deletedRecord=persistent)', () => {
  const withdrawn = (): MemoryOaiSource => {
    const source = fixtureSource();
    source.put({ changedAt: '2025-02-01T09:00:00.000Z', deleted: true, record: recordById('a02-mueller') });
    return source;
  };

  it('a withdrawn article stays as a header with status="deleted" and no metadata', async () => {
    // Act
    const { xml, root } = await ask(context(withdrawn()), 'verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-01');
    // Assess
    expect(validateXml('oai', xml).errors).toEqual([]);
    const record = one(root, 'record');
    expect(one(record, 'header').attrs).toEqual({ status: 'deleted' });
    expect(text(one(record, 'datestamp'))).toBe('2025-02-01T09:00:00Z');
    expect(all(record, 'metadata')).toEqual([]);
  });

  it('GetRecord answers a tombstone, and it is still found by its set', async () => {
    // Act
    const got = await ask(context(withdrawn()), 'verb=GetRecord&metadataPrefix=jats&identifier=oai:journal.example.org:10.5555/sbt.2024.002');
    const bySet = await ask(context(withdrawn()), 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:reviews');
    // Assess
    expect(validateXml('oai', got.xml).errors).toEqual([]);
    expect(one(got.root, 'header').attrs.status).toBe('deleted');
    expect(one(bySet.root, 'header').attrs.status).toBe('deleted');
  });
});

describe('identifiers', () => {
  it('%-escape what the oai-identifier syntax does not allow, and resolve back (SICI DOIs)', async () => {
    // Prepare
    const source = new MemoryOaiSource();
    const sici = '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0';
    const base = recordById('edemskiy');
    source.put({ changedAt: '2025-01-01T00:00:00.000Z', deleted: false, record: { ...base, article: { ...base.article, doi: sici } } });
    // Act
    const listed = await ask(context(source), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const identifier = text(one(listed.root, 'identifier'));
    const got = await ask(context(source), `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(identifier)}`);
    // Assess
    expect(identifier).toBe('oai:journal.example.org:10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0');
    expect(errorCodes(got.root)).toEqual([]);
    expect(validateXml('oai', got.xml).errors).toEqual([]);
  });

  it('GetRecord finds a DOI whatever its case (DOIs are case-insensitive)', async () => {
    const { root } = await ask(context(fixtureSource()), 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:journal.example.org:10.2298/balc1950375e');
    expect(text(one(one(root, 'header'), 'identifier'))).toBe(SEED);
  });
});
