/**
 * Crossref deposit XML (schema 5.4.0) for one issue: one `doi_batch` with one `journal`, its issue
 * and its articles. Pure: the batch id and the timestamp are parameters.
 * https://www.crossref.org/documentation/schema-library/metadata-deposit-schema-5-4-0/
 */
import type { IssueBundle } from '../model/resolved.ts';
import { serializeXml } from '../xml/tree.ts';
import { doiBatch } from './doi-batch.ts';
import { CrossrefDepositError } from './errors.ts';
import { selection } from './selection.ts';

export { CrossrefDepositError } from './errors.ts';
export { crossrefIssueRules, crossrefRules } from './rules.ts';
export { depositDois } from './selection.ts';
export { crossrefLanguage, CROSSREF_SCHEMA_VERSION, NAMESPACES } from './vocabulary.ts';

export type CrossrefBatch = {
  /** `doi_batch_id`: 4 to 100 characters, unique per deposit; Crossref reports back under it. */
  readonly batchId: string;
  /**
   * `timestamp`: a non-negative integer that must grow from one deposit of a DOI to the next,
   * such as 20230201120000000 (yyyyMMddHHmmssSSS). A string or bigint: the number exceeds 2^53.
   */
  readonly timestamp: bigint | string;
  /** Only these DOIs (case-insensitive): the articles listed, and the issue's own DOI only if listed. */
  readonly dois?: ReadonlySet<string> | undefined;
};

/**
 * Renders the deposit for one issue. Throws CrossrefDepositError for a caller bug: a batch id or
 * timestamp the schema rejects, or a `dois` filter that leaves nothing to register (check with
 * `depositDois` first). Data problems are `crossrefRules`' business, not this function's.
 */
export function renderCrossrefDeposit(bundle: IssueBundle, batch: CrossrefBatch): string {
  const selected = selection(bundle, batch.dois);
  if (!selected.issueDoi && selected.articles.length === 0) {
    throw new CrossrefDepositError(`nothing to deposit for issue ${bundle.issue.id}: no article DOI${batch.dois === undefined ? '' : ' in the dois filter'} and no issue DOI to register`);
  }
  return serializeXml(doiBatch(bundle, { batchId: batchId(batch.batchId), timestamp: timestamp(batch.timestamp) }, selected));
}

function batchId(value: string): string {
  const length = [...value].length;
  if (length < 4 || length > 100) throw new CrossrefDepositError(`doi_batch_id must be 4 to 100 characters, got ${length}`);
  return value;
}

function timestamp(value: bigint | string): string {
  const text = typeof value === 'bigint' ? value.toString() : value;
  if (!/^\d+$/.test(text)) throw new CrossrefDepositError(`timestamp must be a non-negative integer such as 20230201120000000, got ${JSON.stringify(text)}`);
  return text;
}
