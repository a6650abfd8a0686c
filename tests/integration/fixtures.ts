/** The three-article fixture issue as loader sources, for tests that publish it as is or changed. */
import { join } from 'node:path';
import type { JournalSources } from '#core/model/index';
import { readMetadata } from '#adapters/metadata-fs';
import { ROOT } from '#infra/local/paths';

export const FIXTURE_DIR = join(ROOT, 'tests/fixtures/metadata/testjournal');
export const FIXTURE_DOIS = ['10.5555/sbt.2024.001', '10.5555/sbt.2024.002', '10.5555/sbt.2024.e7'] as const;

export function fixtureSources(): JournalSources[] {
  const sources = readMetadata(FIXTURE_DIR);
  if (sources.length === 0 || 'message' in sources[0]!) throw new Error(`cannot read ${FIXTURE_DIR}`);
  return sources as JournalSources[];
}

/** The fixture with one article file's text changed by `edit` (file name without folder, e.g. `a02-mueller.yaml`). */
export function withArticle(sources: readonly JournalSources[], file: string, edit: (text: string) => string): JournalSources[] {
  return sources.map((journal) => ({
    ...journal,
    issues: journal.issues.map((issue) => ({ ...issue, articles: issue.articles.map((a) => (a.path.endsWith(`/${file}`) ? { ...a, text: edit(a.text) } : a)) })),
  }));
}
