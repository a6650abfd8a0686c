/**
 * The base `colophon pull` leaves beside issue.yaml (per deployment), and where a batch came from
 * (its manifest's `source`): the two facts the files/console guard decides on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchSource } from '#adapters/inbox';
import { BASE_FILE, readBase, writeBase, type PulledBase } from '#cli/pull-base';
import { removeTempDirs, tempDir } from './run.ts';

afterAll(removeTempDirs);

const base = (version: number): PulledBase => ({ stage: 'local', pulledAt: '2026-12-07T10:00:00.000Z', issue: { hash: 'i' }, articles: { '10.2298/balc1950375e': { version, hash: `h${version}` } } });

describe('the base beside the files', () => {
  it('is kept per deployment: writing one stage keeps the others', () => {
    const dir = tempDir();
    writeBase(dir, 'prod-table', base(7));
    writeBase(dir, 'dev-table', base(2));
    writeBase(dir, 'dev-table', base(3));
    expect(readBase(dir, 'prod-table')).toEqual(base(7));
    expect(readBase(dir, 'dev-table')).toEqual(base(3));
    expect(readBase(dir, 'other-table')).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, BASE_FILE), 'utf8')).note).toMatch(/colophon publish reads it/);
  });

  it('counts as absent when missing or not ours (the guard then uses the last files publish)', () => {
    const dir = tempDir();
    expect(readBase(dir, 't')).toBeUndefined();
    writeFileSync(join(dir, BASE_FILE), 'not json');
    expect(readBase(dir, 't')).toBeUndefined();
    writeFileSync(join(dir, BASE_FILE), JSON.stringify({ format: 2, stages: {} }));
    expect(readBase(dir, 't')).toBeUndefined();
  });
});

describe('where a batch came from', () => {
  const manifest = (extra: object) => JSON.stringify({ format: 1, batchId: 'b', journal: 'j', issue: 'i', files: { journal: { key: 'k', path: 'p' }, issue: { key: 'k', path: 'p' }, articles: [] }, ...extra });
  const inbox = (text: string | undefined) => ({ getText: async () => text });

  it.each<[string, string | undefined, 'files' | 'console' | undefined]>([
    ['a console publish', manifest({ source: 'console' }), 'console'],
    ['a files publish', manifest({ source: 'files' }), 'files'],
    ['a batch from before the source was recorded', manifest({}), 'files'],
    ['a manifest that does not parse', '{', 'files'],
    ['no manifest', undefined, undefined],
  ])('%s', async (_name, text, source) => {
    expect(await batchSource(inbox(text), 'inbox/j/i/b/_publish.json')).toBe(source);
  });
});
