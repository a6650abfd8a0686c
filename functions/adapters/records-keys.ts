/**
 * The records table's key design, in one place. One table (`RecordsTable`, pk/sk strings) holds
 * every record; three overloaded GSIs answer the questions the handlers ask. They project only keys
 * and the few attributes a list reads from the index itself (RECORD_INDEX_ATTRIBUTES in
 * infra/constructs/records-table.ts); whatever else a list needs is read from the table by key.
 *
 * | item                     | pk                       | sk            | gsi1 (children of a parent)            | gsi2 (OAI: changed since)       | gsi3 (deposits)                    |
 * | ------------------------ | ------------------------ | ------------- | -------------------------------------- | ------------------------------- | ---------------------------------- |
 * | journal                  | `JOURNAL#<journal>`      | `JOURNAL`     | `JOURNALS` / `<journal>`               |                                 |                                    |
 * | journal's sitemap parts  | `SITEMAP#<journal>`      | `PARTS`       |                                        |                                 |                                    |
 * | issue                    | `ISSUE#<journal>#<issue>`| `ISSUE`       | `JOURNAL#<journal>` / `ISSUE#<issue>`  |                                 |                                    |
 * | issue problems (invalid) | `ISSUE#<journal>#<issue>`| `PROBLEMS`    |                                        |                                 |                                    |
 * | deposit file problems    | `ISSUE#<journal>#<issue>`| `PROBLEMS#DEPOSIT` |                                   |                                 |                                    |
 * | article version (immut.) | `ART#<doi>`              | `V#000001`    |                                        |                                 |                                    |
 * | article move (log)       | `ART#<doi>`              | `MOVE#<iso>`  |                                        |                                 |                                    |
 * | article head (current)   | `ART#<doi>`              | `HEAD`        | `ISSUE#<journal>#<issue>` / `ART#<id>` | `OAI#<journal>` / `<iso>#<doi>` | `DEPOSIT#DUE#<n>` / `<iso>#<doi>`  |
 * | notice about the article | `ART#<doi>`              | `NOTICE#<notice doi>` | `NOTICES#<doi prefix>` / `<doi>#<notice doi>` |                  |                                    |
 *
 * - DOIs are case-insensitive (DOI Handbook 2.4), so `<doi>` in keys is lower-cased; items keep
 *   the DOI as written.
 * - A version item is written once (`attribute_not_exists`, never overwritten), then the head is
 *   moved from version n-1 to n by a conditional Put (condition on the head's `version` and owner):
 *   two single-item writes, no transaction (records-articles.ts `putVersion`). A version is
 *   published only once the head names it; an item at a number the head passed over (`skipped`)
 *   or above the head's is an orphan of a crashed or losing writer, and readers ignore it
 *   (`committed` below), so a retried or concurrent ingest never publishes two versions for one
 *   change, nor half of one.
 * - `COUNTER#ARTICLES#<batch>` (pk `JOURNAL#<journal>`): how many articles that batch published
 *   first (records-counter.ts); the journal's count is their sum, with `COUNTER#ARTICLES` (the
 *   one counter items written before issue 16's change incremented).
 * - gsi3 is sparse and shared by two partitions: `DEPOSIT#DUE#<n>` holds article heads whose current
 *   version still waits for a Crossref deposit (written here; `markDeposited` removes it), in
 *   `DEPOSIT_DUE_SHARDS` shards by the DOI's CRC-32 (issue 16: one `DEPOSIT#DUE` partition took
 *   every article of a first publish, and a GSI partition takes ~1,000 writes a second; heads
 *   written before the split sit in `DEPOSIT#DUE` itself, still read), and
 *   `DEPOSIT#PENDING` holds deposit batches in flight (written by deposit-ledger.ts, with its
 *   `DEPOSIT#<doi>` / `STATE` and `BATCH#<id>` / `BATCH` items).
 * - gsi3's third partition, `SCHEDULED`, holds article heads whose online date is still to come
 *   (`<release instant>#<doi>`); such a head has no gsi2 or `DEPOSIT#DUE` entry until the scheduled
 *   release moves it there (records-schedule.ts).
 * - gsi2's sort key starts with the ISO datestamp of the head's last change, so "records changed
 *   in [from, until]" is one range query per journal (OAI-PMH 2.0 §3.3.1 selective harvesting).
 */

import { crc32 } from 'node:zlib';

/** DOI Handbook 2.4: DOI names are case-insensitive; keys use one case. */
const doiKey = (doi: string): string => doi.toLowerCase();

export const VERSION_DIGITS = 6;

/** Who recorded an issue's problems: Ingest (the metadata did not load) or Deposit (the Crossref file did not validate). */
export type ProblemSource = 'upload' | 'deposit';

