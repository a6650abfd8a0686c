import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDepositLedger, type DepositLedger } from '#adapters/deposit-ledger';
import { createRecordsTable, startDynamoLocal, type DynamoLocal } from './dynamodb-local.ts';

let dynamo: DynamoLocal;
let ledger: DepositLedger;
let tableCount = 0;
const at = '2025-01-01T00:00:00.000Z';

beforeAll(async () => {
  dynamo = await startDynamoLocal();
});
afterAll(async () => {
  await dynamo?.stop();
});
beforeEach(async () => {
  const tableName = `ledger-${++tableCount}`;
  await createRecordsTable(dynamo.client, tableName);
  ledger = createDepositLedger({ client: dynamo.client, tableName });
});

const reservation = (batchId: string, timestamp: string, records: { doi: string; hash: string }[]) => ({ batchId, fileName: `${batchId}.xml`, timestamp, records, at });

describe('deposit ledger on DynamoDB Local', () => {
  it('reserves a batch: DOIs submitted with the exact 17-digit timestamp, batch pending', async () => {
    // Act
    const result = await ledger.reserve(reservation('b1', '20250101000000001', [{ doi: '10.5555/A1', hash: 'h1' }]));
    // Assess
    expect(result).toEqual({ ok: true });
    const entry = (await ledger.entries(['10.5555/a1'])).get('10.5555/a1');
    expect(entry).toMatchObject({ doi: '10.5555/A1', state: 'submitted', attemptHash: 'h1', lastTimestamp: '20250101000000001', batchId: 'b1' });
    expect((await ledger.pendingBatches()).map((b) => [b.batchId, b.status, b.dois])).toEqual([['b1', 'reserved', ['10.5555/A1']]]);
  });

  it('keeps a 19-digit timestamp exactly (no float rounding)', async () => {
    await ledger.reserve(reservation('b1', '9223372036854775806', [{ doi: '10.5555/a1', hash: 'h1' }]));
    expect((await ledger.entries(['10.5555/a1'])).get('10.5555/a1')?.lastTimestamp).toBe('9223372036854775806');
  });

  it('settles: Success → registered, Failure → failed; the batch leaves the pending index', async () => {
    // Prepare
    await ledger.reserve(reservation('b1', '20250101000000001', [{ doi: '10.5555/a1', hash: 'h1' }, { doi: '10.5555/a2', hash: 'h2' }]));
    // Act
    const result = await ledger.settle(
      'b1',
      [
        { doi: '10.5555/a1', outcome: 'Success', message: 'Successfully added' },
        { doi: '10.5555/a2', outcome: 'Failure', message: 'User not allowed to add records for prefix: 10.5555' },
      ],
      { submissionId: '1000000001', counts: { records: 2, success: 1, warning: 0, failure: 1 }, at },
    );
    // Assess
    expect(result.settled).toEqual(['10.5555/a1', '10.5555/a2']);
    const entries = await ledger.entries(['10.5555/a1', '10.5555/a2']);
    expect(entries.get('10.5555/a1')).toMatchObject({ state: 'registered', depositedHash: 'h1', depositedTimestamp: '20250101000000001' });
    expect(entries.get('10.5555/a2')).toMatchObject({ state: 'failed', attemptHash: 'h2', message: 'User not allowed to add records for prefix: 10.5555' });
    expect(await ledger.pendingBatches()).toEqual([]);
    expect(await ledger.batch('b1')).toMatchObject({ status: 'completed', submissionId: '1000000001', counts: { records: 2, success: 1, warning: 0, failure: 1 } });
  });

  it.each([
    ['an equal timestamp', '20250101000000001'],
    ['an older timestamp', '20241231000000000'],
  ])('refuses %s and writes nothing (not even the batch)', async (_case, timestamp) => {
    // Prepare
    await ledger.reserve(reservation('b1', '20250101000000001', [{ doi: '10.5555/a1', hash: 'h1' }]));
    await ledger.settle('b1', [{ doi: '10.5555/a1', outcome: 'Success', message: 'Successfully added' }], { submissionId: '1', counts: { records: 1, success: 1, warning: 0, failure: 0 }, at });
    // Act
    const result = await ledger.reserve(reservation('b2', timestamp, [{ doi: '10.5555/a1', hash: 'h2' }, { doi: '10.5555/new', hash: 'h3' }]));
    // Assess
    expect(result).toEqual({ ok: false, conflicts: ['10.5555/a1'] });
    expect(await ledger.batch('b2')).toBeUndefined();
    expect((await ledger.entries(['10.5555/new'])).size).toBe(0);
  });

  it('two concurrent reservations of one DOI: exactly one wins', async () => {
    // Act
    const results = await Promise.all([
      ledger.reserve(reservation('b1', '20250101000000001', [{ doi: '10.5555/a1', hash: 'h1' }])),
      ledger.reserve(reservation('b2', '20250101000000002', [{ doi: '10.5555/a1', hash: 'h1' }])),
    ]);
    // Assess
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await ledger.pendingBatches()).toHaveLength(1);
  });

  it('abandon releases the DOIs but keeps their timestamp; a later result for that batch is ignored', async () => {
    // Prepare
    await ledger.reserve(reservation('b1', '20250101000000001', [{ doi: '10.5555/a1', hash: 'h1' }]));
    // Act
    await ledger.abandon('b1', 'never reached Crossref', at);
    const late = await ledger.settle('b1', [{ doi: '10.5555/a1', outcome: 'Success', message: 'Successfully added' }], { submissionId: '1', counts: { records: 1, success: 1, warning: 0, failure: 0 }, at });
    // Assess
    expect((await ledger.entries(['10.5555/a1'])).get('10.5555/a1')).toMatchObject({ state: 'ready', lastTimestamp: '20250101000000001', message: 'never reached Crossref' });
    expect(late.settled).toEqual([]);
    expect(await ledger.batch('b1')).toMatchObject({ status: 'abandoned' });
    expect((await ledger.reserve(reservation('b2', '20250101000000001', [{ doi: '10.5555/a1', hash: 'h1' }]))).ok).toBe(false);
    expect((await ledger.reserve(reservation('b3', '20250101000000002', [{ doi: '10.5555/a1', hash: 'h1' }]))).ok).toBe(true);
  });
});
