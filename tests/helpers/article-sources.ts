/** One small article in the minimal journal and issue (journal-yaml.ts), as loader sources; and the same with a long abstract. */
import type { JournalSources } from '#core/model/index';
import { ISSUE_YAML, JOURNAL_YAML } from './journal-yaml.ts';

export const ARTICLE_YAML = `doi: 10.5555/a1
title: A title
contributors:
  - given_name: Ana
    family_name: Jović
`;

export function articleSources(article: string): JournalSources {
  return {
    id: 'test',
    journal: { path: 'test/journal.yaml', text: JOURNAL_YAML },
    issues: [{ id: 'v1', issue: { path: 'test/v1/issue.yaml', text: ISSUE_YAML }, articles: [{ path: 'test/v1/a1.yaml', text: article }] }],
  };
}

/** The article with an English abstract of `chars` ASCII characters, in a literal block. */
export const withAbstract = (chars: number): string => `${ARTICLE_YAML}abstract:\n  en: |\n    ${'x'.repeat(chars)}\n`;
