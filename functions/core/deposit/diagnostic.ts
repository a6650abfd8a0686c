/**
 * Reading what Crossref answers: the receipt of an HTTPS POST and the submission log
 * (`doi_batch_diagnostic`) returned by `submissionDownload?type=result`.
 *
 * - Log format and examples: https://www.crossref.org/documentation/register-maintain-records/verify-your-registration/interpret-submission-logs/
 * - Polling by file name: https://support.crossref.org/hc/en-us/articles/217515926-Using-HTTPS-to-retrieve-logs
 * - Before processing the same URL answers `<doi_batch_diagnostic status="queued">` (or `in_process`),
 *   and `status="unknown_submission"` for a file it does not know.
 *   https://community.crossref.org/t/when-is-the-best-time-period-to-check-submissions/3141
 *
 * A log that cannot be read is a problem, never a success.
 */
import { XMLParser } from 'fast-xml-parser';
import type { RecordOutcome } from './ledger.ts';

export type RecordDiagnostic = {
  readonly status: RecordOutcome;
  /** Empty when the whole file was refused (e.g. schema validation), as Crossref writes `<doi />` then. */
  readonly doi: string;
  readonly message: string;
  readonly msgId?: string | undefined;
  readonly conflictId?: string | undefined;
  readonly doisInConflict: readonly string[];
};

export type BatchCounts = { readonly records: number; readonly success: number; readonly warning: number; readonly failure: number };

export type SubmissionLog =
  | {
      readonly status: 'completed';
      readonly submissionId: string;
      readonly batchId: string;
      readonly records: readonly RecordDiagnostic[];
      readonly counts: BatchCounts;
    }
  /** Received, not processed yet: `queued`, `in_process`, or whatever else Crossref says before `completed`. */
  | { readonly status: 'pending'; readonly crossrefStatus: string; readonly submissionId?: string | undefined }
  /** Crossref does not know a submission by that file name. */
  | { readonly status: 'unknown' };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // DOIs such as 10.5555/11111 and ids must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'record_diagnostic' || name === 'doi' || name === 'msg',
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text of a leaf that fast-xml-parser gave as a string, or as an object with `#text` when it had attributes. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

const OUTCOMES: readonly RecordOutcome[] = ['Success', 'Warning', 'Failure'];

function recordDiagnostic(node: unknown, index: number, problems: string[]): RecordDiagnostic | undefined {
  if (!isNode(node)) {
    problems.push(`record_diagnostic ${index + 1} is empty`);
    return undefined;
  }
  const status = node['@_status'];
  if (!OUTCOMES.includes(status as RecordOutcome)) {
    problems.push(`record_diagnostic ${index + 1} has status ${JSON.stringify(status)}, not Success, Warning or Failure`);
    return undefined;
  }
  const messages = Array.isArray(node.msg) ? node.msg.map(text) : [];
  // Some logs carry the error text directly in record_diagnostic, without <msg>.
  const message = (messages.length > 0 ? messages.join('\n') : text(node)).trim();
  const inConflict = isNode(node.dois_in_conflict) && Array.isArray(node.dois_in_conflict.doi) ? node.dois_in_conflict.doi.map(text) : [];
  const conflictId = text(node.conflict_id) || undefined;
  const msgId = typeof node['@_msg_id'] === 'string' ? node['@_msg_id'] : undefined;
  return { status: status as RecordOutcome, doi: text(first(node.doi)).trim(), message, msgId, conflictId, doisInConflict: inConflict };
}

function count(node: Node, name: string, problems: string[]): number {
  const raw = text(node[name]);
  if (!/^\d+$/.test(raw)) {
    problems.push(`batch_data/${name} is ${JSON.stringify(raw)}, not a count`);
    return 0;
  }
  return Number(raw);
}

function batchCounts(node: unknown, records: readonly RecordDiagnostic[], problems: string[]): BatchCounts {
  if (!isNode(node)) {
    // No batch_data: count what the log lists.
    const of = (s: RecordOutcome): number => records.filter((r) => r.status === s).length;
    return { records: records.length, success: of('Success'), warning: of('Warning'), failure: of('Failure') };
  }
  return {
    records: count(node, 'record_count', problems),
    success: count(node, 'success_count', problems),
    warning: count(node, 'warning_count', problems),
    failure: count(node, 'failure_count', problems),
  };
}

/** Parses a submission log. `completed` is the only status with per-DOI results. */
export function parseSubmissionLog(xml: string): Parsed<SubmissionLog> {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    return { ok: false, problems: [`the submission log is not XML: ${(error as Error).message}`] };
  }
  const root = doc.doi_batch_diagnostic;
  if (root === undefined) return { ok: false, problems: ['the answer has no doi_batch_diagnostic element'] };
  const node: Node = isNode(root) ? root : {};
  const status = typeof node['@_status'] === 'string' ? node['@_status'] : undefined;
  const submissionId = text(node.submission_id) || undefined;
  if (status === 'unknown_submission') return { ok: true, value: { status: 'unknown' } };
  // The emailed log of the documentation's success example has no status attribute, only results.
  const completed = status === 'completed' || (status === undefined && node.batch_data !== undefined);
  if (!completed) return { ok: true, value: { status: 'pending', crossrefStatus: status ?? '', submissionId } };

  const problems: string[] = [];
  const list = Array.isArray(node.record_diagnostic) ? node.record_diagnostic : [];
  const records = list.map((r, i) => recordDiagnostic(r, i, problems)).filter((r): r is RecordDiagnostic => r !== undefined);
  const counts = batchCounts(node.batch_data, records, problems);
  if (!submissionId) problems.push('a completed log has no submission_id');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { status: 'completed', submissionId: submissionId ?? '', batchId: text(node.batch_id), records, counts } };
}

/**
 * The receipt of an HTTPS POST to `/servlet/deposit`: a small HTML page. The text below is what
 * the production and test systems answer (quoted by many client projects); it means the file is
 * queued, not that anything was registered.
 */
export const RECEIPT_TEXT = 'Your batch submission was successfully received.';

export function parseDepositReceipt(body: string): Parsed<{ readonly received: true }> {
  if (body.includes(RECEIPT_TEXT)) return { ok: true, value: { received: true } };
  const plain = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { ok: false, problems: [`Crossref did not confirm the upload: ${plain.slice(0, 300) || '(empty answer)'}`] };
}

/** True for Crossref's refusal of a timestamp that is not larger than the last one for the DOI. */
export function isTimestampRefusal(message: string): boolean {
  return /less or equal to\s+previously submitted version/i.test(message);
}
