/**
 * One state per DOI for the record as published, from the ledger entry and the record's hash:
 * what status, register and deposit --dry-run all print (issue 13 item 7: status said
 * "registered (update due)" while deposit --dry-run said "0 to deposit").
 */
import { describe, expect, it } from 'vitest';
import { registrationState, toRegister, type DoiLedgerEntry } from '#core/deposit/index';

const at = '2026-03-01T10:00:00.000Z';
const entry = (fields: Partial<DoiLedgerEntry> & Pick<DoiLedgerEntry, 'state'>): DoiLedgerEntry => ({ doi: '10.5555/x', updatedAt: at, ...fields });

describe('registrationState', () => {
  it.each([
    ['never sent', undefined, 'ready'],
    ['abandoned before Crossref accepted it once', entry({ state: 'ready' }), 'ready'],
    ['accepted in this form (whatever the head says)', entry({ state: 'registered', depositedHash: 'h1' }), 'registered'],
    ['accepted with a warning in this form', entry({ state: 'warning', depositedHash: 'h1' }), 'warning'],
    ['accepted in an older form', entry({ state: 'registered', depositedHash: 'h0' }), 'stale'],
    ['stale in the ledger, but the record is back to the accepted form', entry({ state: 'stale', depositedHash: 'h1' }), 'registered'],
    ['an older accepted form, abandoned resend', entry({ state: 'ready', depositedHash: 'h0' }), 'stale'],
    ['in flight', entry({ state: 'submitted', attemptHash: 'h1' }), 'submitted'],
    ['refused in this form', entry({ state: 'failed', attemptHash: 'h1' }), 'failed'],
    ['refused in another form, never accepted', entry({ state: 'failed', attemptHash: 'h0' }), 'ready'],
    ['refused in another form, this one accepted before', entry({ state: 'failed', attemptHash: 'h2', depositedHash: 'h1' }), 'registered'],
  ] as const)('%s', (_name, ledger, expected) => {
    // Act
    const state = registrationState(ledger, 'h1');
    // Assess
    expect(state).toBe(expected);
  });

  it('sends exactly the DOIs Crossref lacks or holds in an older form', () => {
    expect((['ready', 'stale', 'submitted', 'registered', 'warning', 'failed'] as const).filter(toRegister)).toEqual(['ready', 'stale']);
  });
});
