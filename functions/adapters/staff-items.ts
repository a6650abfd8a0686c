/**
 * The staff console's items in the records table (issue 15): article drafts with an optimistic
 * version, and the audit trail of every change. They sit in their own partitions so the Admin
 * function can be granted writes on these and nothing else (`dynamodb:LeadingKeys`).
 *
 * | item                    | pk                                       | sk                     |
 * | ----------------------- | ---------------------------------------- | ---------------------- |
 * | article draft           | `DRAFT#<journal>#<issue>#<article>`      | `DRAFT`                |
 * | audit entry (immutable) | `AUDIT#<journal>#<issue>#<article>`      | `<iso>#<version 6>`    |
 * | new issue (a draft)     | `DRAFT#<journal>#<issue>`                | `ISSUE`                |
 * | rate limit (per user)   | `RATE#<user id>`                         | `RATE`                 |
 */
export const STAFF_PK_PREFIXES = ['DRAFT#', 'AUDIT#', 'RATE#'] as const;

export type ArticleRef = { readonly journal: string; readonly issue: string; readonly article: string };

const ref = (r: ArticleRef): string => `${r.journal}#${r.issue}#${r.article}`;

export const staffKeys = {
  draft: (r: ArticleRef) => ({ pk: `DRAFT#${ref(r)}`, sk: 'DRAFT' }),
  audit: (r: ArticleRef, at: string, version: number) => ({ pk: `AUDIT#${ref(r)}`, sk: `${at}#${String(version).padStart(6, '0')}` }),
  auditPartition: (r: ArticleRef) => `AUDIT#${ref(r)}`,
  issue: (journal: string, issue: string) => ({ pk: `DRAFT#${journal}#${issue}`, sk: 'ISSUE' }),
  rate: (user: string) => ({ pk: `RATE#${user}`, sk: 'RATE' }),
} as const;
