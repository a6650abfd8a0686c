/**
 * The prepared parts of an OAI-PMH record (core/oai/prepared.ts): a response made from them is
 * byte for byte the one rendered from the record, and their revision is bumped when what they
 * hold changes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryOaiSource } from '#adapters/oai-memory';
import { PAYLOAD_DEPTH, PREPARED_REVISION, prepareRecord } from '#core/oai/prepared';
import type { OaiItem } from '#core/oai/source';
import { el, raw, serializeFragment, serializeXml } from '#core/xml/tree';
import { allRecords, context } from './fixtures.ts';
import { harvest } from './read.ts';

const items: OaiItem[] = allRecords().map((record, n) => ({ changedAt: `2025-01-0${(n % 9) + 1}T10:00:0${Math.floor(n / 9)}.000Z`, deleted: n === 1, record }));

async function pages(withParts: boolean, query: string, stageWide = false): Promise<string[]> {
  const source = new MemoryOaiSource();
  for (const item of items) source.put(withParts ? { ...item, prepared: prepareRecord(item.record) } : item);
  return (await harvest(() => context(source, { repository: { ...context(source).repository, stageWide, pageSize: { ListRecords: 2, ListIdentifiers: 2 } } }), query)).map((p) => p.xml);
}

describe('prepared OAI-PMH parts', () => {
  it('make the same bytes as the records they were made from (ListRecords, ListIdentifiers, sets, the stage repository, jats unprepared)', async () => {
    for (const query of ['verb=ListRecords&metadataPrefix=oai_dc', 'verb=ListIdentifiers&metadataPrefix=oai_dc', 'verb=ListRecords&metadataPrefix=oai_dc&set=section', 'verb=ListRecords&metadataPrefix=jats']) {
      for (const stageWide of [false, true]) expect(await pages(true, query, stageWide), query).toEqual(await pages(false, query, stageWide));
    }
  });

  it('a serialised fragment placed at another depth than it was made for is refused, not written misindented', () => {
    const fragment = serializeFragment(el('a', null, el('b', null, 'x')), PAYLOAD_DEPTH);
    expect(() => serializeXml(el('root', null, el('one', null, raw(fragment))))).toThrow(/depth 4 was placed at depth 2/);
  });

  // The hash is of the parts made from the fixture records (the records change it too: then re-pin it, with a bump if the parts' code changed).
  it(`revision ${PREPARED_REVISION} still makes what it made: bump PREPARED_REVISION (and this hash) when the oai_dc payload, the set specs or the serialiser change`, () => {
    const hash = createHash('sha256').update(JSON.stringify(allRecords().map(prepareRecord))).digest('hex');
    expect({ revision: PREPARED_REVISION, hash }).toEqual({ revision: 1, hash: 'a8e7beb74ee73300ba8b5858ef1e25492582c8d1b3e40b812e6ed6caf998e0ba' });
  });
});
