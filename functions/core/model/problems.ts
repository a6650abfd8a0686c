/** Problems found in metadata: bad data is a list of these, never an exception. */

export type FieldPath = readonly (string | number)[];

export type Problem = {
  /** The metadata file, as the caller named it (relative to the metadata folder). */
  readonly file: string;
  /** The field, as a path into the file (`contributors.0.orcid`); empty for the whole file. */
  readonly path: FieldPath;
  readonly message: string;
  /** What to do about it, where there is something better to say than the message. */
  readonly hint?: string;
  /** 1-based line and column of the field in the file, where the file could be parsed. */
  readonly line?: number;
  readonly column?: number;
  /** A warning is advice (the outputs are still valid and published); anything else is an error that stops the build. */
  readonly severity?: 'warning';
};

/** `contributors[0].orcid` */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

/** `metadata/x.yaml:12:5: contributors[0].orcid: message (hint: …)` */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const field = problem.path.length > 0 ? ` ${formatPath(problem.path)}:` : '';
  const hint = problem.hint ? ` (hint: ${problem.hint})` : '';
  return `${where}:${problem.severity === 'warning' ? ' warning:' : ''}${field} ${problem.message}${hint}`;
}

/** Thrown only when a caller asks for a bundle that has problems: a bug in the caller, not bad data. */
export class MetadataError extends Error {
  override readonly name = 'MetadataError';
  constructor(
    readonly problems: readonly Problem[],
    options?: { cause?: unknown },
  ) {
    super(`${problems.length} problem(s) in metadata:\n${problems.map(formatProblem).join('\n')}`, options);
  }
}
