/**
 * The deposit's batch id and timestamp when the caller gives none, derived from the metadata
 * and never from the clock, so that the same metadata always builds the same bytes.
 */
import { createHash } from 'node:crypto';
import { compareDates, type IssueBundle, type PartialDate } from '#core/model/index';

/** Crossref's `doi_batch_id` takes 4 to 100 characters. */
export const BATCH_ID_MAX = 100;

/** A digest of the normalised issue: what the deposit says, not how the YAML was laid out. */
export const contentHash = (bundle: IssueBundle): string => createHash('sha256').update(JSON.stringify(bundle)).digest('hex');

/** `<journal>-<issue>-<12 hex digits of the content hash>`; changes whenever the issue's metadata does. */
export function derivedBatchId(bundle: IssueBundle): string {
  const hash = contentHash(bundle);
  const readable = `${bundle.journal.id}-${bundle.issue.id}-${hash.slice(0, 12)}`;
  return [...readable].length <= BATCH_ID_MAX ? readable : `colophon-${hash.slice(0, 32)}`;
}

/** The latest publication date of the issue and its articles (print or online). */
export function latestPublication(bundle: IssueBundle): PartialDate {
  const dates = [bundle.issue.published, ...bundle.articles.map((a) => a.dates.published)].flatMap((p) => [p.print, p.online]);
  return dates.filter((d): d is PartialDate => d !== undefined).reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}

/**
 * The latest publication date as a deposit timestamp (`YYYYMMDDHHMMSSmmm`, the format of
 * core/deposit/timestamp.ts, at midnight; a missing month or day counts as 01). Crossref refuses
 * a deposit whose timestamp is not larger than the last one for a DOI, so a re-deposit of changed
 * metadata needs `--timestamp`.
 */
export function derivedTimestamp(bundle: IssueBundle): string {
  const date = latestPublication(bundle);
  const two = (n: number | undefined): string => String(n ?? 1).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}${two(date.month)}${two(date.day)}000000000`;
}
