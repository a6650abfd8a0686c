/**
 * Who owns a DOI on a stage: the journal and issue that first published it. Pure rules shared by
 * the records writes (records-articles.ts), Ingest's check before writing and `colophon move`.
 */

/** Where an article is published: the journal and issue that own its DOI. */
export type Owner = { readonly journalId: string; readonly issueId: string };

/** A staff decision, logged, that the DOI may move to another issue (`colophon move`); the next version written there takes it. */
export type MoveAuthorisation = Owner & { readonly by: string; readonly at: string; readonly reason?: string };

export const sameOwner = (a: Owner, b: Owner): boolean => a.journalId === b.journalId && a.issueId === b.issueId;

/** Whether the issue `to` may write the DOI whose head is `head`: its own issue, or one a logged move authorised. */
export function mayWrite(head: Owner & { readonly moveTo?: Owner | undefined }, to: Owner): boolean {
  return sameOwner(head, to) || (head.moveTo !== undefined && sameOwner(head.moveTo, to));
}
