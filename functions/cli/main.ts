/**
 * `colophon`, the staff CLI: checks journal metadata and builds every output from it, with the
 * same core and adapters the handlers use. `main` takes its arguments and output streams as
 * parameters and returns the exit code, so tests run it in-process.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { assignedLine, registerAssignDois } from './assign-dois.ts';
import { checkMetadata } from './check.ts';
import { registerDeposit } from './deposit-command.ts';
import { registerDepositFiles } from './deposit-files-command.ts';
import { registerImport } from './import-command.ts';
import { registerMove } from './move-command.ts';
import { registerNew } from './new-command.ts';
import { registerPublish } from './publish-command.ts';
import { registerPull } from './pull-command.ts';
import { registerRebuild } from './rebuild-command.ts';
import { registerRedrive } from './redrive-command.ts';
import { registerRegister } from './register-command.ts';
import { registerStatus } from './status-command.ts';
import { registerWithdraw } from './withdraw-command.ts';
import { formatProblem } from '#core/model/index';
import { contentSummary, count, problemReport } from './report.ts';

export type Io = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Progress is shown for every issue on a terminal, otherwise every PROGRESS_EVERY articles. */
  readonly errIsTty?: boolean;
  /** Where an internal error's details are written (default: $COLOPHON_ERROR_DIR, else <tmp>/colophon-errors). */
  readonly errorDir?: string;
};

export const EXIT = { ok: 0, problems: 1, usage: 2, bug: 70 } as const;
const PROGRESS_EVERY = 50;

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const EXAMPLES = `
Examples:
  $ colophon validate metadata                     check every journal below metadata/
  $ colophon validate metadata/balcanica/L-2019    check one issue (and its journal.yaml)
  $ colophon build metadata --out out              write every output below out/<journal>/
  $ colophon build metadata --out out --timestamp 20250301120000000 --batch-id balcanica-fix-1
                                                   re-deposit: a newer timestamp than the last deposit

Exit codes: 0 all good, 1 problems in the metadata, 2 wrong command line, 70 a bug in colophon.`;

const BUILD_HELP = `
Output (<out>/<journal id>/ is replaced as a whole; nothing is written when there is any problem):
  doi/<DOI>/index.html, article.xml, citation.ris, citation.bib, citation.json   per article, plus galleys given by path
  doi/<DOI>/references.ris, references.bib, references.json     the works each article cites
  index.html, 404.html, issues/<issue>/index.html, sitemap.xml, robots.txt   the site: <out>/<journal>/ is a browsable static site
  crossref/<issue folder>.xml                                     the Crossref deposit (not a site file)

The same metadata always builds byte-identical files: by default the deposit's batch id is
<journal>-<issue>-<content hash> and its timestamp is the latest publication date (YYYYMMDD000000000).

Examples:
  $ colophon build metadata --out out
  $ colophon build metadata/balcanica/L-2019 --out out --list`;

function timestampOption(value: string): string {
  if (!/^\d{1,38}$/.test(value)) throw new InvalidArgumentError('must be a whole number such as 20250301120000000 (YYYYMMDDHHMMSSmmm)');
  return value;
}

function batchIdOption(value: string): string {
  const length = [...value].length;
  if (length < 4 || length > 96 || /\s/.test(value)) throw new InvalidArgumentError('must be 4 to 96 characters without spaces');
  return value;
}

function validate(root: string, io: Io): number {
  const checked = checkMetadata(root);
  for (const warning of checked.warnings) io.out(`${formatProblem(warning)}\n`);
  if (checked.problems.length === 0) for (const a of checked.assigned ?? []) io.out(`${assignedLine(a)}\n`);
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems)) io.out(`${line}\n`);
    return EXIT.problems;
  }
  io.out(`OK: ${contentSummary(checked.issues)} in ${root}${checked.warnings.length > 0 ? ` (${checked.warnings.length} warning${checked.warnings.length === 1 ? '' : 's'} above)` : ''}\n`);
  return EXIT.ok;
}

type BuildFlags = { out: string; timestamp?: string; batchId?: string; list?: boolean };

