/**
 * DOIs from journal.yaml's `doi_pattern`, written into the article files: `colophon assign-dois
 * <dir>` does it on request, and `colophon publish` does it before it uploads anything, so that a
 * DOI, once sent to the stage and Crossref, is in the file and never changes with a later edit of
 * the pages or the authors. `validate` and `build` only show the DOI each new article will get.
 *
 * Exit codes: 0 written (or nothing to write), 1 problems in the metadata (nothing written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AssignedDoi } from '#core/model/index';
import { checkMetadata } from './check.ts';
import type { Io } from './main.ts';
import { problemReport } from './report.ts';

/** What validate and build print for each article that gets its DOI from the pattern. */
export const assignedLine = (a: AssignedDoi): string => `${a.file}: doi: ${a.doi} from journal.yaml's doi_pattern (colophon publish writes it into this file; colophon assign-dois does it now)`;

/**
 * The article's YAML text with `doi: <doi>` as its first field, after the leading comments (the
 * `$schema` line), and a comment saying where it came from. Comments and layout stay as written.
 */
export function withDoiLine(text: string, a: Pick<AssignedDoi, 'doi' | 'pattern'>): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#') && line.trim() !== '---');
  const at = first < 0 ? lines.length : first;
  return [...lines.slice(0, at), `# The DOI Colophon gave this article from journal.yaml's doi_pattern (${a.pattern}). It is permanent: never change it.`, `doi: ${a.doi}`, ...lines.slice(at)].join('\n');
}

/** Writes each assigned DOI into its file (each file is read again: the check may be older than the file). */
export function writeAssignedDois(assigned: readonly AssignedDoi[], io: Pick<Io, 'out' | 'err'>): void {
  for (const a of assigned) {
    writeFileSync(a.file, withDoiLine(readFileSync(a.file, 'utf8'), a));
    io.err(`${a.file}: doi: ${a.doi} written (from journal.yaml's doi_pattern)\n`);
  }
}

export function runAssignDois(root: string, io: Pick<Io, 'out' | 'err'>): number {
  const checked = checkMetadata(root);
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems, 'no DOI was written')) io.err(`${line}\n`);
    return 1;
  }
  writeAssignedDois(checked.assigned ?? [], io);
  io.out(checked.assigned === undefined ? `every article below ${root} has its DOI: nothing to write\n` : `wrote ${checked.assigned.length} DOI(s) into their article files\n`);
  return 0;
}

/** Adds `colophon assign-dois` to the CLI. */
export function registerAssignDois(program: Command, io: Io, setExit: (code: number) => void): Command {
  return program
    .command('assign-dois')
    .description("give each article without a doi the DOI of journal.yaml's doi_pattern, and write it into the article's file")
    .argument('<metadata-dir>', 'the metadata folder, one journal folder, or one issue folder')
    .addHelpText('after', '\nExamples:\n  $ colophon assign-dois metadata/balcanica/LI-2020\n\n`colophon publish` does the same before it uploads. Exit codes: 0 done, 1 problems in the metadata (nothing written).')
    .action((root: string) => setExit(runAssignDois(root, io)));
}
