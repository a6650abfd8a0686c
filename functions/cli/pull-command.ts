/**
 * `colophon pull <journal> [<issue>] [--stage …] [--out metadata]`: writes the stage's current
 * metadata (pull.ts) as the repository's layout, `<out>/<journal>/journal.yaml`,
 * `<out>/<journal>/<issue>/issue.yaml`, one `<article>.yaml` per article and the galleys and cover
 * they name, so that `validate` and `publish` of those files change nothing. Beside each issue.yaml
 * it records the base (pull-base.ts) that `publish` compares with the stage.
 *
 * Files are written only when their bytes differ; local files the stage does not have (an article
 * not published yet) are left as they are and named.
 *
 * Exit codes: 0 pulled, 1 no such journal or issue on the stage (or the pulled files do not check),
 * 2 usage or stage unreachable.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { recordHash } from '#adapters/content-hash';
import type { Io } from './main.ts';
import { checkMetadata } from './check.ts';
import { writeBase } from './pull-base.ts';
import { pullJournal, PullError, type PulledFile, type PullStores } from './pull.ts';
import { count, problemReport } from './report.ts';
import { resolveStage, stageFlags, stageOptions, withStage, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';

export const PULL_EXIT = { ok: 0, problems: 1, config: 2 } as const;

export type PullOptions = StageFlags & { readonly journal: string; readonly issue?: string; readonly out: string };
export type PullDeps = { readonly resolve: (flags: StageFlags) => Promise<StageTarget>; readonly now: () => Date };
const defaultDeps: PullDeps = { resolve: (flags) => resolveStage(flags), now: () => new Date() };

const sameBytes = (path: string, bytes: string | Uint8Array): boolean => {
  if (!existsSync(path)) return false;
  const there = readFileSync(path);
  return Buffer.compare(there, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)) === 0;
};

/** Writes `file` below `dir` unless it holds these bytes already; whether it was new, changed or the same. */
function put(dir: string, file: PulledFile): 'new' | 'changed' | 'same' {
  const path = join(dir, file.path);
  if (sameBytes(path, file.bytes)) return 'same';
  const existed = existsSync(path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.bytes);
  return existed ? 'changed' : 'new';
}

async function stores(target: StageTarget): Promise<PullStores> {
  const [{ createRecordsStore }, { createObjectStore }, { createDraftStore }] = await Promise.all([import('#adapters/records'), import('#adapters/object-store'), import('#adapters/staff-drafts')]);
  return {
    records: createRecordsStore(target.documents, target.outputs.TableName),
    inbox: createObjectStore(target.s3, target.outputs.InboxBucketName),
    drafts: createDraftStore(target.documents, target.outputs.TableName),
    where: target.source,
  };
}

