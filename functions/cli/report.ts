/** What the CLI prints: problems one per line, and one-line summaries. */
import { formatProblem, type Problem } from '#core/model/index';
import type { LoadedIssue } from './check.ts';

/** `1 article`, `3 articles` */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Every problem as `file:line:column: field: message (hint: …)`, then a summary line (with `outcome` after it). */
export function problemReport(problems: readonly Problem[], outcome?: string): string[] {
  const files = new Set(problems.map((p) => p.file)).size;
  return [...problems.map(formatProblem), `${count(problems.length, 'problem')} in ${count(files, 'file')}${outcome ? `; ${outcome}` : ''}`];
}

/** `1 journal, 2 issues, 31 articles` */
export function contentSummary(issues: readonly LoadedIssue[]): string {
  const journals = new Set(issues.map((i) => i.bundle.journal.id)).size;
  const articles = issues.reduce((n, i) => n + i.bundle.articles.length, 0);
  return `${count(journals, 'journal')}, ${count(issues.length, 'issue')}, ${count(articles, 'article')}`;
}
