/**
 * Reads metadata folders from disk into the sources the pure loader takes.
 *
 * Layout: `<root>/<journal>/journal.yaml`, `<root>/<journal>/<issue>/issue.yaml` and one
 * `<root>/<journal>/<issue>/<article>.yaml` per article. `root` may also be one journal folder
 * or one issue folder (then only that issue is read). Names are sorted, so output order is stable.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadJournal, type JournalSources, type LoadResult, type SourceFile } from '#core/model/index';
import type { IssueBundle } from '#core/model/index';
import type { Problem } from '#core/model/index';

const JOURNAL_FILE = 'journal.yaml';
const ISSUE_FILE = 'issue.yaml';

/** A name the layout says is a file, which is something else on disk (a folder named `x.yaml`). */
class NotAFileError extends Error {
  override readonly name = 'NotAFileError';
  constructor(readonly path: string) {
    super(`${path} is not a file`);
  }
}

const read = (path: string): SourceFile => {
  if (existsSync(path) && !statSync(path).isFile()) throw new NotAFileError(path);
  return { path, text: readFileSync(path, 'utf8') };
};
const subdirs = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort();

function issueSources(dir: string): JournalSources['issues'][number] {
  const articles = readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && name !== ISSUE_FILE)
    .sort()
    .map((name) => read(join(dir, name)));
  return { id: basename(dir), issue: read(join(dir, ISSUE_FILE)), articles };
}

function journalSources(dir: string, onlyIssue?: string): JournalSources {
  const issues = subdirs(dir)
    .filter((name) => (onlyIssue === undefined || name === onlyIssue) && existsSync(join(dir, name, ISSUE_FILE)))
    .map((name) => issueSources(join(dir, name)));
  return { id: basename(dir), journal: read(join(dir, JOURNAL_FILE)), issues };
}

/** Every journal below `root` (or the one journal or issue `root` is). */
export function readMetadata(root: string): JournalSources[] | Problem[] {
  try {
    return readTree(root);
  } catch (error) {
    if (!(error instanceof NotAFileError)) throw error;
    return [{ file: error.path, path: [], message: 'is a folder, not a file: each article is one .yaml file', hint: 'rename the folder (or move what is in it) so that its name does not end in .yaml' }];
  }
}

function readTree(root: string): JournalSources[] | Problem[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [{ file: root, path: [], message: 'is not a folder' }];
  if (existsSync(join(root, ISSUE_FILE))) {
    const journalDir = dirname(root);
    if (!existsSync(join(journalDir, JOURNAL_FILE))) return [{ file: join(journalDir, JOURNAL_FILE), path: [], message: 'is missing: an issue folder sits inside its journal folder' }];
    return [journalSources(journalDir, basename(root))];
  }
  if (existsSync(join(root, JOURNAL_FILE))) return [journalSources(root)];
  const journals = subdirs(root)
    .filter((name) => existsSync(join(root, name, JOURNAL_FILE)))
    .map((name) => journalSources(join(root, name)));
  if (journals.length === 0) return [{ file: root, path: [], message: `has no journal folder (a folder with ${JOURNAL_FILE})` }];
  return journals;
}

/** Reads and loads every issue below `root`: all bundles, or every problem in every file. */
export function loadMetadata(root: string): LoadResult {
  const sources = readMetadata(root);
  if (sources.length > 0 && 'message' in sources[0]!) return { ok: false, problems: sources as Problem[] };
  const bundles: IssueBundle[] = [];
  const problems: Problem[] = [];
  for (const journal of sources as JournalSources[]) {
    const result = loadJournal(journal);
    if (result.ok) bundles.push(...result.bundles);
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundles };
}
