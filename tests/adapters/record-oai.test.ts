/**
 * The stored form of a version's prepared OAI-PMH parts (adapters/record-oai.ts): raw DEFLATE with
 * a preset dictionary, smaller than without it, and parts stored before the dictionary still read.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OAI_DICTIONARY, oaiBody, readPrepared } from '#adapters/record-oai';
import { prepareRecord } from '#core/oai/prepared';
import { allRecords } from '#tests/core/oai/fixtures';

describe('prepared OAI parts as stored', () => {
  it('compress with the dictionary to ~0.3 KB less than without it, and read back whole', () => {
    for (const record of allRecords()) {
      // Act
      const { oaiGz } = oaiBody(record);
      // Assess
      const plain = deflateRawSync(JSON.stringify(prepareRecord(record)));
      expect(plain.length - oaiGz.length, record.article.doi).toBeGreaterThan(250);
      expect(readPrepared({ doi: record.article.doi, oaiGz })).toEqual(prepareRecord(record));
    }
  });

  it('written before the dictionary (plain raw DEFLATE) are read the same', () => {
    for (const record of allRecords()) {
      // Prepare
      const oaiGz = deflateRawSync(JSON.stringify(prepareRecord(record)));
      // Act / Assess
      expect(readPrepared({ doi: record.article.doi, oaiGz })).toEqual(prepareRecord(record));
    }
  });

  it('keep their dictionary: stored parts inflate to other bytes under another (raw DEFLATE has no check)', () => {
    // Assess: change it only with a new attribute name (record-oai.ts)
    expect(createHash('sha256').update(OAI_DICTIONARY).digest('hex')).toBe('8f10211cd53eb142edefb7c0399ea8e57cbf3ce02ae7988d324e5c8101797c04');
  });
});
