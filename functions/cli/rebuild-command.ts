/**
 * `colophon rebuild [--journal <id>] [--resume <id>] [--stage local|dev|prod]`: renders every
 * article on a stage again (after a change of templates or renderers: what the pages, JATS and
 * deposits say is made by the code, so a new release must reach what was published before).
 *
 * One issue at a time: the command lists an issue's articles into the inbox as a rebuild page
 * (Ingest queues their render jobs, handlers/flows/rebuild.ts) and waits until each of them is
 * rendered again before it sends the next. So a rebuild of a whole catalogue never floods the
 * render queue ahead of an editor's publish, and it can stop at any point: its progress is kept
 * in the inbox (`rebuild/<id>/progress.json`) and `--resume <id>` carries on after the last
 * finished issue. Unchanged outputs are written again with the same bytes: a page's URL and
 * content only change where the code changed them.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidArgumentError, type Command } from 'commander';
import * as z from 'zod';
import type { ObjectStore } from '#adapters/object-store';
import type { Head, RecordsStore } from '#adapters/records';
import { REBUILD_PREFIX, rebuildPageKey, type RebuildPage } from '#handlers/flows/rebuild';
import type { Io } from './main.ts';
import { secondsOption } from './publish-command.ts';
import { resolveStage, stageFlags, stageOptions, withStage, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';

export const REBUILD_EXIT = { ok: 0, failed: 1, usage: 2, timeout: 75 } as const;

const progressSchema = z.strictObject({
  requestId: z.string(),
  startedAt: z.string(),
  issues: z.array(z.strictObject({ journalId: z.string(), issueId: z.string() })),
  /** How many of `issues` are rendered again, in order. */
  done: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  failed: z.array(z.strictObject({ doi: z.string(), reason: z.string() })),
});
type Progress = z.infer<typeof progressSchema>;

const progressKey = (requestId: string): string => `${REBUILD_PREFIX}${requestId}/progress.json`;
const JSON_HEADERS = { contentType: 'application/json' } as const;

export type RebuildOptions = StageFlags & {
  readonly journal?: string | undefined;
  readonly resume?: string | undefined;
  /** Stop (resumably) after this many issues in this run. */
  readonly maxIssues?: number | undefined;
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
};

export type RebuildDeps = {
  readonly resolve: (flags: StageFlags) => Promise<StageTarget>;
  readonly open: (target: StageTarget) => Promise<{ readonly records: Pick<RecordsStore, 'listJournals' | 'listIssues' | 'listIssueArticleMeta'>; readonly inbox: Pick<ObjectStore, 'put' | 'getText'> }>;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
};

