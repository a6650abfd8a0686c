/**
 * Folder mistakes the loader cannot see, because it reads only what the layout names: a journal
 * folder without `journal.yaml`, or an issue folder whose `issue.yaml` is missing or misspelt
 * (the loader skips such a folder, so its articles would silently not be published).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '#core/model/index';

const JOURNAL_FILE = 'journal.yaml';
const ISSUE_FILE = 'issue.yaml';
const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name);

const entries = (dir: string): string[] => readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
const subdirs = (dir: string): string[] => entries(dir).filter((name) => statSync(join(dir, name)).isDirectory());
const yamlFiles = (dir: string): string[] => entries(dir).filter((name) => isYaml(name) && statSync(join(dir, name)).isFile());

/** In a journal folder: YAML files beside journal.yaml, and folders with YAML files but no `issue.yaml`; the loader skips both. */
function issueFolderProblems(journalDir: string): Problem[] {
  const strays: Problem[] = yamlFiles(journalDir)
    .filter((name) => name !== JOURNAL_FILE)
    .map((name) => ({ file: join(journalDir, name), path: [], message: 'is not read: only journal.yaml sits in a journal folder', hint: 'move article files into their issue folder, beside its issue.yaml' }));
  return strays.concat(subdirs(journalDir)
    .filter((name) => !existsSync(join(journalDir, name, ISSUE_FILE)) && yamlFiles(join(journalDir, name)).length > 0)
    .map((name) => ({
      file: join(journalDir, name, ISSUE_FILE),
      path: [],
      message: `is missing, so the articles in ${join(journalDir, name)} would not be published`,
      hint: `every issue folder needs an ${ISSUE_FILE} (found ${yamlFiles(join(journalDir, name)).join(', ')})`,
    })));
}

/** Problems with the folders below `root`, laid out as core/model and adapters/metadata-fs expect. */
export function layoutProblems(root: string): Problem[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  if (existsSync(join(root, ISSUE_FILE))) return [];
  if (existsSync(join(root, JOURNAL_FILE))) return issueFolderProblems(root);
  const problems: Problem[] = [];
  for (const name of subdirs(root)) {
    const dir = join(root, name);
    if (existsSync(join(dir, JOURNAL_FILE))) problems.push(...issueFolderProblems(dir));
    else if (subdirs(dir).some((sub) => existsSync(join(dir, sub, ISSUE_FILE)))) {
      problems.push({ file: join(dir, JOURNAL_FILE), path: [], message: `is missing, so the issues in ${dir} cannot be read`, hint: `every journal folder needs a ${JOURNAL_FILE}` });
    }
  }
  return problems;
}
