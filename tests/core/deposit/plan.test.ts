import { describe, expect, it } from 'vitest';
import { batchIdFor, chunk, outcomes, parseSubmissionLog, planDeposit, reserve, settle, type DoiLedgerEntry, type SubmissionLog } from '#core/deposit/index';

const at = '2025-01-01T00:00:00.000Z';
const now = new Date('2025-01-02T03:04:05.006Z');

function registeredAt(doi: string, hash: string, timestamp: string): DoiLedgerEntry {
  const r = reserve(undefined, { doi, hash, timestamp, batchId: 'b0', at });
  if (!r.ok) throw new Error(r.reason);
  const s = settle(r.entry, { batchId: 'b0', outcome: 'Success', message: 'Successfully added', at });
  if (!s.ok) throw new Error(s.reason);
  return s.entry;
}

describe('planDeposit', () => {
  it('first deposit: every DOI, timestamp from the clock', () => {
    // Act
    const plan = planDeposit({ records: [{ doi: '10.5555/a', hash: 'ha' }, { doi: '10.5555/b', hash: 'hb' }], ledger: new Map(), now });
    // Assess
    expect(plan.deposit.map((d) => [d.doi, d.need])).toEqual([
      ['10.5555/a', 'new'],
      ['10.5555/b', 'new'],
    ]);
    expect(plan.timestamp).toBe('20250102030405006');
  });

  it('unchanged re-publish: nothing to send, no timestamp', () => {
    // Prepare
    const ledger = new Map([['10.5555/a', registeredAt('10.5555/a', 'ha', '20250101000000000')]]);
    // Act
    const plan = planDeposit({ records: [{ doi: '10.5555/A', hash: 'ha' }], ledger, now });
    // Assess
    expect(plan.deposit).toEqual([]);
    expect(plan.skip).toEqual([{ doi: '10.5555/A', need: 'unchanged' }]);
    expect(plan.timestamp).toBeUndefined();
  });

  it('one changed article: only that DOI, with a timestamp larger than its last one even when the clock is behind', () => {
    // Prepare
    const ledger = new Map([
      ['10.5555/a', registeredAt('10.5555/a', 'ha', '20250101000000000')],
      ['10.5555/b', registeredAt('10.5555/b', 'hb', '20250301000000000')],
    ]);
    // Act
    const plan = planDeposit({ records: [{ doi: '10.5555/a', hash: 'ha' }, { doi: '10.5555/b', hash: 'hb2' }], ledger, now });
    // Assess
    expect(plan.deposit.map((d) => d.doi)).toEqual(['10.5555/b']);
    expect(plan.timestamp).toBe('20250301000000001');
  });

  it('sends a DOI listed twice only once', () => {
    const plan = planDeposit({ records: [{ doi: '10.5555/a', hash: 'ha' }, { doi: '10.5555/A', hash: 'ha' }], ledger: new Map(), now });
    expect(plan.deposit).toHaveLength(1);
  });

  it('restricts to `only`', () => {
    const plan = planDeposit({ records: [{ doi: '10.5555/a', hash: 'ha' }, { doi: '10.5555/b', hash: 'hb' }], ledger: new Map(), now, only: ['10.5555/B'] });
    expect(plan.deposit.map((d) => d.doi)).toEqual(['10.5555/b']);
  });
});

describe('outcomes', () => {
  const completed = (xml: string): Extract<SubmissionLog, { status: 'completed' }> => {
    const r = parseSubmissionLog(xml);
    if (!r.ok || r.value.status !== 'completed') throw new Error('not a completed log');
    return r.value;
  };

  it('matches records to the DOIs sent, case-insensitively', () => {
    // Prepare
    const log = completed(
      '<doi_batch_diagnostic status="completed"><submission_id>1</submission_id><batch_id>b</batch_id>' +
        '<record_diagnostic status="Success"><doi>10.5555/A</doi><msg>Successfully updated</msg></record_diagnostic>' +
        '<record_diagnostic status="Failure"><doi>10.5555/b</doi><msg>User not allowed to add records for prefix: 10.5555</msg></record_diagnostic>' +
        '</doi_batch_diagnostic>',
    );
    // Act
    const result = outcomes(['10.5555/a', '10.5555/b', '10.5555/c'], log);
    // Assess
    expect(result).toEqual([
      { doi: '10.5555/a', outcome: 'Success', message: 'Successfully updated' },
      { doi: '10.5555/b', outcome: 'Failure', message: 'User not allowed to add records for prefix: 10.5555' },
      { doi: '10.5555/c', outcome: 'Failure', message: 'Crossref returned no result for this DOI in the submission log' },
    ]);
  });

  it('a file refused whole fails every DOI with the batch message', () => {
    const log = completed('<doi_batch_diagnostic status="completed"><submission_id>1</submission_id><record_diagnostic status="Failure"><doi/><msg>Error validating schema</msg></record_diagnostic></doi_batch_diagnostic>');
    expect(outcomes(['10.5555/a', '10.5555/b'], log).map((o) => [o.outcome, o.message])).toEqual([
      ['Failure', 'Error validating schema'],
      ['Failure', 'Error validating schema'],
    ]);
  });
});

describe('helpers', () => {
  it('chunk splits in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('batchIdFor fits the schema (4–100 characters)', () => {
    const id = batchIdFor('20250102030405006', 'a1b2-c3d4-e5f6-0000');
    expect(id).toBe('colophon-20250102030405006-a1b2c3d4e5f6');
    expect(id.length).toBeLessThanOrEqual(100);
  });
});
