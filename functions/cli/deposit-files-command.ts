/**
 * `colophon deposit-files [<issue-dir>] --out <dir> [--stage local|dev|prod]`: copies the stage's
 * Crossref deposit files out of its artifacts bucket, so staff can read exactly what was (or, in a
 * dry run, would have been) sent: `dry-run/` (written, not sent), `sent/` (sent to Crossref) and
 * `refused/` (the Crossref schema refused it; nothing sent, `colophon status` shows why). With an
 * issue folder, only the files that register one of its DOIs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { XMLParser } from 'fast-xml-parser';
import { readMetadata } from '#adapters/metadata-fs';
import { DEPOSIT_PREFIX, DRY_RUN_PREFIX, INVALID_PREFIX } from '#handlers/flows/deposit-files';
import { formatProblem, type JournalSources, type Problem } from '#core/model/index';
import type { Io } from './main.ts';
import { resolveStage, stageFlags, stageOptions, withStage, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';
import { selectIssues } from './status-command.ts';

export const FILES_EXIT = { ok: 0, none: 1, config: 2 } as const;

/** Where each kind of file lands below --out, and how a line names it. */
const KINDS = [
  { prefix: DRY_RUN_PREFIX, folder: 'dry-run', says: 'dry run: written, not sent' },
  { prefix: DEPOSIT_PREFIX, folder: 'sent', says: 'sent to Crossref' },
  { prefix: INVALID_PREFIX, folder: 'refused', says: 'refused by the Crossref schema: not sent (see colophon status)' },
] as const;

export type FileSource = { list(prefix: string): Promise<string[]>; getText(key: string): Promise<string | undefined> };

export type DepositFilesDeps = {
  readonly resolve: (flags: StageFlags) => Promise<StageTarget>;
  readonly artifacts: (target: StageTarget) => Promise<FileSource>;
};

const defaultDeps: DepositFilesDeps = {
  resolve: (flags) => resolveStage(flags),
  artifacts: async (target) => (await import('#adapters/object-store')).createObjectStore(target.s3, target.outputs.ArtifactsBucketName),
};

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: () => true });

/** The DOIs a deposit file registers: each `doi_data/doi` (a citation's `doi` is another work's). */
export function registeredDois(xml: string): string[] {
  const found: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) collect(item);
    else if (node && typeof node === 'object') {
      for (const [name, value] of Object.entries(node)) {
        if (name === 'doi_data') for (const d of value as { doi?: unknown[] }[]) for (const doi of d.doi ?? []) found.push(String(doi).trim());
        else collect(value);
      }
    }
  };
  collect(parser.parse(xml));
  return found;
}

export type DepositFilesOptions = StageFlags & { readonly root?: string | undefined; readonly out: string };

export async function runDepositFiles(options: DepositFilesOptions, io: Pick<Io, 'out' | 'err'>, deps: DepositFilesDeps = defaultDeps): Promise<number> {
  let wanted: Set<string> | undefined;
  if (options.root !== undefined) {
    const sources = readMetadata(options.root);
    const problems = sources.length > 0 && 'message' in sources[0]! ? (sources as Problem[]) : [];
    const selected = problems.length > 0 ? [] : selectIssues(sources as JournalSources[]);
    if (problems.length > 0 || selected.some((s) => s.local === undefined)) {
      for (const p of problems) io.err(`${formatProblem(p)}\n`);
      io.err(`colophon deposit-files: the metadata in ${options.root} does not load, so its DOIs are unknown: run colophon validate ${options.root}\n`);
      return FILES_EXIT.config;
    }
    wanted = new Set(selected.flatMap((s) => [...(s.local?.articles ?? []).map((a) => a.doi), ...(s.local?.issueDoi ? [s.local.issueDoi] : [])]).map((d) => d.toLowerCase()));
  }
  return withStage('deposit-files', () => deps.resolve(options), io, async (target) => {
    const artifacts = await deps.artifacts(target);
    let written = 0;
    for (const kind of KINDS) {
      for (const key of (await artifacts.list(kind.prefix)).sort()) {
        const xml = await artifacts.getText(key);
        if (xml === undefined) continue;
        const dois = registeredDois(xml);
        if (wanted && !dois.some((d) => wanted.has(d.toLowerCase()))) continue;
        const dir = join(options.out, kind.folder);
        mkdirSync(dir, { recursive: true });
        const path = join(dir, key.slice(kind.prefix.length).replace(/[/\\]/g, '_'));
        writeFileSync(path, xml, 'utf8');
        io.out(`${path}  ${kind.says}; ${dois.length} DOI(s)\n`);
        written += 1;
      }
    }
    if (written === 0) {
      io.err(`no Crossref deposit file${options.root ? ` for ${options.root}` : ''} on ${target.source} yet: one is written after each publish that renders something\n`);
      return FILES_EXIT.none;
    }
    return FILES_EXIT.ok;
  });
}

/** Adds `colophon deposit-files` to the CLI. */
export function registerDepositFiles(program: Command, io: Io, setExit: (code: number) => void, deps?: DepositFilesDeps): Command {
  return stageOptions(
    program
      .command('deposit-files')
      .description("copy the stage's Crossref deposit files (dry run, sent, refused) to --out, to read what Crossref gets")
      .argument('[issue-dir]', 'only the files that register a DOI of this issue (or journal, or metadata) folder'),
  )
    .requiredOption('-o, --out <dir>', 'where to write them: <dir>/dry-run/, <dir>/sent/, <dir>/refused/')
    .addHelpText(
      'after',
      '\nExamples:\n  $ colophon deposit-files metadata/balcanica/L-2019 --out out/deposits     from the local stand-in (npm start)\n\n' +
        'Exit codes: 0 files written, 1 no file yet, 2 usage, metadata that does not load, or stage unreachable.',
    )
    .action(async (root: string | undefined, flags: StageCliFlags & { out: string }) => {
      setExit(await runDepositFiles({ ...stageFlags(flags), ...(root === undefined ? {} : { root }), out: flags.out }, io, deps));
    });
}
