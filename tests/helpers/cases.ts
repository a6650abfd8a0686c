/**
 * The concept cases (tests/fixtures/cases/*.yaml): each patches the seed article. Loaded here once
 * for every test that renders them (cases.test.ts checks what each output says, jats4r.test.ts runs
 * JATS4R's rules on their JATS).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { formatProblem, loadJournal, type IssueBundle } from '#core/model/index';
import { repoDir } from './shared.ts';

export type Expect = { contains?: string[]; absent?: string[]; meta?: Record<string, string[]> };
export type Case = { concept: string; name: string; article: Record<string, unknown>; jats?: Expect; crossref?: Expect; html?: Expect };

const casesDir = join(repoDir, 'tests/fixtures/cases');
const seedDir = join(repoDir, 'metadata/balcanica');
const seedArticle = parse(readFileSync(join(seedDir, 'L-2019/edemskiy.yaml'), 'utf8')) as Record<string, unknown>;

export const cases: readonly Case[] = readdirSync(casesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) => (parse(readFileSync(join(casesDir, file), 'utf8')) as Omit<Case, 'concept'>[]).map((c) => ({ concept: file.replace('.yaml', ''), ...c })));

/** The seed's issue with the seed article's top-level keys replaced by the patch (null removes a key). */
export function caseBundle(patch: Record<string, unknown>): IssueBundle {
  const article = { ...structuredClone(seedArticle), ...patch };
  for (const [k, v] of Object.entries(article)) if (v === null) delete article[k];
  const result = loadJournal({
    id: 'balcanica',
    journal: { path: 'journal.yaml', text: readFileSync(join(seedDir, 'journal.yaml'), 'utf8') },
    issues: [{ id: 'L-2019', issue: { path: 'issue.yaml', text: readFileSync(join(seedDir, 'L-2019/issue.yaml'), 'utf8') }, articles: [{ path: 'case.yaml', text: stringify(article) }] }],
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.bundles[0]!;
}
