/**
 * `colophon withdraw <issue-dir> <doi> --reason "…" [--date YYYY-MM-DD]`: writes `withdrawn` (date
 * and reason) into the article's file, the metadata equivalent of withdrawing it
 * (core/model/withdrawal.ts), and checks the folder again. Nothing is sent: staff review the change
 * and `colophon publish` the issue, like any other change, so the file, the record and every output
 * agree. Refuses an article that is withdrawn already, or a DOI no file of the folder has.
 *
 * Exit codes: 0 written, 1 refused (nothing written), 2 wrong command line.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { parsePartialDate } from '#core/model/index';
import { checkMetadata } from './check.ts';
import type { Io } from './main.ts';
import { problemReport } from './report.ts';

export const WITHDRAW_EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export type WithdrawOptions = { readonly root: string; readonly doi: string; readonly reason: string; readonly date: string };

/** The lines appended to the article's file: YAML's double-quoted style (JSON's) keeps any reason intact. */
export const withdrawnLines = (date: string, reason: string): string => `# Withdrawn with colophon withdraw: the page becomes a notice, OAI-PMH marks it deleted, Crossref is told.\nwithdrawn:\n  date: ${date}\n  reason: ${JSON.stringify(reason)}\n`;

export function runWithdraw(options: WithdrawOptions, io: Pick<Io, 'out' | 'err'>): number {
  const checked = checkMetadata(options.root);
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems, 'nothing was withdrawn: fix these first')) io.err(`${line}\n`);
    return WITHDRAW_EXIT.refused;
  }
  const found = checked.issues.flatMap((i) => i.bundle.articles.filter((a) => a.doi.toLowerCase() === options.doi.toLowerCase()).map((a) => ({ issue: i, article: a })))[0];
  if (found === undefined) {
    io.err(`colophon withdraw: no article file below ${options.root} has DOI ${options.doi}: give the issue folder that holds it\n`);
    return WITHDRAW_EXIT.refused;
  }
  if (found.article.withdrawn !== undefined) {
    io.err(`colophon withdraw: ${options.doi} is withdrawn already: nothing was written\n`);
    return WITHDRAW_EXIT.refused;
  }
  const file = `${found.issue.dir}/${found.article.id}.yaml`;
  const text = readFileSync(file, 'utf8');
  appendFileSync(file, `${text.endsWith('\n') ? '' : '\n'}${withdrawnLines(options.date, options.reason)}`);
  const after = checkMetadata(options.root);
  if (after.problems.length > 0) {
    for (const line of problemReport(after.problems)) io.err(`${line}\n`);
    return WITHDRAW_EXIT.refused;
  }
  io.out(`${file}: withdrawn on ${options.date}. Publish the issue to withdraw it on the stage: colophon publish ${found.issue.dir}\n`);
  return WITHDRAW_EXIT.ok;
}

function dayOption(value: string): string {
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string' || parsed.day === undefined) throw new InvalidArgumentError(typeof parsed === 'string' ? parsed : 'give the day: YYYY-MM-DD');
  return value;
}

/** Adds `colophon withdraw` to the CLI. */
export function registerWithdraw(program: Command, io: Io, setExit: (code: number) => void, today: () => Date = () => new Date()): Command {
  return program
    .command('withdraw')
    .description("withdraw an article published in error: write withdrawn (date, reason) into its file, then publish the issue")
    .argument('<issue-dir>', 'the issue folder (or journal folder) that holds the article')
    .argument('<doi>', "the article's DOI")
    .requiredOption('--reason <text>', 'why, in a sentence readers see on the notice page')
    .option('--date <YYYY-MM-DD>', 'the day of the withdrawal (default: today)', dayOption)
    .addHelpText('after', '\nExamples:\n  $ colophon withdraw metadata/balcanica/LI-2020 10.2298/BALC2051001P --reason "Published in error: a duplicate."\n\nExit codes: 0 written, 1 refused (nothing written), 2 wrong command line.')
    .action((root: string, doi: string, flags: { reason: string; date?: string }) => setExit(runWithdraw({ root, doi, reason: flags.reason, date: flags.date ?? today().toISOString().slice(0, 10) }, io)));
}