export async function runPull(options: PullOptions, io: Pick<Io, 'out' | 'err'>, deps: PullDeps = defaultDeps): Promise<number> {
  return withStage('pull', () => deps.resolve(options), io, async (target) => {
    let pulled;
    try {
      pulled = await pullJournal(await stores(target), options.journal, options.issue);
    } catch (error) {
      if (!(error instanceof PullError)) throw error;
      io.err(`colophon pull: ${error.message}\n`);
      return PULL_EXIT.problems;
    }
    const journalDir = join(options.out, pulled.folder);
    const tally = { new: 0, changed: 0, same: 0 };
    tally[put(journalDir, pulled.journal)] += 1;
    const pulledAt = deps.now().toISOString();
    for (const issue of pulled.issues) {
      for (const file of issue.files) {
        const outcome = put(journalDir, file);
        tally[outcome] += 1;
        if (outcome !== 'same') io.err(`${outcome === 'new' ? 'wrote' : 'updated'} ${join(journalDir, file.path)}\n`);
      }
      const issueDir = join(journalDir, issue.issueId);
      writeBase(issueDir, target.outputs.TableName, { stage: target.stage, pulledAt, ...issue.base });
      const names = new Set(issue.files.map((f) => f.path.slice(issue.issueId.length + 1)));
      for (const name of readdirSync(issueDir).filter((n) => /\.ya?ml$/i.test(n) && !names.has(n)).sort()) {
        io.err(`note: ${join(issueDir, name)} is not on the stage (not published yet?): left as it is\n`);
      }
      for (const d of issue.drafts) {
        io.err(`note: ${pulled.journalId}/${issue.issueId} article "${d.ref.article}" has a console draft (version ${d.version}, saved ${d.at}) that is not published: it is not in these files; publish it in the console and pull again to have it\n`);
      }
    }
    // The files must check, and reproduce what the stage holds (the same hashes ingest computed).
    const checked = checkMetadata(journalDir);
    const pulledIssues = new Set(pulled.issues.map((i) => i.issueId));
    const problems = checked.problems.filter((p) => pulled.issues.some((i) => p.file.startsWith(join(journalDir, i.issueId))) || p.file === join(journalDir, 'journal.yaml'));
    if (problems.length > 0) {
      for (const line of problemReport(problems, 'the files were written as the stage has them')) io.err(`${line}\n`);
      return PULL_EXIT.problems;
    }
    let differing = 0;
    for (const loaded of checked.issues.filter((i) => pulledIssues.has(i.bundle.issue.id))) {
      const base = pulled.issues.find((i) => i.issueId === loaded.bundle.issue.id)!.base;
      for (const article of loaded.bundle.articles) {
        const stored = base.articles[article.doi.toLowerCase()];
        if (stored !== undefined && stored.hash !== recordHash({ journal: loaded.bundle.journal, issue: loaded.bundle.issue, article })) {
          differing += 1;
          io.err(`note: ${article.doi}: version ${stored.version} on the stage was published with an older journal.yaml or issue.yaml; publishing these files gives it a new version with the current ones\n`);
        }
      }
    }
    const articles = pulled.issues.reduce((n, i) => n + Object.keys(i.base.articles).length, 0);
    io.out(
      `pulled ${pulled.journalId}: ${count(pulled.issues.length, 'issue')}, ${count(articles, 'article')} from ${target.source} into ${journalDir} ` +
        `(${tally.new} new, ${tally.changed} updated, ${tally.same} unchanged file${tally.same === 1 ? '' : 's'})${differing > 0 ? `; ${differing} differ from the stage (notes above)` : ''}\n`,
    );
    return PULL_EXIT.ok;
  });
}

type PullCliFlags = StageCliFlags & { out: string };

/** Adds `colophon pull` to the CLI. */
export function registerPull(program: Command, io: Io, setExit: (code: number) => void, deps?: PullDeps): Command {
  return stageOptions(
    program
      .command('pull')
      .description("write a journal's metadata as the stage has it now (console changes included) as YAML files, so that publishing them changes nothing")
      .argument('<journal>', "the journal's id")
      .argument('[issue]', 'one issue id (default: every issue of the journal)'),
  )
    .option('-o, --out <metadata-dir>', 'the metadata folder: files go to <metadata-dir>/<journal>/…', 'metadata')
    .addHelpText(
      'after',
      '\nExamples:\n  $ colophon pull balcanica                      every issue from the local stand-in (npm start) into metadata/balcanica/\n' +
        '  $ colophon pull balcanica L-2019 --stage prod  one issue from AWS\n\n' +
        'Beside each issue.yaml, .colophon-base.json records what the stage held: colophon publish uses it to refuse overwriting console changes made after the pull. Commit it with the files.\n\n' +
        'Exit codes: 0 pulled, 1 no such journal or issue on the stage, 2 usage or stage unreachable.',
    )
    .action(async (journal: string, issue: string | undefined, flags: PullCliFlags) => {
      setExit(await runPull({ ...stageFlags(flags), journal, ...(issue === undefined ? {} : { issue }), out: flags.out }, io, deps));
    });
}
