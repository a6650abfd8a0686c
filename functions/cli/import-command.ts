/**
 * `colophon import <format> <file-or-dir> --into <metadata-issue-dir>`: maps existing metadata
 * (Crossref REST JSON, Crossref XML, JATS, OJS native XML) to Colophon's YAML files with the pure
 * importers in core/import, then writes `issue.yaml`, one file per article and, when the journal
 * folder has none, `journal.yaml`. Every source file is read and mapped before anything is
 * written: one unreadable file means nothing is written. What the model cannot hold and every
 * placeholder are printed; so are the problems that keep the written files from loading.
 * With `--assign-dois <template>` an article whose source has no DOI gets one made from the
 * template (core/import/doi-template.ts); each such DOI is printed and marked in its file.
 * DOIs are permanent once registered, so the journal folder is checked as it will be after the
 * write (core/import/journal-folder.ts): a DOI that another file there already has, in any
 * issue, and a template whose prefix is not the existing journal.yaml's, are refused before
 * anything is written.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { readMetadata } from '#adapters/metadata-fs';
import { DOI_TEMPLATE_TOKENS, IMPORT_FORMATS, assignDois, importMetadata, parseDoiTemplate, type DoiTemplate, type ImportFormat, type ImportResult } from '#core/import/index';
import { issueFiles, mergeResults, type IssueFiles } from '#core/import/files';
import { doiClaims, overlayIssues, sharedDois, yamlField, type IssueSources } from '#core/import/journal-folder';
import { formatProblem, loadJournal, type JournalSources, type Problem } from '#core/model/index';

export type ImportOptions = {
  readonly format: string;
  readonly source: string;
  /** The issue folder (`metadata/<journal>/<issue>`); its parent is the journal folder. */
  readonly into: string;
  /** Overwrite issue and article files that already exist. */
  readonly force?: boolean;
  /** Map and check, print what would be written, write nothing. */
  readonly dryRun?: boolean;
  /** A DOI template (`10.5555/balc.{volume}.{issue}.{seq}`) for the articles whose source has no DOI. */
  readonly assignDois?: string;
};

export type Output = { readonly out: (line: string) => void; readonly err: (line: string) => void };

const EXTENSIONS: Readonly<Record<ImportFormat, RegExp>> = {
  'crossref-json': /\.json$/i,
  'crossref-xml': /\.xml$/i,
  jats: /\.(?:n?xml)$/i,
  'ojs-native': /\.xml$/i,
};

const isFormat = (value: string): value is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(value);

/** The source files: the one file, or every file of the format in the folder (sorted, not recursive). */
function sourceFiles(source: string, format: ImportFormat): string[] {
  if (!statSync(source).isDirectory()) return [source];
  return readdirSync(source)
    .filter((name) => EXTENSIONS[format].test(name) && statSync(join(source, name)).isFile())
    .sort()
    .map((name) => join(source, name));
}

/** A journal is the same journal when an ISSN (not a placeholder) or, lacking one, its title agrees. */
function journalKey(result: ImportResult): string {
  const issn = result.placeholders.some((p) => p.startsWith('journal.yaml issn')) ? undefined : (result.journal?.issn.electronic ?? result.journal?.issn.print);
  return issn ?? (result.journal?.title ?? '').toLowerCase();
}

type Planned = { readonly path: string; readonly text: string; readonly exists: boolean };

/** Where each issue goes: one issue into `into`; several into sibling folders named after each issue. */
function plan(results: readonly ImportResult[], into: string, sourceName: string): { issues: PlannedIssue[]; journalDir: string } {
  const journalDir = dirname(resolve(into));
  const issues = results.map((r) => {
    const files = issueFiles(r, sourceName);
    return { dir: results.length === 1 ? resolve(into) : join(journalDir, files.folder), files };
  });
  return { issues, journalDir };
}

type PlannedIssue = { readonly dir: string; readonly files: IssueFiles };

/** The planned issues as the loader's sources (paths as `readMetadata` gives them). */
const plannedSources = (issues: readonly PlannedIssue[]): IssueSources[] =>
  issues.map(({ dir, files }) => ({
    id: basename(dir),
    issue: { path: join(dir, 'issue.yaml'), text: files.issue.text },
    articles: files.articles.map((a) => ({ path: join(dir, a.name), text: a.text })),
  }));

/** Every file the import would write: journal.yaml (when the folder has none), and each issue's files. */
function plannedWrites(issues: readonly PlannedIssue[], journal: { path: string; text: string } | undefined): Planned[] {
  const writes: Planned[] = journal ? [{ ...journal, exists: false }] : [];
  for (const { dir, files } of issues) {
    for (const file of [files.issue, ...files.articles]) writes.push({ path: join(dir, file.name), text: file.text, exists: existsSync(join(dir, file.name)) });
  }
  return writes;
}

/**
 * The journal folder as it is: journal.yaml and every issue folder, or nothing when it has no
 * journal.yaml yet. Issue folders without a journal.yaml cannot be read as a journal, so their
 * DOIs could not be checked: that is refused.
 */
