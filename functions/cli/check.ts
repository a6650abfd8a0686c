/**
 * Everything `validate` and `build` check, in one pass: the folder layout, every file against the
 * model (adapters/metadata-fs reads, core/model loads), galley files on disk, Crossref's limits,
 * and journal ids that would share an output folder. All problems come back, sorted.
 */
import { dirname } from 'node:path';
import { readMetadata } from '#adapters/metadata-fs';
import { crossrefIssueRules } from '#core/crossref/index';
import { journalIdOf, licenseWarnings, loadJournal, type IssueBundle, type JournalSources, type Problem, type RuleProblem, type SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { galleyFileProblems } from './galley-files.ts';
import { layoutProblems } from './layout.ts';

/** One loaded issue, with the folder its files (and galleys) are in. */
export type LoadedIssue = { readonly bundle: IssueBundle; readonly dir: string };
/** `warnings` never stop anything: the files load and every output is valid without what they ask for. */
export type Checked = { readonly problems: Problem[]; readonly issues: LoadedIssue[]; readonly warnings: Problem[] };

/** Sorted by file, then line and column; problems without a position come first in their file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...problems].sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** A rule's problem at its file, line and column. */
function placeRule(rule: RuleProblem, journal: JournalSources, issue: JournalSources['issues'][number]): Problem {
  const file: SourceFile = rule.where === 'journal' ? journal.journal : rule.where === 'issue' ? issue.issue : issue.articles[rule.where]!;
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
  for (const journal of sources as JournalSources[]) {
    for (const issue of journal.issues) for (const article of issue.articles) problems.push(...galleyFileProblems(article));
    // Crossref's limits run with the model's own rules, on whatever loaded: every problem in one pass.
    const loaded = loadJournal(journal, { rules: [crossrefIssueRules] });
    journalIds.push({ sources: journal, id: journalIdOf(journal) });
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    for (const bundle of loaded.bundles) {
      const src = journal.issues.find((i) => i.id === bundle.issue.id)!;
      warnings.push(...licenseWarnings(bundle).map((rule): Problem => ({ ...placeRule(rule, journal, src), severity: 'warning' })));
      issues.push({ bundle, dir: dirname(src.issue.path) });
    }
  }
  problems.push(...journalIdProblems(journalIds));
  // One licence warning per journal file, however many of its issues lack one.
  const unique = [...new Map(warnings.map((w) => [`${w.file}|${w.path.join('.')}`, w])).values()];
  return { problems: sortProblems(problems), issues: problems.length > 0 ? [] : issues, warnings: sortProblems(unique) };
}
