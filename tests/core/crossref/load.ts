/** The seed (metadata/) and the rich fixture issue (tests/fixtures/metadata/), loaded as the CLI would. */
import { join } from 'node:path';
import { loadMetadata } from '#adapters/metadata-fs';
import type { IssueBundle } from '#core/model/index';
import { formatProblem } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';

export const METADATA_DIRS = { seed: join(repoDir, 'metadata'), fixtures: join(repoDir, 'tests/fixtures/metadata') } as const;

export function bundles(dir: string): IssueBundle[] {
  const result = loadMetadata(dir);
  if (!result.ok) throw new Error(`metadata in ${dir} does not load:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.bundles;
}

export function issue(dir: string, issueId: string): IssueBundle {
  const found = bundles(dir).find((b) => b.issue.id === issueId);
  if (!found) throw new Error(`no issue ${issueId} in ${dir}`);
  return found;
}

export const seedIssue = (): IssueBundle => issue(METADATA_DIRS.seed, 'L-2019');
export const richIssue = (): IssueBundle => issue(METADATA_DIRS.fixtures, '2024-12-3');
