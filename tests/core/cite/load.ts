/** The seed and the rich fixture issue, as the cite and landing tests take them. */
import { join } from 'node:path';
import { loadMetadata } from '#adapters/metadata-fs';
import type { Article, IssueBundle } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';

export const METADATA_ROOTS = ['metadata', 'tests/fixtures/metadata'] as const;

export type Case = { readonly bundle: IssueBundle; readonly article: Article };

export function loadBundles(relative: string): IssueBundle[] {
  const result = loadMetadata(join(repoDir, relative));
  if (!result.ok) throw new Error(`${relative} does not load: ${JSON.stringify(result.problems, null, 2)}`);
  return result.bundles;
}

/** Every article below the roots. */
export const allCases = (): Case[] => METADATA_ROOTS.flatMap(loadBundles).flatMap((bundle) => bundle.articles.map((article) => ({ bundle, article })));

/** One article by its id (the file name), with its issue bundle. */
export function caseById(id: string): Case {
  const hit = allCases().find((c) => c.article.id === id);
  if (!hit) throw new Error(`no article ${id} in ${METADATA_ROOTS.join(', ')}`);
  return hit;
}

/** A deep copy to change in one test (the loaded model is readonly and shared). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
export const editable = (c: Case): { bundle: Mutable<IssueBundle>; article: Mutable<Article> } => {
  const bundle = structuredClone(c.bundle) as Mutable<IssueBundle>;
  return { bundle, article: bundle.articles.find((a) => a.id === c.article.id)! };
};

/** Every e-mail address in the fixture files' contributors (and the journal's depositor): none may be published. */
export function emailsIn(cases: readonly Case[]): string[] {
  const emails = new Set<string>();
  for (const { bundle, article } of cases) {
    emails.add(bundle.journal.crossref.depositor.email);
    for (const c of article.contributors) if (c.email !== undefined) emails.add(c.email);
  }
  return [...emails];
}
