/**
 * Journals under different Crossref member accounts on one stage (issue 12): the Crossref secret
 * may give a journal its own login, and Deposit sends that journal's files, and settles its pending
 * batches, under it; every other journal goes under the stage's login.
 */
import { describe, expect, it } from 'vitest';
import type { DepositLedger } from '#adapters/deposit-ledger';
import { ConfigError } from '#adapters/errors';
import type { Stored } from '#adapters/records';
import { credentialsFor, parseCrossrefSecret } from '#adapters/secrets';
import { depositIssue, type DepositFlowDeps } from '#handlers/flows/deposit';
import { depositSchedule } from '#handlers/flows/deposit-schedule';
import { richIssue } from '#tests/deposit/fixtures';
import { flowWorld } from './deposit-fakes.ts';

const SECRET = JSON.stringify({
  login_id: 'publisher',
  login_passwd: 'p1',
  callback_token: 't',
  journals: { otherjournal: { login_id: 'othermember', login_passwd: 'p2' } },
});

describe('the Crossref secret with per-journal logins', () => {
  it("gives a journal with its own account that login, and every other journal the stage's", () => {
    // Act
    const secret = parseCrossrefSecret(SECRET, 'arn:secret');

    // Assess
    expect(credentialsFor(secret, 'otherjournal')).toEqual({ loginId: 'othermember', password: 'p2' });
    expect(credentialsFor(secret, 'balcanica')).toEqual({ loginId: 'publisher', password: 'p1' });
    expect(credentialsFor(secret, undefined)).toEqual({ loginId: 'publisher', password: 'p1' });
    expect(credentialsFor(parseCrossrefSecret(JSON.stringify({ login_id: 'a', login_passwd: 'b' }), 'x'), 'otherjournal')).toEqual({ loginId: 'a', password: 'b' });
  });

  it('names the journal and the missing field, never a value', () => {
    const bad = JSON.stringify({ login_id: 'publisher', login_passwd: 'secret-1', journals: { otherjournal: { login_id: 'othermember' } } });
    expect(() => parseCrossrefSecret(bad, 'arn:secret')).toThrow(ConfigError);
    expect(() => parseCrossrefSecret(bad, 'arn:secret')).toThrow(/^secret arn:secret: journals\.otherjournal lacks login_passwd: set them to that journal's Crossref deposit credentials$/);
    expect(() => parseCrossrefSecret(JSON.stringify({ login_id: 'a', login_passwd: 'b', journals: ['x'] }), 'arn:secret')).toThrow(/"journals" must map each journal id/);
  });
});

describe('Deposit under the journal’s own account', () => {
  it("deposits an issue, and settles its pending batch, with the issue's journal's login", async () => {
    // Prepare: Crossref keeps the file queued, so the batch stays pending for the schedule.
    const bundle = richIssue();
    const w = flowWorld(bundle, { queued: true });
    const asked: (string | undefined)[] = [];
    const headOf = (doi: string): Stored => ({ meta: { doi, journalId: bundle.journal.id } }) as unknown as Stored;
    const deps: DepositFlowDeps = {
      ...w.deps,
      records: { ...w.deps.records, getHeads: async (dois: readonly string[]) => new Map(dois.map((d) => [d.toLowerCase(), headOf(d)])) },
      service: async (ledger: DepositLedger, journalId?: string) => (asked.push(journalId), w.deps.service(ledger, journalId)),
    };

    // Act
    await depositIssue(deps, { journalId: bundle.journal.id, issueId: bundle.issue.id });
    const pending = (await w.ledger.pendingBatches()).length;
    await depositSchedule(deps);

    // Assess
    expect(pending).toBeGreaterThan(0);
    // The deposit, the schedule's resume of the pending batch (and its deposit of what is still due): each as the journal.
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked)).toEqual(new Set([bundle.journal.id]));
  });
});
