/** Records for the OAI-PMH tests: the seed and the rich fixture issue, and synthetic lists built from them. */
import { join } from 'node:path';
import { loadMetadata } from '#adapters/metadata-fs';
import { MemoryOaiSource } from '#adapters/oai-memory';
import type { Article, IssueBundle } from '#core/model/index';
import { METADATA_FORMATS, type OaiContext, type OaiRepository, type RawArguments } from '#core/oai/index';
import type { OaiArticleRecord, OaiItem, OaiRecordSource } from '#core/oai/source';
import { repoDir } from '#tests/helpers/shared';

export function loadBundles(relative: string): IssueBundle[] {
  const result = loadMetadata(join(repoDir, relative));
  if (!result.ok) throw new Error(`${relative} does not load: ${JSON.stringify(result.problems, null, 2)}`);
  return result.bundles;
}

/** Every article of the seed and the fixture issue, as records. */
export function allRecords(): OaiArticleRecord[] {
  return ['metadata', 'tests/fixtures/metadata'].flatMap(loadBundles).flatMap(({ journal, issue, articles }) => articles.map((article) => ({ journal, issue, article })));
}

export function recordById(id: string): OaiArticleRecord {
  const hit = allRecords().find((r) => r.article.id === id);
  if (!hit) throw new Error(`no article ${id}`);
  return hit;
}

export const NOW = '2025-03-01T12:00:00.250Z';

export const repository = (overrides: Partial<OaiRepository> = {}): OaiRepository => ({
  name: 'Studia Balcanica Testimonia',
  baseUrl: 'https://journal.example.org/api/oai',
  domain: 'journal.example.org',
  adminEmails: ['oai@example.org'],
  compression: ['gzip'],
  formats: METADATA_FORMATS,
  pageSize: { ListRecords: 100, ListIdentifiers: 100 },
  tokenSecret: 'test-secret',
  ...overrides,
});

export const context = (source: OaiRecordSource, overrides: Partial<OaiContext> = {}): OaiContext => ({ repository: repository(), source, now: NOW, ...overrides });

/** The fixture articles, each changed at its own minute on 2025-01-0n. */
export function fixtureSource(): MemoryOaiSource {
  const source = new MemoryOaiSource();
  allRecords().forEach((record, n) => source.put({ changedAt: `2025-01-0${n + 1}T10:00:00.000Z`, deleted: false, record }));
  return source;
}

/** A copy of a record under another DOI (and article id). */
export function withDoi(record: OaiArticleRecord, doi: string, id = doi): OaiArticleRecord {
  const article: Article = { ...record.article, doi, id };
  return { ...record, article };
}

/** `count` records cloned from one template, changed one second apart from `start`; DOIs 10.5555/syn.00001… */
export function syntheticItems(count: number, start = Date.UTC(2024, 0, 1)): OaiItem[] {
  const template = recordById('a01-petrovic');
  return Array.from({ length: count }, (_, n) => ({
    changedAt: new Date(start + n * 1000).toISOString(),
    deleted: false,
    record: withDoi(template, `10.5555/syn.${String(n + 1).padStart(5, '0')}`),
  }));
}

export const args = (query: string): RawArguments => [...new URLSearchParams(query).entries()];
