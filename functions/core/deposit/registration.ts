/**
 * A DOI's registration as staff see it: the ledger's state (ledger.ts), read against the record as
 * it would be deposited now. One function, used by `colophon status`, `colophon register` (and its
 * `--dry-run`) and `colophon deposit --dry-run`, so they always name the same state for a DOI and
 * agree on what is still to be sent. The names are the ledger's own.
 */
import { depositNeed, type DepositNeed, type DepositState, type DoiLedgerEntry } from './ledger.ts';

/**
 * The state of the DOI whose record now hashes to `hash`: `ready` (Crossref does not have it),
 * `stale` (Crossref has an older form), `registered` / `warning` (Crossref has this form),
 * `submitted` (a deposit is in flight) or `failed` (Crossref refused this form).
 */
export function registrationState(entry: DoiLedgerEntry | undefined, hash: string): DepositState {
  const need = depositNeed(entry, hash);
  switch (need) {
    case 'new':
      return 'ready';
    case 'resend':
    case 'changed':
      return entry?.depositedHash === undefined ? 'ready' : 'stale';
    case 'in-flight':
      return 'submitted';
    case 'failed-unchanged':
    case 'retry':
      return 'failed';
    case 'unchanged':
      // A refused later form, with the accepted one back again: Crossref holds what is published.
      return entry?.state === 'warning' ? 'warning' : 'registered';
  }
}

/**
 * The state a planned or skipped DOI is in, from the plan's reason (`colophon deposit --dry-run`
 * prints it, so its words are status's). One approximation: a record refused before, changed since
 * and never accepted is `changed` to the plan and reads `stale` here, where `registrationState`
 * (which sees the ledger entry) says `ready`.
 */
export function needState(need: DepositNeed): DepositState {
  switch (need) {
    case 'new':
      return 'ready';
    case 'resend':
    case 'changed':
      return 'stale';
    case 'in-flight':
      return 'submitted';
    case 'retry':
    case 'failed-unchanged':
      return 'failed';
    case 'unchanged':
      return 'registered';
  }
}

/** Still to be sent to Crossref: what `colophon register` sends. */
export const toRegister = (state: DepositState): boolean => state === 'ready' || state === 'stale';

/** Crossref holds the record as it is now. */
export const isRegistered = (state: DepositState): boolean => state === 'registered' || state === 'warning';

/** What each state means to staff and what to do about it: status's legend, register's lines and README. */
export const STATE_MEANING: Readonly<Record<DepositState, string>> = {
  ready: 'Crossref does not have this DOI yet: colophon register sends it',
  stale: 'Crossref has an older version of this record: colophon register sends the current one',
  submitted: 'sent to Crossref, waiting for its answer: look again in a few minutes (colophon status)',
  registered: 'Crossref has this record as published',
  warning: "Crossref has this record but warned about it: read Crossref's message",
  failed: "Crossref refused this record: read Crossref's message, fix the metadata and publish again",
};