function readJournalFolder(journalDir: string): { ok: true; sources?: JournalSources } | { ok: false; problem: string } {
  if (!existsSync(journalDir)) return { ok: true };
  if (!existsSync(join(journalDir, 'journal.yaml'))) {
    const issueDirs = readdirSync(journalDir).filter((name) => existsSync(join(journalDir, name, 'issue.yaml')));
    if (issueDirs.length === 0) return { ok: true };
    return { ok: false, problem: `${journalDir} holds issue folders (${issueDirs.join(', ')}) but no journal.yaml, so their DOIs cannot be checked against the import's: add the journal's journal.yaml first` };
  }
  const read = readMetadata(journalDir);
  const first = read[0];
  if (first === undefined || 'message' in first) return { ok: false, problem: `cannot read the journal folder: ${(read as Problem[]).map(formatProblem).join('; ')}` };
  return { ok: true, sources: first };
}

/** Loads the journal as it will be after the write (the files there overlaid by the planned ones), as `loadJournal` will read it from disk. */
function check(journal: JournalSources): string[] {
  const result = loadJournal(journal);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Lists every DOI the import assigned, with its file: none of them is the source's. */
function reportAssigned(merged: readonly ImportResult[], issues: readonly PlannedIssue[], template: DoiTemplate | undefined, out: (line: string) => void, shown: (path: string) => string): void {
  if (!template) return;
  const assigned = merged.flatMap((r, k) => (r.assigned ?? []).map((a) => ({ ...a, path: join(issues[k]!.dir, issues[k]!.files.articles[a.index]!.name) })));
  if (assigned.length === 0) {
    out(`every article has a DOI in the source: none assigned from ${template.text}`);
    return;
  }
  out(`DOIs assigned from the template ${template.text} (${assigned.length}; not in the source, check and register them):`);
  for (const a of assigned) out(`  ${shown(a.path)}: ${a.doi} "${a.label}"`);
}

/** Runs one import; returns the exit code (0 done, 1 written but needs edits, 2 nothing written). */
export function runImport(options: ImportOptions, output: Output): number {
  const { out, err } = output;
  if (!isFormat(options.format)) {
    err(`unknown format "${options.format}": use one of ${IMPORT_FORMATS.join(', ')}`);
    return 2;
  }
  const format = options.format;
  if (!existsSync(options.source)) {
    err(`${options.source} does not exist`);
    return 2;
  }
  let template: DoiTemplate | undefined;
  if (options.assignDois !== undefined) {
    const parsed = parseDoiTemplate(options.assignDois);
    if (!parsed.ok) {
      err(parsed.problem);
      err('nothing written');
      return 2;
    }
    template = parsed.template;
  }
  const shown = (path: string): string => relative(process.cwd(), path) || path;
  const journalDir = dirname(resolve(options.into));
  const journalPath = join(journalDir, 'journal.yaml');
  const folder = readJournalFolder(journalDir);
  if (!folder.ok) {
    err(folder.problem);
    err('nothing written');
    return 2;
  }
  const existing = folder.sources;
  const existingPrefix = existing && yamlField(existing.journal.text, 'doi_prefix');
  if (template && existingPrefix !== undefined && existingPrefix !== template.prefix) {
    err(`${shown(journalPath)} has doi_prefix "${existingPrefix}" and the template ${template.text} the prefix ${template.prefix}: every DOI of the journal starts with its prefix, so use ${existingPrefix} in the template`);
    err('nothing written');
    return 2;
  }
  const files = sourceFiles(options.source, format);
  if (files.length === 0) {
    err(`${options.source} holds no ${format} files`);
    return 2;
  }
  const results: ImportResult[] = [];
  const failures: string[] = [];
  for (const file of files) {
    const outcome = importMetadata(format, readFileSync(file, 'utf8'), { keepWithoutDoi: template !== undefined });
    if (outcome.ok) results.push(...outcome.results);
    else failures.push(`${file}: ${outcome.error}`);
  }
  if (failures.length > 0) {
    for (const f of failures) err(`cannot import ${f}`);
    err('nothing written');
    return 2;
  }
  let merged = mergeResults(results);
  const journals = new Map(merged.map((r) => [journalKey(r), r.journal?.title ?? '']));
  if (journals.size > 1) {
    err(`the source holds articles of ${journals.size} journals (${[...journals.values()].join('; ')}): import each journal into its own folder; nothing written`);
    return 2;
  }
  const sourceName = basename(options.source);
  if (template) {
    const journal = basename(journalDir);
    // DOIs in files this import overwrites are not taken, and which files it writes depends on the
    // assigned DOIs (an article without contributors is named after its DOI); `taken` changes no
    // DOI, only what is refused, so a first pass finds the file names.
    const draft = assignDois(merged, template, { journal });
    const written = new Set(draft.ok ? plannedWrites(plan(draft.results, options.into, sourceName).issues, undefined).map((w) => w.path) : []);
    const taken = doiClaims(existing?.issues ?? [])
      .filter((c) => !written.has(c.file))
      .map((c) => ({ doi: c.doi, file: shown(c.file) }));
    const assigned = draft.ok ? assignDois(merged, template, { journal, taken }) : draft;
    if (!assigned.ok) {
      err(`cannot assign DOIs from the template ${template.text}:`);
      for (const p of assigned.problems) err(`  ${p}`);
      err('nothing written');
      return 2;
    }
    merged = assigned.results;
  }
  const { issues } = plan(merged, options.into, sourceName);
  const keepJournal = existing !== undefined;
  const journalText = existing ? existing.journal.text : issues[0]!.files.journal.text;
  const writes = plannedWrites(issues, keepJournal ? undefined : { path: journalPath, text: journalText });
  const clashes = writes.filter((w) => w.exists);
  if (clashes.length > 0 && !options.force) {
    for (const c of clashes) err(`${c.path} already exists`);
    err('nothing written (use --force to overwrite issue and article files)');
    return 2;
  }
  const after: JournalSources = { id: basename(journalDir), journal: { path: journalPath, text: journalText }, issues: overlayIssues(existing?.issues ?? [], plannedSources(issues)) };
  const shared = sharedDois(doiClaims(after.issues), new Set(writes.map((w) => w.path)));
  if (shared.length > 0) {
    for (const d of shared) err(`DOI ${d.doi} would be in ${d.files.length} files of the journal folder: ${d.files.map(shown).join(', ')}; every article and issue needs its own DOI`);
    err('nothing written');
    return 2;
  }
  const problems = check(after);
  if (!options.dryRun) {
    for (const w of writes) {
      mkdirSync(dirname(w.path), { recursive: true });
      writeFileSync(w.path, w.text, 'utf8');
    }
  }
  out(`${options.dryRun ? 'would write' : 'wrote'} ${writes.length} file(s):`);
  for (const w of writes) out(`  ${shown(w.path)}${w.exists ? ' (overwritten)' : ''}`);
  if (keepJournal) out(`kept the existing ${shown(journalPath)} (the source's journal facts were not written)`);
  const placeholders = keepJournal ? [] : merged.flatMap((r) => r.placeholders).filter((p, k, all) => all.indexOf(p) === k);
  if (placeholders.length > 0) {
    out(`placeholders in journal.yaml (${placeholders.length}):`);
    for (const p of placeholders) out(`  ${p}`);
  }
  reportAssigned(merged, issues, template, out, shown);
  const unmapped = merged.flatMap((r) => r.unmapped);
  if (unmapped.length > 0) {
    out(`not imported or changed to fit the model (${unmapped.length}):`);
    for (const u of unmapped) out(`  ${u}`);
  }
  if (problems.length > 0) {
    err(`the imported files need ${problems.length} edit(s) before they load:`);
    for (const p of problems) err(`  ${p}`);
    return 1;
  }
  out('the imported files load.');
  return 0;
}

/** Adds `colophon import` to the CLI. */
export function registerImport(program: Command): Command {
  return program
    .command('import')
    .description('import existing metadata (Crossref REST JSON, Crossref XML, JATS, OJS native XML) into YAML files')
    .argument('<format>', `one of ${IMPORT_FORMATS.join(', ')}`)
    .argument('<file-or-dir>', 'a source file, or a folder of them')
    .requiredOption('--into <metadata-issue-dir>', 'the issue folder to write (inside its journal folder)')
    .option('--force', 'overwrite issue and article files that exist')
    .option('--dry-run', 'map and check, write nothing')
    .option(
      '--assign-dois <template>',
      `give each article whose source has no DOI one made from a template such as 10.5555/balc.{volume}.{issue}.{id}; tokens: ${Object.keys(DOI_TEMPLATE_TOKENS).map((t) => `{${t}}`).join(' ')}. ` +
        '{seq} (position among the imported articles) is not stable between imports: a re-import that adds or drops an article shifts it, so for a back catalogue use {id} or {first_page}. ' +
        "An article without a value for a token gets no DOI (nothing is written); a DOI already in the journal folder is refused",
    )
    .action((format: string, source: string, opts: { into: string; force?: boolean; dryRun?: boolean; assignDois?: string }, command: Command) => {
      // The program's output (stdout and stderr unless the caller routes them elsewhere, as `main` does).
      const { writeOut, writeErr } = command.configureOutput();
      const write = (to: ((text: string) => void) | undefined, fallback: (text: string) => void) => (line: string) => (to ?? fallback)(`${line}\n`);
      process.exitCode = runImport(
        { format, source, into: opts.into, ...(opts.force ? { force: true } : {}), ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.assignDois === undefined ? {} : { assignDois: opts.assignDois }) },
        { out: write(writeOut, (t) => process.stdout.write(t)), err: write(writeErr, (t) => process.stderr.write(t)) },
      );
    });
}
