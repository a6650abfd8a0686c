/**
 * Everything `validate` and `build` check, in one pass: the folder layout, every file against the
 * model (adapters/metadata-fs reads, core/model loads), galley files on disk, Crossref's limits,
 * and journal ids that would share an output folder. All problems come back, sorted.
 */
import { dirname } from 'node:path';
import { filesOnDisk, type FileOnDisk } from '#adapters/attached-files';
import { readMetadata } from '#adapters/metadata-fs';
import { crossrefIssueRules } from '#core/crossref/index';
import { articleId, attachFiles, foreignNoticeRules, ISSUE_OWNER, type AssignedDoi, journalIdOf, licenseWarnings, linkBundle, loadJournal, relationRules, type IssueBundle, type JournalSources, type Problem, type RuleProblem, type SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { layoutProblems } from './layout.ts';

/**
 * One loaded issue, with the folder its files are in and the files (galleys) its YAML files name,
 * checked; `linked` is the bundle as its outputs show it (titles of related articles, notices
 * about its articles), linked against the whole journal folder.
 */
export type LoadedIssue = { readonly bundle: IssueBundle; readonly dir: string; readonly files: readonly FileOnDisk[]; readonly linked: IssueBundle };

/** Every issue of the journal folder `journal` belongs to that loads (each on its own): what Colophon knows of the journal on this disk. */
function journalCatalogue(journal: JournalSources): IssueBundle[] {
  const all = readMetadata(dirname(journal.journal.path));
  const whole = all.length > 0 && !('message' in all[0]!) ? (all as JournalSources[])[0]! : journal;
  return whole.issues.flatMap((issue) => {
    const loaded = loadJournal({ ...whole, issues: [issue] });
    return loaded.ok ? loaded.bundles : [];
  });
}

/** The files one issue's YAML files name, checked on disk, and the bundle lookup over them. */
export function issueFiles(issue: JournalSources['issues'][number]): { problems: Problem[]; files: FileOnDisk[] } {
  const checked = [issue.issue, ...issue.articles].map((source) => filesOnDisk(source));
  return { problems: checked.flatMap((c) => c.problems), files: checked.flatMap((c) => c.files) };
}

/** The bundle with the facts of each file found on disk. */
export function withFiles(bundle: IssueBundle, files: readonly FileOnDisk[]): IssueBundle {
  const owner = (file: FileOnDisk): string => (file.owner.endsWith('issue.yaml') ? ISSUE_OWNER : articleId(file.owner));
  // Only the hash and size: the record (and its hash, which publish and status compare with the stage's) holds nothing of this disk.
  return attachFiles(bundle, (who, name) => {
    const found = files.find((f) => owner(f) === who && f.name === name);
    return found === undefined ? undefined : { sha256: found.sha256, size: found.size };
  });
}
/** `warnings` never stop anything: the files load and every output is valid without what they ask for. */
export type Checked = { readonly problems: Problem[]; readonly issues: LoadedIssue[]; readonly warnings: Problem[]; readonly assigned?: readonly AssignedDoi[] };

/** Sorted by file, then line and column; problems without a position come first in their file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...problems].sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** A rule problem (journal, issue or the article's index in the bundle, which is in issue order) placed in its file, with line and column. */
function placeRule(rule: RuleProblem, journal: JournalSources, issue: JournalSources['issues'][number], bundle: IssueBundle): Problem {
  const article = (k: number): SourceFile => issue.articles.find((a) => articleId(a.path) === bundle.articles[k]?.id) ?? issue.articles[k]!;
  const file: SourceFile = rule.where === 'journal' ? journal.journal : rule.where === 'issue' ? issue.issue : article(rule.where);
  const yaml = parseYaml(file);
  return { file: file.path, path: rule.path, message: rule.message, ...(rule.hint ? { hint: rule.hint } : {}), ...(yaml.ok ? yaml.locate(rule.path) : {}) };
}

/** Two journal folders declaring the same `id` would write into the same output folder. */
function journalIdProblems(journals: readonly { readonly sources: JournalSources; readonly id: string }[]): Problem[] {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { sources, id } of journals) {
    const owner = owners.get(id);
    if (owner === undefined) owners.set(id, sources.journal.path);
    else {
      const yaml = parseYaml(sources.journal);
      problems.push({ file: sources.journal.path, path: ['id'], message: `journal id "${id}" is already used by ${owner}`, hint: 'every journal needs its own id', ...(yaml.ok ? yaml.locate(['id']) : {}) });
    }
  }
  return problems;
}

