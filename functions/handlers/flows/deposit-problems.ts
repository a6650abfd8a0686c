/**
 * A deposit file the Crossref schema refuses is a bug in the renderer or the rules, not in the
 * metadata, yet staff must see it: its problems go where `colophon status` shows an issue's
 * problems, each naming the kept file, the line and the schema's message. They have an item of
 * their own (records-keys.ts, `PROBLEMS#DEPOSIT`), apart from a refused upload's: neither Ingest
 * nor Deposit can clear or overwrite the other's, and no read-then-write race between them exists.
 */
import type { Problem } from '#core/model/index';
import type { RecordsStore } from '#adapters/records';

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

/**
 * Records the refused file's problems for the issue. The schedule retries a refused issue every
 * run with the same records, so the file's name and the problems come out the same: nothing is
 * written when the recorded problems are already these. Returns whether anything was written.
 */
export async function recordDepositProblems(records: ProblemRecords, issue: { journalId: string; issueId: string }, file: RefusedFile, at: string): Promise<boolean> {
  const problems = depositFileProblems(file);
  const held = await records.getProblems(issue.journalId, issue.issueId, 'deposit');
  if (held && JSON.stringify(held.problems) === JSON.stringify(problems)) return false;
  await records.putProblems({ ...issue, batchId: file.batchId, at, problems }, 'deposit');
  return true;
}

/** Clears the issue's deposit problems after a file validated. */
export async function clearDepositProblems(records: ProblemRecords, issue: { journalId: string; issueId: string }): Promise<void> {
  await records.clearProblems(issue.journalId, issue.issueId, 'deposit');
}
