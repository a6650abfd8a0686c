import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RecordCorruptError } from '#adapters/errors';
import { readRecordBody, recordBody } from '#adapters/record-body';
import { caseBundle } from '#tests/helpers/cases';

const bundle = caseBundle({});
const record = { journal: bundle.journal, issue: bundle.issue, article: bundle.articles[0]! };

describe('record body in the records table', () => {
  it('stores the seed record compressed, in well under half its JSON size, and reads it back equal', () => {
    const json = JSON.stringify(record);
    const body = recordBody(record);
    expect(Object.keys(body)).toEqual(['recordGz']);
    expect(body.recordGz.byteLength).toBeLessThan(json.length / 2);
    expect(readRecordBody(body, 'seed')).toEqual(JSON.parse(json));
  });

  it('still reads items written before compression (a JSON string in `record`)', () => {
    expect(readRecordBody({ record: JSON.stringify(record) }, 'old item')).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('names the item when a body cannot be read', () => {
    expect(() => readRecordBody({ recordGz: new Uint8Array([1, 2, 3]) }, '10.5555/broken v2')).toThrow(RecordCorruptError);
    expect(() => readRecordBody({ recordGz: gzipSync('{"not json') }, '10.5555/broken v2')).toThrow(/10\.5555\/broken v2/);
    expect(readRecordBody({}, 'empty')).toBeUndefined();
  });
});