/** Reads, loads and checks every journal below `root`. */
export function checkMetadata(root: string): Checked {
  const layout = layoutProblems(root);
  const sources = readMetadata(root);
  if (sources.length > 0 && 'message' in sources[0]!) return { problems: sortProblems([...layout, ...(sources as Problem[])]), issues: [], warnings: [] };
  const problems: Problem[] = [...layout];
  const issues: LoadedIssue[] = [];
  const warnings: Problem[] = [];
  const journalIds: { sources: JournalSources; id: string }[] = [];
  const assigned: AssignedDoi[] = [];
  // Which journal of the folder holds each DOI, and the bundles to check against it once every journal is read.
  const owners = new Map<string, string>();
  const loadedBundles: { readonly bundle: IssueBundle; readonly journal: JournalSources; readonly src: JournalSources['issues'][number] }[] = [];
  for (const journal of sources as JournalSources[]) {
    const files = new Map(journal.issues.map((issue) => [issue.id, issueFiles(issue)]));
    for (const found of files.values()) problems.push(...found.problems);
    // Crossref's limits run with the model's own rules, on whatever loaded: every problem in one pass.
    const loaded = loadJournal(journal, { rules: [crossrefIssueRules] });
    journalIds.push({ sources: journal, id: journalIdOf(journal) });
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    const catalogue = journalCatalogue(journal);
    const known = new Set(catalogue.flatMap((b) => b.articles.map((a) => a.doi.toLowerCase())));
    for (const b of catalogue) for (const a of b.articles) if (!owners.has(a.doi.toLowerCase())) owners.set(a.doi.toLowerCase(), b.journal.id);
    // A DOI from doi_pattern must be new across the whole journal folder, not only the issues given.
    for (const a of loaded.assigned ?? []) {
      const other = catalogue.flatMap((b) => b.articles.filter((o) => o.doi.toLowerCase() === a.doi.toLowerCase() && (b.issue.id !== a.issue || o.id !== a.article)).map((o) => `${b.issue.id}/${o.id}.yaml`))[0];
      if (other === undefined) assigned.push(a);
      else problems.push({ file: a.file, path: [], message: `journal.yaml's doi_pattern gives this article the DOI ${a.doi}, which ${other} already has: the pattern cannot tell them apart`, hint: 'give this article its DOI by hand (doi: …), or change doi_pattern in journal.yaml' });
    }
    for (const bundle of loaded.bundles) {
      const src = journal.issues.find((i) => i.id === bundle.issue.id)!;
      warnings.push(...licenseWarnings(bundle).map((rule): Problem => ({ ...placeRule(rule, journal, src, bundle), severity: 'warning' })));
      problems.push(...relationRules(bundle, (doi) => known.has(doi.toLowerCase())).map((rule) => placeRule(rule, journal, src, bundle)));
      loadedBundles.push({ bundle, journal, src });
      const found = files.get(bundle.issue.id)?.files ?? [];
      const withFound = withFiles(bundle, found);
      issues.push({ bundle: withFound, dir: dirname(src.issue.path), files: found, linked: linkBundle(withFound, catalogue) });
    }
  }
  // As the stage refuses it (Ingest): a notice about an article of another journal of the folder.
  for (const { bundle, journal, src } of loadedBundles) problems.push(...foreignNoticeRules(bundle, (doi) => owners.get(doi.toLowerCase())).map((rule) => placeRule(rule, journal, src, bundle)));
  problems.push(...journalIdProblems(journalIds));
  // One licence warning per journal file, however many of its issues lack one.
  const unique = [...new Map(warnings.map((w) => [`${w.file}|${w.path.join('.')}`, w])).values()];
  return { problems: sortProblems(problems), issues: problems.length > 0 ? [] : issues, warnings: sortProblems(unique), ...(assigned.length > 0 ? { assigned } : {}) };
}
