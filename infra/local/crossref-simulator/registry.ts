/**
 * The simulator's memory: what Crossref would hold per DOI (the last accepted timestamp) and each
 * submission with its log. A deposit is processed when it is received (so processing order is
 * arrival order, as in Crossref's queue); its log is shown only after some polls or some time.
 */
import type { XmlValidator } from '#adapters/crossref-xsd';
import type { SimRecord } from './logs.ts';
import { MESSAGES } from './messages.ts';
import { readDepositFile } from './records.ts';

export type ForcedOutcome = { readonly status: 'Warning' | 'Failure'; readonly message?: string };

export type Submission = {
  readonly submissionId: number;
  readonly fileName: string;
  readonly contents: string;
  readonly receivedAt: number;
  readonly batchId: string;
  readonly timestamp: string;
  readonly records: readonly SimRecord[];
  /** The account that sent it: only that account sees its log (and gets its callback). */
  readonly loginId: string;
  polls: number;
  /** Crossref sent the notification callback: the log is available from then on, however few polls came before. */
  notified: boolean;
};

export type DoiRecord = { readonly timestamp: string; readonly submissionId: number; readonly accepted: number };

const key = (doi: string): string => doi.toLowerCase();
const prefixOf = (doi: string): string => doi.slice(0, Math.max(0, doi.indexOf('/')));

export class Registry {
  readonly dois = new Map<string, DoiRecord>();
  readonly submissions: Submission[] = [];
  readonly forced = new Map<string, ForcedOutcome>();
  private nextId = 1_000_000_001;

  constructor(
    private readonly validate: XmlValidator,
    private readonly prefixes: readonly string[] | undefined,
  ) {}

  /** Processes one uploaded file and keeps its log. */
  receive(fileName: string, contents: string, receivedAt: number, loginId = ''): Submission {
    const submissionId = this.nextId++;
    const { batchId, timestamp, records } = this.process(contents, submissionId);
    const submission: Submission = { submissionId, fileName, contents, receivedAt, batchId, timestamp, records, loginId, polls: 0, notified: false };
    this.submissions.push(submission);
    return submission;
  }

  /** Crossref returns the first submission with that file name. */
  byFileName(fileName: string): Submission | undefined {
    return this.submissions.find((s) => s.fileName === fileName);
  }

  byBatchId(batchId: string): Submission | undefined {
    return this.submissions.find((s) => s.batchId === batchId);
  }

  reset(): void {
    this.dois.clear();
    this.submissions.length = 0;
    this.forced.clear();
  }

  private process(contents: string, submissionId: number): { batchId: string; timestamp: string; records: SimRecord[] } {
    const checked = this.validate(contents);
    if (!checked.valid) {
      const detail = checked.errors.slice(0, 3).join(' ');
      let batchId = '';
      try {
        batchId = readDepositFile(contents).batchId;
      } catch {
        // Not even XML: no batch id to report.
      }
      return { batchId, timestamp: '', records: [{ status: 'Failure', doi: '', message: MESSAGES.schema(detail) }] };
    }
    const file = readDepositFile(contents);
    const submitted = BigInt(file.timestamp);
    const records = file.dois.map((doi) => this.record(doi, file.timestamp, submitted, submissionId));
    return { batchId: file.batchId, timestamp: file.timestamp, records };
  }

  private record(doi: string, timestamp: string, submitted: bigint, submissionId: number): SimRecord {
    const prefix = prefixOf(doi);
    if (this.prefixes && !this.prefixes.includes(prefix)) return { status: 'Failure', doi, message: MESSAGES.prefix(prefix) };
    const known = this.dois.get(key(doi));
    if (known && submitted <= BigInt(known.timestamp)) return { status: 'Failure', doi, message: MESSAGES.timestamp(timestamp) };
    const forced = this.forced.get(key(doi));
    if (forced?.status === 'Failure') return { status: 'Failure', doi, message: forced.message ?? MESSAGES.prefix(prefix) };
    this.dois.set(key(doi), { timestamp, submissionId, accepted: (known?.accepted ?? 0) + 1 });
    if (forced?.status === 'Warning') {
      return {
        status: 'Warning',
        doi,
        message: forced.message ?? (known ? MESSAGES.updatedWithConflict : MESSAGES.addedWithConflict),
        conflictId: String(submissionId),
        doisInConflict: [],
      };
    }
    return { status: 'Success', doi, message: known ? MESSAGES.updated : MESSAGES.added };
  }
}
