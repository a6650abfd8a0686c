/**
 * The simulator's answers to `submissionDownload?type=result`, built as XML trees (never strings):
 * a queued answer, `unknown_submission`, and the completed `doi_batch_diagnostic`.
 */
import { el, leaf, serializeXml, type XmlElement } from '#core/xml/tree';

export type SimRecord = {
  readonly status: 'Success' | 'Warning' | 'Failure';
  readonly doi: string;
  readonly message: string;
  readonly conflictId?: string | undefined;
  readonly doisInConflict?: readonly string[] | undefined;
};

const SERVER = 'crossref-simulator';

function recordDiagnostic(record: SimRecord): XmlElement {
  return el(
    'record_diagnostic',
    { status: record.status },
    // An empty DOI is written as <doi/>, as Crossref does for a file refused whole.
    record.doi ? el('doi', null, record.doi) : el('doi'),
    el('msg', null, record.message),
    leaf('conflict_id', record.conflictId),
    record.doisInConflict && record.doisInConflict.length > 0 ? el('dois_in_conflict', null, record.doisInConflict.map((d) => el('doi', null, d))) : undefined,
  );
}

function batchData(records: readonly SimRecord[]): XmlElement {
  const of = (s: SimRecord['status']): number => records.filter((r) => r.status === s).length;
  return el(
    'batch_data',
    null,
    el('record_count', null, String(records.length)),
    el('success_count', null, String(of('Success'))),
    el('warning_count', null, String(of('Warning'))),
    el('failure_count', null, String(of('Failure'))),
  );
}

export function completedLog(submissionId: number, batchId: string, records: readonly SimRecord[]): string {
  return serializeXml(
    el(
      'doi_batch_diagnostic',
      { status: 'completed', sp: SERVER },
      el('submission_id', null, String(submissionId)),
      batchId ? el('batch_id', null, batchId) : el('batch_id'),
      records.map(recordDiagnostic),
      batchData(records),
    ),
  );
}

export function queuedLog(submissionId: number): string {
  return serializeXml(el('doi_batch_diagnostic', { status: 'queued' }, el('submission_id', null, String(submissionId)), el('batch_id')));
}

export function unknownSubmissionLog(): string {
  return serializeXml(el('doi_batch_diagnostic', { status: 'unknown_submission' }, el('submission_id', null, '0'), el('batch_id')));
}
