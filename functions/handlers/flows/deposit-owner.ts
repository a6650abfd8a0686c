/**
 * Which Crossref account a deposit batch belongs to. Crossref shows a submission's log only to the
 * account that sent it, and a stage's journals may deposit under different member accounts
 * (adapters/secrets.ts `journals`). So each batch records its journal and the login it is sent
 * under when it is reserved, and whoever later fetches its log (the notification callback, the
 * schedule) uses that login, and only that one.
 */
import type { CrossrefCredentials } from '#adapters/crossref-http';
import type { BatchEntry, DepositLedger } from '#adapters/deposit-ledger';
import { credentialsFor, type CrossrefSecret } from '#adapters/secrets';

export type BatchOwner = { readonly journalId?: string | undefined; readonly loginId: string };

/** The ledger as a deposit under `owner`'s login sees it: every batch it reserves records that owner. */
export const ownedBy = (ledger: DepositLedger, owner: BatchOwner): DepositLedger => ({
  ...ledger,
  reserve: (reservation) => ledger.reserve({ ...reservation, journalId: owner.journalId, loginId: owner.loginId }),
});

/**
 * The credentials that may fetch this batch's log: the login it records, found among the secret's
 * logins (stage or journals); for a batch reserved before batches recorded it, the journal's login.
 * Undefined when the recorded login is no longer in the secret (nothing else may ask for its log).
 */
export function batchCredentials(secret: CrossrefSecret, batch: Pick<BatchEntry, 'journalId' | 'loginId'>): CrossrefCredentials | undefined {
  if (batch.loginId === undefined) return credentialsFor(secret, batch.journalId);
  const preferred = credentialsFor(secret, batch.journalId);
  if (preferred.loginId === batch.loginId) return preferred;
  return [secret.credentials, ...(secret.journals?.values() ?? [])].find((c) => c.loginId === batch.loginId);
}