async function build(root: string, flags: BuildFlags, io: Io): Promise<number> {
  const checked = checkMetadata(root);
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems, `nothing was written to ${flags.out}`)) io.err(`${line}\n`);
    return EXIT.problems;
  }
  // Loaded only now: validate never needs the renderers.
  const [{ planBuild }, { writeTree }] = await Promise.all([import('./build.ts'), import('./write-tree.ts')]);
  const total = checked.issues.reduce((n, i) => n + i.bundle.articles.length, 0);
  let shown = 0;
  const plan = planBuild(checked.issues, {
    timestamp: flags.timestamp,
    batchId: flags.batchId,
    onIssue: (done, issue) => {
      if (io.errIsTty || Math.floor(done.articles / PROGRESS_EVERY) > Math.floor(shown / PROGRESS_EVERY)) {
        io.err(`rendered ${done.articles} of ${count(total, 'article')} (${issue.bundle.journal.id}/${issue.bundle.issue.id})\n`);
        shown = done.articles;
      }
    },
  });
  for (const a of checked.assigned ?? []) io.out(`${assignedLine(a)}\n`);
  const written = writeTree(flags.out, plan);
  if (flags.list) for (const path of written) io.out(`${path}\n`);
  io.out(`wrote ${count(written.length, 'file')} for ${contentSummary(checked.issues)} to ${flags.out}\n`);
  return EXIT.ok;
}

function program(io: Io, setExit: (code: number) => void): Command {
  const cli = new Command('colophon')
    .description('Checks journal metadata (YAML) and builds JATS, Crossref deposits, landing pages and citation files from it.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError('(run colophon --help for usage)')
    .addHelpText('after', EXAMPLES);
  cli
    .command('validate')
    .description('check every journal, issue and article file below <metadata-dir>; print each problem as file:line:column: field: message')
    .argument('<metadata-dir>', 'the metadata folder, one journal folder, or one issue folder')
    .option('-w, --watch', 'check again whenever a file changes, until Ctrl-C')
    .addHelpText('after', '\nExamples:\n  $ colophon validate metadata\n  $ colophon validate metadata/balcanica --watch')
    .action(async (root: string, flags: { watch?: boolean }) => setExit(flags.watch ? await (await import('./watch.ts')).watchValidate(root, io) : validate(root, io)));
  cli
    .command('build')
    .description('validate, then write every output of every issue below --out (nothing at all if there is a problem)')
    .argument('<metadata-dir>', 'the metadata folder, one journal folder, or one issue folder')
    .requiredOption('-o, --out <dir>', 'the output folder (created if missing)')
    .option('--timestamp <int>', 'Crossref deposit timestamp (default: derived from the publication dates)', timestampOption)
    .option('--batch-id <id>', 'Crossref doi_batch_id (default: derived from the content)', batchIdOption)
    .option('--list', 'print every file written, not only the summary')
    .addHelpText('after', BUILD_HELP)
    .action(async (root: string, flags: BuildFlags) => setExit(await build(root, flags, io)));
  registerImport(cli);
  registerDeposit(cli);
  registerPublish(cli, io, setExit);
  registerStatus(cli, io, setExit);
  registerRegister(cli, io, setExit);
  registerMove(cli, io, setExit);
  registerDepositFiles(cli, io, setExit);
  registerNew(cli, io, setExit);
  registerRebuild(cli, io, setExit);
  registerAssignDois(cli, io, setExit);
  registerWithdraw(cli, io, setExit);
  registerRedrive(cli, io, setExit);
  registerPull(cli, io, setExit);
  return cli;
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    // import and deposit report through process.exitCode (they print to the console directly).
    return code !== EXIT.ok ? code : typeof process.exitCode === 'number' ? process.exitCode : code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    for (const line of internalError(argv, error, io.errorDir ?? process.env.COLOPHON_ERROR_DIR ?? join(tmpdir(), 'colophon-errors'))) io.err(`${line}\n`);
    return EXIT.bug;
  }
}

/**
 * An error colophon did not expect (exit 70): staff get what happened in one line, what to do and
 * where the details are; the stack and its causes go to a file, never to the screen.
 */
export function internalError(argv: readonly string[], error: unknown, dir: string): string[] {
  const summary = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const details = [`colophon ${VERSION}, node ${process.version}, ${new Date().toISOString()}`, `command: colophon ${argv.join(' ')}`, '', ...errorDetails(error)].join('\n');
  let file: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    file = join(dir, `colophon-error-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`);
    writeFileSync(file, `${details}\n`, 'utf8');
  } catch {
    file = undefined;
  }
  return [
    `colophon: something went wrong inside colophon (a bug, not a problem in your metadata): ${summary.replace(/\s+/g, ' ').slice(0, 300)}`,
    'What to do: run the same command again (that is safe); if it fails the same way, send the details to the people who run Colophon for your journal.',
    file ? `Details: ${file}` : `Details (they could not be written to ${dir}):\n${details}`,
  ];
}

/** The error, its stack and each of its causes. */
function errorDetails(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 5) return [String(error)];
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? [own] : [own, '', 'caused by:', ...errorDetails(error.cause, depth + 1)];
}
