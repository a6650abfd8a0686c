/** Helpers for the importer tests: run an import, read a corpus file, load the written files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueFiles } from '#core/import/files';
import { importMetadata, type ImportFormat, type ImportResult } from '#core/import/index';
import { formatProblem, loadJournal } from '#core/model/index';
import { corpusDir } from '#tests/helpers/shared';

export const corpus = (path: string): string => readFileSync(join(corpusDir(), path), 'utf8');

/** The results of an import that must succeed. */
export function imported(format: ImportFormat, text: string): ImportResult[] {
  const outcome = importMetadata(format, text);
  if (!outcome.ok) throw new Error(`import failed: ${outcome.error}`);
  return outcome.results;
}

/** The one article of an import of one record. */
export const onlyArticle = (format: ImportFormat, text: string) => {
  const [result] = imported(format, text);
  return { result: result!, article: result!.articles[0]! };
};

/** The problems `loadJournal` finds in the YAML files written for a result (none: it loads). */
export function loadProblems(result: ImportResult): string[] {
  const files = issueFiles(result, 'test');
  const loaded = loadJournal({
    id: 'imported',
    journal: { path: 'journal.yaml', text: files.journal.text },
    issues: [{ id: files.folder, issue: { path: 'issue.yaml', text: files.issue.text }, articles: files.articles.map((a) => ({ path: a.name, text: a.text })) }],
  });
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
}