export const keys = {
  journal: (journalId: string) => ({ pk: `JOURNAL#${journalId}`, sk: 'JOURNAL' }),
  /** How many articles the journal has (attribute `articles`): OAI-PMH's completeListSize without a count query. */
  articleCounter: (journalId: string) => ({ pk: `JOURNAL#${journalId}`, sk: 'COUNTER#ARTICLES' }),
  /** How many articles one batch published first (records-counter.ts); `articleCounter`'s sort key is its prefix. */
  batchCounter: (journalId: string, batchId: string) => ({ pk: `JOURNAL#${journalId}`, sk: `COUNTER#ARTICLES#${batchId}` }),
  /**
   * The sitemap files the journal's last site job wrote (records-sitemaps.ts): the stage's sitemap
   * index lists them. A partition of its own, so Site may write it and nothing else (IAM `dynamodb:LeadingKeys`).
   */
  sitemapParts: (journalId: string) => ({ pk: `${SITEMAP_PK_PREFIX}${journalId}`, sk: 'PARTS' }),
  journalIndex: (journalId: string) => ({ gsi1pk: 'JOURNALS', gsi1sk: journalId }),
  issue: (journalId: string, issueId: string) => ({ pk: `ISSUE#${journalId}#${issueId}`, sk: 'ISSUE' }),
  issueIndex: (journalId: string, issueId: string) => ({ gsi1pk: `JOURNAL#${journalId}`, gsi1sk: `ISSUE#${issueId}` }),
  /** Why an issue's upload was refused (Ingest), or its Crossref deposit file (Deposit): one item each, so neither clears the other's. */
  problems: (journalId: string, issueId: string, source: ProblemSource = 'upload') => ({ pk: `ISSUE#${journalId}#${issueId}`, sk: source === 'upload' ? 'PROBLEMS' : 'PROBLEMS#DEPOSIT' }),
  version: (doi: string, version: number) => ({ pk: `ART#${doiKey(doi)}`, sk: `V#${String(version).padStart(VERSION_DIGITS, '0')}` }),
  head: (doi: string) => ({ pk: `ART#${doiKey(doi)}`, sk: 'HEAD' }),
  /** One staff decision to move a DOI to another issue (`colophon move`), kept as the log of who moved what, when and why. */
  move: (doi: string, at: string) => ({ pk: `ART#${doiKey(doi)}`, sk: `MOVE#${at}` }),
  articleIndex: (journalId: string, issueId: string, articleId: string) => ({ gsi1pk: `ISSUE#${journalId}#${issueId}`, gsi1sk: `ART#${articleId}` }),
  oaiIndex: (journalId: string, datestamp: string, doi: string) => ({ gsi2pk: `OAI#${journalId}`, gsi2sk: `${datestamp}#${doiKey(doi)}` }),
  depositIndex: (datestamp: string, doi: string) => ({ gsi3pk: depositDueShard(doi), gsi3sk: `${datestamp}#${doiKey(doi)}` }),
  /** A head held until its online date (records-schedule.ts), in gsi3's `SCHEDULED` partition by release instant. */
  scheduledIndex: (releaseAt: string, doi: string) => ({ gsi3pk: SCHEDULED, gsi3sk: `${releaseAt}#${doiKey(doi)}` }),
  /** A correction, retraction or expression of concern about `doi` (records-links.ts). */
  notice: (doi: string, noticeDoi: string) => ({ pk: `ART#${doiKey(doi)}`, sk: `NOTICE#${doiKey(noticeDoi)}` }),
  /**
   * Every notice about a DOI under one prefix, in gsi1's `NOTICES#<prefix>` partition (the DOI's
   * prefix never changes, unlike the issue an article sits in): one query finds the notices about
   * a whole issue's articles (Site's tables of contents) instead of one query per article.
   */
  noticeIndex: (doi: string, noticeDoi: string) => ({ gsi1pk: `NOTICES#${doiKey(doi).split('/')[0]}`, gsi1sk: `${doiKey(doi)}#${doiKey(noticeDoi)}` }),
} as const;

/** The partition key prefix of the journals' sitemap parts, the one thing Site writes in the records table. */
export const SITEMAP_PK_PREFIX = 'SITEMAP#';
/** Articles whose current version Crossref has not yet accepted (see deposit-ledger.ts for `DEPOSIT#PENDING` batches). */
export const DEPOSIT_DUE = 'DEPOSIT#DUE';
/**
 * How many gsi3 partitions the deposits due are spread over. Each list of the deposits due costs
 * one query per shard (the schedule's, every 15 minutes: ~26,000 small queries a month at 8), and
 * 8 partitions take a first publish at ~8,000 articles a second before DynamoDB throttles the index.
 */
export const DEPOSIT_DUE_SHARDS = 8;
/** The deposits-due partition of a DOI: the same for every version, so a new version replaces its entry in place. */
export const depositDueShard = (doi: string): string => `${DEPOSIT_DUE}#${crc32(doiKey(doi)) % DEPOSIT_DUE_SHARDS}`;
/** Every partition the deposits due may sit in: the shards, then the one partition heads written before the split use. */
export const DEPOSIT_DUE_PARTITIONS: readonly string[] = [...Array.from({ length: DEPOSIT_DUE_SHARDS }, (_, n) => `${DEPOSIT_DUE}#${n}`), DEPOSIT_DUE];
/** Article heads held until a future online date, by release instant: the scheduled release reads the due ones. */
export const SCHEDULED = 'SCHEDULED';
export const INDEX = { children: 'gsi1', changedSince: 'gsi2', deposits: 'gsi3' } as const;

/**
 * Whether version `version` of an article is one its head published: not above the head's, and
 * not one passed over (`skipped`). A version item that is not is an orphan of `putVersion` (a
 * writer that crashed or lost a race after writing it) and is read by no one.
 */
export function committed(head: { readonly version: number; readonly skipped?: readonly number[] | undefined } | undefined, version: number): boolean {
  return head !== undefined && version <= head.version && !(head.skipped ?? []).includes(version);
}

