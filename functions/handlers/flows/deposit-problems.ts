/**
 * A deposit file the Crossref schema refuses is a bug in the renderer or the rules, not in the
 * metadata, yet staff must see it: its problems go where `colophon status` shows an issue's
 * problems (the records store's issue problems, which Ingest also writes), each naming the kept
 * file, the line and the schema's message.
 *
 * That slot holds one set per issue. A refused upload (Ingest's problems) is left alone: it is the
 * newer news, and its fix starts a new render and deposit anyway. Deposit problems are recognised
 * by their file, under one of the deposit prefixes, and cleared by the next deposit that validates.
 */
import type { Problem } from '#core/model/index';
import type { RecordsStore } from '#adapters/records';
import { DRY_RUN_PREFIX, INVALID_PREFIX } from './deposit-files.ts';

/** At most this many schema messages are logged or recorded per file; the rest are counted. */
export const MAX_PROBLEMS = 10;

export type ProblemRecords = Pick<RecordsStore, 'getProblems' | 'putProblems' | 'clearProblems'>;

/** One refused file: its key in the artifacts bucket and the schema's messages (`line N: …`). */
export type RefusedFile = { readonly batchId: string; readonly key: string; readonly errors: readonly string[] };

/** The schema's messages as problems on the kept file, the first MAX_PROBLEMS and a count of the rest. */
export function depositFileProblems(file: RefusedFile): Problem[] {
  const shown = file.errors.slice(0, MAX_PROBLEMS).map((error): Problem => {
    const at = /^line (\d+): ([\s\S]*)$/.exec(error);
    const message = `does not validate against Crossref 5.4.0: ${at ? at[2]! : error}`;
    return at ? { file: file.key, path: [], message, line: Number(at[1]) } : { file: file.key, path: [], message };
  });
  const more = file.errors.length - shown.length;
  return more > 0 ? [...shown, { file: file.key, path: [], message: `and ${more} more schema problem(s) in the file` }] : shown;
}

const isDepositProblem = (p: Problem): boolean => p.file.startsWith(INVALID_PREFIX) || p.file.startsWith(DRY_RUN_PREFIX);

/** Records the refused file's problems for the issue, unless the issue holds a refused upload's problems. */
export async function recordDepositProblems(records: ProblemRecords, issue: { journalId: string; issueId: string }, file: RefusedFile, at: string): Promise<boolean> {
  const held = await records.getProblems(issue.journalId, issue.issueId);
  if (held && !held.problems.every(isDepositProblem)) return false;
  await records.putProblems({ ...issue, batchId: file.batchId, at, problems: depositFileProblems(file) });
  return true;
}

/** Clears the issue's deposit problems after a file validated; a refused upload's problems stay. */
export async function clearDepositProblems(records: ProblemRecords, issue: { journalId: string; issueId: string }): Promise<void> {
  const held = await records.getProblems(issue.journalId, issue.issueId);
  if (held && held.problems.every(isDepositProblem)) await records.clearProblems(issue.journalId, issue.issueId);
}
