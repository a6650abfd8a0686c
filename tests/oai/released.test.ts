/**
 * A scheduled article's OAI-PMH datestamp is its release time (issue 11): it joins the repository
 * when it is released, so a harvester that harvested up to the day before its release must find it
 * with `from`, and its header must say when it appeared. The clock is an input (the context's
 * `now`, the release instant), so nothing sleeps. On main the header said the ingest time, and a
 * `from` after ingest but before release lost the article (noRecordsMatch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOaiStore } from '#adapters/oai-store';
import type { OaiRecordSource } from '#core/oai/source';
import { context, recordById, syntheticItems, withDoi } from '#tests/core/oai/fixtures';
import { all, ask, errorCodes, one, text } from '#tests/core/oai/read';
import { validateXml } from '#tests/helpers/xsd';
import { putItems, startLocalRecords, type LocalRecords } from './records-table.ts';

const HELD = '10.5555/held.1';
const IDENTIFIER = `oai:journal.example.org:${HELD}`;
const INGESTED = '2025-01-10T09:00:00.000Z';
const DUE = '2025-02-01T00:00:00.000Z';
const RELEASED = '2025-02-01T00:15:00.000Z';

let local: LocalRecords;
let source: OaiRecordSource;

beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, syntheticItems(3));
  // Ingest writes the held version on 10 January, due on 1 February.
  await local.records.putVersion(withDoi(recordById('a01-petrovic'), HELD), 'hash-held', { batchId: 'b', now: INGESTED }, undefined, DUE);
  source = createOaiStore({ client: local.client, tableName: local.tableName, journalId: 'testjournal' });
}, 180_000);

afterAll(async () => {
  await local?.stop();
});

const at = (now: string) => context(source, { now });

describe('a released scheduled article in OAI-PMH (DynamoDB Local)', () => {
  it('is not in the repository while held', async () => {
    // Act
    const listed = await ask(at('2025-01-20T00:00:00.000Z'), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    // Assess
    expect(all(listed.root, 'identifier').map(text)).not.toContain(IDENTIFIER);
  });

  it('answers idDoesNotExist for it while held, as for any identifier it does not have', async () => {
    // Act: a harvester that knows (or guesses) the DOI asks for the record before its day.
    const got = await ask(at('2025-01-20T00:00:00.000Z'), `verb=GetRecord&metadataPrefix=oai_dc&identifier=${IDENTIFIER}`);
    const jats = await ask(at('2025-01-20T00:00:00.000Z'), `verb=GetRecord&metadataPrefix=jats&identifier=${IDENTIFIER}`);
    const formats = await ask(at('2025-01-20T00:00:00.000Z'), `verb=ListMetadataFormats&identifier=${IDENTIFIER}`);
    // Assess: nothing of the unreleased article (title, header) in any answer.
    for (const answer of [got, jats, formats]) {
      expect(errorCodes(answer.root)).toEqual(['idDoesNotExist']);
      expect(answer.xml).not.toContain('<header>');
      expect(validateXml('oai', answer.xml).errors).toEqual([]);
    }
  });

  it('has its release time as datestamp, and a harvest from before the release finds it', async () => {
    // Prepare: the release rule fires at 00:15 on the due day.
    expect(await local.records.releaseHead({ doi: HELD, version: 1, journalId: 'testjournal' }, RELEASED)).toBe(true);
    // Act: a harvester that last harvested on 20 January, and one that asks for the record.
    const incremental = await ask(at('2025-02-02T00:00:00.000Z'), 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-01-20T00:00:00Z');
    const got = await ask(at('2025-02-02T00:00:00.000Z'), `verb=GetRecord&metadataPrefix=oai_dc&identifier=${IDENTIFIER}`);
    const before = await ask(at('2025-02-02T00:00:00.000Z'), 'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-31T23:59:59Z');
    // Assess
    expect(errorCodes(incremental.root)).toEqual([]);
    expect(all(incremental.root, 'identifier').map(text)).toEqual([IDENTIFIER]);
    expect(text(one(incremental.root, 'datestamp'))).toBe('2025-02-01T00:15:00Z');
    expect(text(one(one(got.root, 'header'), 'datestamp'))).toBe('2025-02-01T00:15:00Z');
    expect(all(before.root, 'identifier').map(text)).not.toContain(IDENTIFIER);
    expect(validateXml('oai', incremental.xml).errors).toEqual([]);
  });
});
