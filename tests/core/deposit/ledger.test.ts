import { describe, expect, it } from 'vitest';
import { abandon, depositNeed, needsDeposit, observe, reserve, settle, type DoiLedgerEntry, type Transition } from '#core/deposit/index';

const at = '2025-01-01T00:00:00.000Z';
const doi = '10.5555/a1';

function ok(t: Transition): DoiLedgerEntry {
  if (!t.ok) throw new Error(`transition refused: ${t.reason}`);
  return t.entry;
}

/** A DOI deposited once with hash h1 at timestamp 100, and accepted. */
function registered(): DoiLedgerEntry {
  const submitted = ok(reserve(undefined, { doi, hash: 'h1', timestamp: '100', batchId: 'b1', at }));
  return ok(settle(submitted, { batchId: 'b1', outcome: 'Success', message: 'Successfully added', at }));
}

describe('deposit ledger transitions', () => {
  it('first deposit: reserve then Success → registered with the deposited hash and timestamp', () => {
    // Act
    const entry = registered();
    // Assess
    expect(entry).toMatchObject({ state: 'registered', depositedHash: 'h1', depositedTimestamp: '100', lastTimestamp: '100', message: 'Successfully added' });
    expect(entry.attemptHash).toBeUndefined();
  });

  it('Warning counts as accepted, with the message kept for staff', () => {
    // Prepare
    const submitted = ok(reserve(undefined, { doi, hash: 'h1', timestamp: '100', batchId: 'b1', at }));
    // Act
    const entry = ok(settle(submitted, { batchId: 'b1', outcome: 'Warning', message: 'Added with conflict', at }));
    // Assess
    expect(entry).toMatchObject({ state: 'warning', depositedHash: 'h1', message: 'Added with conflict' });
  });

  it('Failure leaves the accepted version as it was', () => {
    // Prepare
    const submitted = ok(reserve(registered(), { doi, hash: 'h2', timestamp: '200', batchId: 'b2', at }));
    // Act
    const entry = ok(settle(submitted, { batchId: 'b2', outcome: 'Failure', message: 'User not allowed to add records for prefix: 10.5555', at }));
    // Assess
    expect(entry).toMatchObject({ state: 'failed', depositedHash: 'h1', depositedTimestamp: '100', attemptHash: 'h2', lastTimestamp: '200' });
  });

  it.each([
    ['an equal timestamp', '100'],
    ['an older timestamp', '99'],
  ])('refuses to reserve %s', (_case, timestamp) => {
    // Act
    const t = reserve(registered(), { doi, hash: 'h2', timestamp, batchId: 'b2', at });
    // Assess
    expect(t.ok).toBe(false);
  });

  it('refuses a second reservation while one is in flight', () => {
    // Prepare
    const inFlight = ok(reserve(registered(), { doi, hash: 'h2', timestamp: '200', batchId: 'b2', at }));
    // Act
    const t = reserve(inFlight, { doi, hash: 'h3', timestamp: '300', batchId: 'b3', at });
    // Assess
    expect(t).toMatchObject({ ok: false });
  });

  it('ignores a result for another batch', () => {
    // Prepare
    const inFlight = ok(reserve(registered(), { doi, hash: 'h2', timestamp: '200', batchId: 'b2', at }));
    // Act
    const t = settle(inFlight, { batchId: 'b1', outcome: 'Success', message: 'Successfully updated', at });
    // Assess
    expect(t.ok).toBe(false);
  });

  it('abandon keeps the reserved timestamp so the next deposit must use a larger one', () => {
    // Prepare
    const inFlight = ok(reserve(registered(), { doi, hash: 'h2', timestamp: '200', batchId: 'b2', at }));
    // Act
    const released = ok(abandon(inFlight, 'b2', 'never reached Crossref', at));
    // Assess
    expect(released).toMatchObject({ state: 'stale', lastTimestamp: '200', depositedHash: 'h1' });
    expect(reserve(released, { doi, hash: 'h2', timestamp: '200', batchId: 'b3', at }).ok).toBe(false);
    expect(reserve(released, { doi, hash: 'h2', timestamp: '201', batchId: 'b3', at }).ok).toBe(true);
  });

  it('abandon of a first deposit goes back to ready', () => {
    const inFlight = ok(reserve(undefined, { doi, hash: 'h1', timestamp: '100', batchId: 'b1', at }));
    expect(ok(abandon(inFlight, 'b1', 'lost', at)).state).toBe('ready');
  });

  it('observe marks a registered DOI stale when its record changed, and back when it is changed back', () => {
    // Prepare
    const entry = registered();
    // Act
    const stale = observe(entry, doi, 'h2', at);
    const back = observe(stale, doi, 'h1', at);
    // Assess
    expect(stale.state).toBe('stale');
    expect(back.state).toBe('registered');
    expect(observe(undefined, doi, 'h1', at).state).toBe('ready');
  });
});

describe('depositNeed', () => {
  const failed = (): DoiLedgerEntry => ok(settle(ok(reserve(registered(), { doi, hash: 'h2', timestamp: '200', batchId: 'b2', at })), { batchId: 'b2', outcome: 'Failure', message: 'x', at }));

  it.each<[string, () => DoiLedgerEntry | undefined, string, boolean, string]>([
    ['no ledger entry', () => undefined, 'h1', false, 'new'],
    ['registered, same record', registered, 'h1', false, 'unchanged'],
    ['registered, changed record', registered, 'h2', false, 'changed'],
    ['in flight', () => ok(reserve(undefined, { doi, hash: 'h1', timestamp: '1', batchId: 'b', at })), 'h1', false, 'in-flight'],
    ['failed, same record', failed, 'h2', false, 'failed-unchanged'],
    ['failed, same record, retry asked', failed, 'h2', true, 'retry'],
    ['failed, changed again', failed, 'h3', false, 'changed'],
    ['failed, changed back to the accepted record', failed, 'h1', false, 'unchanged'],
  ])('%s', (_case, entry, hash, retryFailed, expected) => {
    // Act
    const need = depositNeed(entry(), hash, { retryFailed });
    // Assess
    expect(need).toBe(expected);
    expect(needsDeposit(need)).toBe(['new', 'changed', 'retry', 'resend'].includes(expected));
  });
});
