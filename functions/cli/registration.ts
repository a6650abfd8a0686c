/**
 * Where each DOI of a published issue stands with Crossref, read from the stage: the records
 * table's current versions, hashed as the Deposit function hashes them (`recordHashes`), against
 * the deposit ledger (core/deposit/registration.ts). `status` and `register` both read it here, so
 * they cannot disagree with each other or with what the Deposit function would send.
 */
import { issueDepositSource, recordHashes } from '#adapters/crossref-deposit';
import type { DepositLedger } from '#adapters/deposit-ledger';
import type { RecordsStore } from '#adapters/records';
import { doiKey, registrationState, type DepositState, type DoiLedgerEntry } from '#core/deposit/index';
import { orderArticles } from '#core/model/index';
import { isRendered } from '#handlers/flows/deposit-source';

export type DoiRegistration = {
  readonly doi: string;
  /** The article's id; absent for the issue's own DOI. */
  readonly articleId?: string;
  readonly state: DepositState;
  /** Its landing page exists: only then can the Deposit function send it. */
  readonly rendered: boolean;
  readonly entry?: DoiLedgerEntry;
};

export type IssueRegistration = { readonly journalId: string; readonly issueId: string; readonly dois: readonly DoiRegistration[] };

/** Every DOI of a published issue (articles in the issue's order, then the issue's own); undefined when the stage has no such issue. */
export async function issueRegistration(
  records: Pick<RecordsStore, 'getIssue' | 'listIssueArticles'>,
  ledger: Pick<DepositLedger, 'entries'>,
  journalId: string,
  issueId: string,
): Promise<IssueRegistration | undefined> {
  const issue = await records.getIssue(journalId, issueId);
  if (!issue) return undefined;
  const stored = await records.listIssueArticles(journalId, issueId);
  const articles = orderArticles(issue.issue, stored.map((s) => s.record.article));
  const byId = new Map(stored.map((s) => [s.record.article.id, s]));
  const hashes = recordHashes(issueDepositSource({ journal: issue.journal, issue: issue.issue, articles }));
  const entries = hashes.length > 0 ? await ledger.entries(hashes.map((h) => h.doi)) : new Map<string, DoiLedgerEntry>();
  const anyRendered = stored.some(isRendered);
  const articleOf = new Map(articles.map((a) => [doiKey(a.doi), a.id]));
  const dois = hashes.map(({ doi, hash }): DoiRegistration => {
    const entry = entries.get(doiKey(doi));
    const articleId = articleOf.get(doiKey(doi));
    const found = articleId === undefined ? undefined : byId.get(articleId);
    return {
      doi,
      ...(articleId === undefined ? {} : { articleId }),
      state: registrationState(entry, hash),
      rendered: found ? isRendered(found) : anyRendered,
      ...(entry ? { entry } : {}),
    };
  });
  return { journalId, issueId, dois };
}
