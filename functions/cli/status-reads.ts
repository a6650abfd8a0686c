/**
 * One issue's `status` reads its records and ledger entries once (issue 16). The titles, the
 * registration (registration.ts, shared with `register`) and the Crossref column each ask for the
 * same heads, bodies and ledger entries; at 5,000 articles in one issue that was 8 items read per
 * article (40,002 items, 362 requests) where 4 do. Each read is kept as its promise, so callers
 * running at once share one request, and a failure (a corrupt record) reaches every caller.
 */
import type { DepositLedger } from '#adapters/deposit-ledger';
import type { RecordsStore } from '#adapters/records';
import { doiKey, type DoiLedgerEntry } from '#core/deposit/index';

export type SharedReads = {
  readonly records: Pick<RecordsStore, 'getIssue' | 'listIssueArticles'>;
  readonly ledger: Pick<DepositLedger, 'entries'>;
};

function once<T>(kept: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let found = kept.get(key);
  if (found === undefined) {
    found = read();
    kept.set(key, found);
  }
  return found;
}

/** Reads through `records` and `ledger`, each issue, issue's articles and DOI's entry once. */
export function sharedReads(records: Pick<RecordsStore, 'getIssue' | 'listIssueArticles'>, ledger: Pick<DepositLedger, 'entries'>): SharedReads {
  const issues = new Map<string, ReturnType<RecordsStore['getIssue']>>();
  const articles = new Map<string, ReturnType<RecordsStore['listIssueArticles']>>();
  const entries = new Map<string, Promise<DoiLedgerEntry | undefined>>();
  return {
    records: {
      getIssue: (journalId, issueId) => once(issues, `${journalId}\u0000${issueId}`, () => records.getIssue(journalId, issueId)),
      listIssueArticles: (journalId, issueId, options) =>
        once(articles, `${journalId}\u0000${issueId}\u0000${options?.scheduled === true}`, () => records.listIssueArticles(journalId, issueId, options)),
    },
    ledger: {
      async entries(dois) {
        const missing = [...new Set(dois.map(doiKey))].filter((key) => !entries.has(key));
        if (missing.length > 0) {
          const read = ledger.entries(missing);
          for (const key of missing) entries.set(key, read.then((found) => found.get(key)));
        }
        const out = new Map<string, DoiLedgerEntry>();
        for (const key of new Set(dois.map(doiKey))) {
          const entry = await entries.get(key);
          if (entry !== undefined) out.set(key, entry);
        }
        return out;
      },
    },
  };
}
