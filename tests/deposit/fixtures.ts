/** Shared test material for the deposit tests: one compiled Crossref schema per worker, real deposits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMetadata } from '#adapters/metadata-fs';
import { compileCrossrefSchema, type XmlValidator } from '#adapters/crossref-xsd';
import { formatProblem, type IssueBundle } from '#core/model/index';
import { repoDir, schemasDir } from '../helpers/shared.ts';

let compiled: XmlValidator | undefined;

/** The Crossref 5.4.0 schema, compiled once per test worker (~6 s) and shared by simulator and service. */
export function crossrefValidator(): XmlValidator {
  compiled ??= compileCrossrefSchema(schemasDir()).validate;
  return compiled;
}

/** The official example deposit (schema 5.4.0, journal DOI 10.5555/ScF8aU8, article 10.5555/n0HRokm, timestamp 2021010100000003). */
export const exampleDeposit = (): string => readFileSync(join(schemasDir(), 'crossref/5.4.0/examples/derived-journal.article5.4.0.xml'), 'utf8');

/** The rich fixture issue: issue DOI 10.5555/sbt.2024.12.3 and three articles. */
export function richIssue(): IssueBundle {
  const loaded = loadMetadata(join(repoDir, 'tests/fixtures/metadata'));
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const found = loaded.bundles.find((b) => b.issue.id === '2024-12-3');
  if (!found) throw new Error('fixture issue 2024-12-3 is missing');
  return found;
}

/** A copy of `bundle` with one article's main title changed: a new version of that record. */
export function retitled(bundle: IssueBundle, doi: string, title: string): IssueBundle {
  return {
    ...bundle,
    articles: bundle.articles.map((a) => (a.doi === doi ? { ...a, titles: [{ ...a.titles[0], title: [title] }, ...a.titles.slice(1)] } : a)),
  };
}

export const CREDENTIALS = { loginId: 'colophon/role', password: 's3cr&t pass' } as const;