const defaultDeps: RebuildDeps = {
  resolve: (flags) => resolveStage(flags),
  open: async (target) => {
    const [{ createRecordsStore }, { createObjectStore }] = await Promise.all([import('#adapters/records'), import('#adapters/object-store')]);
    return { records: createRecordsStore(target.documents, target.outputs.TableName), inbox: createObjectStore(target.s3, target.outputs.InboxBucketName) };
  },
  now: () => new Date(),
  sleep: (ms) => sleep(ms),
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The render state that tells a head was rendered (or failed) again since `before`. */
function settled(head: Head | undefined, before: Head): 'rendered' | 'failed' | undefined {
  if (head === undefined) return 'rendered'; // moved to another issue meanwhile: its own render follows the move
  const { render } = head;
  if (render.status === 'pending') return undefined;
  const again = head.version !== before.version || before.render.status === 'pending' || render.at !== before.render.at;
  if (!again) return undefined;
  return render.status === 'done' ? 'rendered' : 'failed';
}

export async function runRebuild(options: RebuildOptions, io: Pick<Io, 'out' | 'err'>, deps: RebuildDeps = defaultDeps): Promise<number> {
  return withStage('rebuild', () => deps.resolve(options), io, async (target) => {
    const { records, inbox } = await deps.open(target);
    const saveProgress = (p: Progress): Promise<unknown> => inbox.put(progressKey(p.requestId), JSON.stringify(p, null, 2), JSON_HEADERS);

    let progress: Progress;
    if (options.resume !== undefined) {
      const text = /^[A-Za-z0-9._-]+$/.test(options.resume) ? await inbox.getText(progressKey(options.resume)) : undefined;
      const parsed = text === undefined ? undefined : progressSchema.safeParse(JSON.parse(text));
      if (parsed?.success !== true) {
        io.err(`colophon rebuild: ${target.source} has no rebuild ${options.resume}: start one with colophon rebuild (without --resume)\n`);
        return REBUILD_EXIT.usage;
      }
      progress = parsed.data;
    } else {
      const journals = (await records.listJournals()).map((j) => j.journal.id).sort();
      if (options.journal !== undefined && !journals.includes(options.journal)) {
        io.err(`colophon rebuild: ${target.source} has no journal ${options.journal}${journals.length > 0 ? ` (it has ${journals.join(', ')})` : ' (nothing is published there yet)'}\n`);
        return REBUILD_EXIT.usage;
      }
      const issues: Progress['issues'] = [];
      for (const journalId of options.journal === undefined ? journals : [options.journal]) {
        for (const issue of (await records.listIssues(journalId)).map((r) => r.issue.id).sort()) issues.push({ journalId, issueId: issue });
      }
      const now = deps.now();
      progress = { requestId: `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`, startedAt: now.toISOString(), issues, done: 0, articles: 0, failed: [] };
      await saveProgress(progress);
    }
    const { requestId } = progress;
    io.err(`rebuild ${requestId} on ${target.source}: ${plural(progress.issues.length - progress.done, 'issue')} to render again${progress.done > 0 ? ` (${progress.done} done before)` : ''}, one at a time\n`);

    const started = deps.now().getTime();
    let articlesThisRun = 0;
    let issuesThisRun = 0;
    while (progress.done < progress.issues.length) {
      if (options.maxIssues !== undefined && issuesThisRun >= options.maxIssues) break;
      const { journalId, issueId } = progress.issues[progress.done]!;
      const before = await records.listIssueArticleMeta(journalId, issueId);
      if (before.length > 0) {
        const page: RebuildPage = { requestId, journalId, issueId, dois: before.map((h) => h.doi) };
        await inbox.put(rebuildPageKey(requestId, progress.done + 1), JSON.stringify(page), JSON_HEADERS);
        const deadline = deps.now().getTime() + options.timeoutSeconds * 1000;
        for (;;) {
          const current = new Map((await records.listIssueArticleMeta(journalId, issueId)).map((h) => [h.doi.toLowerCase(), h]));
          const states = before.map((b) => ({ head: current.get(b.doi.toLowerCase()), state: settled(current.get(b.doi.toLowerCase()), b), doi: b.doi }));
          if (states.every((s) => s.state !== undefined)) {
            for (const s of states) if (s.state === 'failed' && s.head?.render.status === 'failed') progress.failed.push({ doi: s.doi, reason: s.head.render.reason });
            break;
          }
          if (deps.now().getTime() >= deadline) {
            const waiting = states.filter((s) => s.state === undefined).length;
            io.err(`${journalId}/${issueId}: ${plural(waiting, 'article')} still rendering after ${options.timeoutSeconds} s; the stage goes on. Resume with: colophon rebuild --resume ${requestId}\n`);
            return REBUILD_EXIT.timeout;
          }
          await deps.sleep(options.pollSeconds * 1000);
        }
      }
      progress = { ...progress, done: progress.done + 1, articles: progress.articles + before.length };
      await saveProgress(progress);
      articlesThisRun += before.length;
      issuesThisRun++;
      const seconds = (deps.now().getTime() - started) / 1000;
      io.err(`[${progress.done}/${progress.issues.length}] ${journalId}/${issueId}: ${plural(before.length, 'article')} rendered again (${articlesThisRun} this run, ${(articlesThisRun / Math.max(seconds, 0.001)).toFixed(1)} articles/s)\n`);
    }

    for (const f of progress.failed) io.err(`${f.doi}: render FAILED: ${f.reason} (fix and publish again, or see colophon status)\n`);
    if (progress.done < progress.issues.length) {
      io.out(`rebuild ${requestId}: ${progress.done} of ${plural(progress.issues.length, 'issue')} done, ${plural(progress.articles, 'article')}; resume with: colophon rebuild --resume ${requestId}\n`);
      return REBUILD_EXIT.ok;
    }
    io.out(`rebuild ${requestId}: ${plural(progress.articles, 'article')} in ${plural(progress.issues.length, 'issue')} rendered again${progress.failed.length > 0 ? `, ${progress.failed.length} FAILED` : ''}\n`);
    return progress.failed.length > 0 ? REBUILD_EXIT.failed : REBUILD_EXIT.ok;
  });
}

function countOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number, at least 1');
  return n;
}

type RebuildCliFlags = StageCliFlags & { journal?: string; resume?: string; maxIssues?: number; timeout: number; poll: number };

export function registerRebuild(program: Command, io: Io, setExit: (code: number) => void, deps?: RebuildDeps): Command {
  return stageOptions(program.command('rebuild').description("render every article on the stage again (after an update of Colophon's templates), one issue at a time, resumable"))
    .option('--journal <id>', 'only this journal')
    .option('--resume <rebuild-id>', 'carry on with an interrupted rebuild after its last finished issue')
    .option('--max-issues <n>', 'stop after this many issues (carry on later with --resume)', countOption)
    .option('--timeout <seconds>', 'give up waiting for one issue after this long (the stage goes on; resume later)', secondsOption(1), 600)
    .option('--poll <seconds>', 'how often to look at the records table', secondsOption(0.05), 2)
    .addHelpText(
      'after',
      '\nExamples:\n  $ colophon rebuild                          every journal on the local stand-in (npm start)\n  $ colophon rebuild --journal balcanica --stage dev\n  $ colophon rebuild --resume 2026-12-07T09-30-00-000Z-1a2b3c\n\n' +
        'Exit codes: 0 done (or stopped at --max-issues), 1 an article failed to render, 2 usage or stage unreachable, 75 an issue still rendering at --timeout.',
    )
    .action(async (flags: RebuildCliFlags) => {
      setExit(
        await runRebuild(
          { ...stageFlags(flags), journal: flags.journal, resume: flags.resume, maxIssues: flags.maxIssues, timeoutSeconds: flags.timeout, pollSeconds: flags.poll },
          io,
          deps,
        ),
      );
    });
}
