/**
 * `colophon move <doi> --to <issue-dir> [--reason …]`: the one way a published DOI changes issue.
 * DOIs are permanent and belong to the issue that first published them: a copy of an article in
 * another issue (or journal) is refused by the stage (`colophon status` shows why). When an article
 * really moves, staff say so here; the decision is logged in the records table (who, when, why)
 * and the next `colophon publish` of the target issue takes the DOI over.
 *
 * Exit codes: 0 the move is authorised, 1 refused (the DOI is not published, or the folder does not
 * hold it), 2 wrong command line or the stage cannot be reached.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { formatProblem } from '#core/model/index';
import { checkMetadata } from './check.ts';
import type { Io } from './main.ts';
import { resolveStage, stageFlags, stageOptions, withStage, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';

export const MOVE_EXIT = { ok: 0, refused: 1, config: 2 } as const;

export type MoveOptions = StageFlags & { readonly doi: string; readonly to: string; readonly reason?: string | undefined; readonly by: string };
export type MoveDeps = { readonly resolve: (flags: StageFlags) => Promise<StageTarget>; readonly now: () => Date };

export async function runMove(options: MoveOptions, io: Pick<Io, 'out' | 'err'>, deps: MoveDeps = { resolve: (flags) => resolveStage(flags), now: () => new Date() }): Promise<number> {
  const checked = checkMetadata(options.to);
  if (checked.problems.length > 0) {
    for (const p of checked.problems) io.err(`${formatProblem(p)}\n`);
    io.err(`colophon move: ${options.to} has problems: fix them first (nothing was moved)\n`);
    return MOVE_EXIT.refused;
  }
  const [target, ...more] = checked.issues;
  if (target === undefined || more.length > 0) {
    io.err(`colophon move: --to must be one issue folder; ${options.to} holds ${checked.issues.length} issues\n`);
    return MOVE_EXIT.config;
  }
  const { journal, issue, articles } = target.bundle;
  const article = articles.find((a) => a.doi.toLowerCase() === options.doi.toLowerCase());
  if (article === undefined) {
    io.err(`colophon move: no article file in ${options.to} has DOI ${options.doi}: put the article's file in that folder first\n`);
    return MOVE_EXIT.refused;
  }
  return withStage('move', () => deps.resolve(options), io, async (stage) => {
    const { createRecordsStore } = await import('#adapters/records');
    const records = createRecordsStore(stage.documents, stage.outputs.TableName);
    const at = deps.now().toISOString();
    const result = await records.authoriseMove(article.doi, { journalId: journal.id, issueId: issue.id, by: options.by, at, ...(options.reason ? { reason: options.reason } : {}) });
    if (!result.ok) {
      io.err(`colophon move: ${result.reason}\n`);
      return MOVE_EXIT.refused;
    }
    io.out(`${article.doi}: move from ${result.from.journalId}/${result.from.issueId} to ${journal.id}/${issue.id} authorised and logged (by ${options.by}, ${at}${options.reason ? `: ${options.reason}` : ''})\n`);
    io.out(`now publish the new issue: colophon publish ${options.to}\n`);
    return MOVE_EXIT.ok;
  });
}

/** Adds `colophon move` to the CLI. */
export function registerMove(program: Command, io: Io, setExit: (code: number) => void, deps?: MoveDeps): Command {
  return stageOptions(
    program
      .command('move')
      .description('let a published DOI move to another issue (logged: who, when, why); the next publish of that issue takes it')
      .argument('<doi>', 'the DOI to move')
      .requiredOption('--to <issue-dir>', 'the issue folder the article now belongs to (it must hold the article file)'),
  )
    .option('--reason <text>', 'why (kept in the log)')
    .option('--by <name>', 'who decides (default: your user name)')
    .addHelpText('after', '\nExample:\n  $ colophon move 10.2298/BALC1950375E --to metadata/balcanica/LI-2020 --reason "printed in LI, not L"\n  $ colophon publish metadata/balcanica/LI-2020')
    .action(async (doi: string, flags: StageCliFlags & { to: string; reason?: string; by?: string }) => {
      setExit(await runMove({ ...stageFlags(flags), doi, to: flags.to, reason: flags.reason, by: flags.by ?? userInfo().username }, io, deps));
    });
}
