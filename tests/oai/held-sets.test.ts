/**
 * ListSets on the records table never names an issue before one of its articles is released
 * (issue 16 round 2, found by E): an issue whose articles are all held until a future online date
 * is unreleased metadata (its title, its sections' titles).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOaiStore } from '#adapters/oai-store';
import type { OaiArticleRecord } from '#core/oai/source';
import { context, syntheticItems, withDoi } from '#tests/core/oai/fixtures';
import { all, ask, text } from '#tests/core/oai/read';
import { putItems, startLocalRecords, type LocalRecords } from './records-table.ts';

let local: LocalRecords;
const [released] = syntheticItems(1);
const template = released!.record;
const heldIssue = { ...template.issue, id: 'XIV-2031', volume: 'XIV', year: 2031 };
const held = (n: number): OaiArticleRecord => ({ ...withDoi(template, `10.5555/held.${n}`), issue: heldIssue });

beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, [released!]);
  await local.records.putIssue(template.journal, heldIssue, 'hash-held', { batchId: 'held', now: '2025-01-01T00:00:00.000Z' });
  for (const n of [1, 2]) await local.records.putVersion(held(n), `hash-held-${n}`, { batchId: 'held', now: '2025-01-01T00:00:00.000Z' }, undefined, '2031-01-01T00:00:00.000Z');
}, 180_000);

afterAll(async () => {
  await local?.stop();
});

const listSets = async (): Promise<{ specs: string[]; names: string[] }> => {
  const source = createOaiStore({ client: local.client, tableName: local.tableName, journalId: template.journal.id });
  const sets = await ask(context(source, { now: '2025-06-01T00:00:00.000Z' }), 'verb=ListSets');
  return { specs: all(sets.root, 'setSpec').map(text), names: all(sets.root, 'setName').map(text) };
};

describe('ListSets and held issues', () => {
  it('leaves out an issue whose articles are all held, and lists it once one of them is released', async () => {
    // Act
    const before = await listSets();
    await local.records.releaseHead({ doi: held(1).article.doi, version: 1, journalId: template.journal.id }, '2031-01-01T00:00:01.000Z');
    const after = await listSets();
    // Assess
    expect(before.specs).toContain(`issue:${template.issue.id}`);
    expect(before.specs).not.toContain('issue:XIV-2031');
    expect(before.names.join('\n')).not.toContain('2031');
    expect(after.specs).toContain('issue:XIV-2031');
    expect(after.names.join('\n')).toContain('2031');
  });
});
