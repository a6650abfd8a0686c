/**
 * The issue's order (issue 11, item 2: on main the table of contents followed file names, so
 * pp. 9–28 came after pp. 75–98): explicit in issue.yaml, or by first page, article number, title.
 */
import { describe, expect, it } from 'vitest';
import { loadJournal, type JournalSources } from '#core/model/index';
import { JOURNAL_WITH_LICENSE_YAML, ISSUE_YAML } from '#tests/helpers/journal-yaml';

const JOURNAL = JOURNAL_WITH_LICENSE_YAML;
const ISSUE = ISSUE_YAML;
const article = (doi: string, title: string, extra = ''): string => `doi: 10.5555/${doi}\ntitle: ${title}\n${extra}`;

/** Five articles whose file names sort unlike their pages (the issue's report: 9–28, 75–98, 53–74, 29–52, 99–122 by name). */
const FILES: Record<string, string> = {
  'a-intro.yaml': article('intro', 'Introduction', 'pages:\n  first: vii\n  last: ix\n'),
  'b.yaml': article('b', 'Second', 'pages:\n  first: 75\n  last: 98\n'),
  'c.yaml': article('c', 'First', 'pages:\n  first: 9\n  last: 28\n'),
  'd.yaml': article('d', 'Unpaged note', 'article_number: e2\n'),
  'e.yaml': article('e', 'Third', 'pages:\n  first: 29\n  last: 52\n'),
  'f.yaml': article('f', 'Another unpaged note', 'article_number: e10\n'),
};

function load(issue = ISSUE, files: Record<string, string> = FILES) {
  const sources: JournalSources = {
    id: 'test',
    journal: { path: 'test/journal.yaml', text: JOURNAL },
    issues: [{ id: 'v1', issue: { path: 'test/v1/issue.yaml', text: issue }, articles: Object.entries(files).map(([name, text]) => ({ path: `test/v1/${name}`, text })) }],
  };
  return loadJournal(sources);
}

const ids = (result: ReturnType<typeof load>): string[] => (result.ok ? result.bundles[0]!.articles.map((a) => a.id) : result.problems.map((p) => p.message));

describe('the order of an issue', () => {
  it('follows the first page (roman front matter first), then the article number, whatever the file names', () => {
    expect(ids(load())).toEqual(['a-intro', 'c', 'e', 'b', 'd', 'f']);
  });

  it('follows issue.yaml where it lists the articles under their sections, and places each in its section', () => {
    // Act
    const result = load(`${ISSUE}sections:\n  - id: notes\n    title: Notes\n    articles: [f, d]\n  - id: articles\n    title: Articles\n    articles: [b, a-intro, c, e]\n`);

    // Assess
    expect(ids(result)).toEqual(['f', 'd', 'b', 'a-intro', 'c', 'e']);
    expect(result.ok && result.bundles[0]!.articles.map((a) => a.section?.id)).toEqual(['notes', 'notes', 'articles', 'articles', 'articles', 'articles']);
  });

  it('follows a list without sections', () => {
    expect(ids(load(`${ISSUE}articles: [e, d, c, b, a-intro, f]\n`))).toEqual(['e', 'd', 'c', 'b', 'a-intro', 'f']);
  });

  it('refuses an unknown article, an article listed twice, one left out, and a section that disagrees, each at its line', () => {
    // Act
    const result = load(`${ISSUE}sections:\n  - id: notes\n    title: Notes\n    articles: [f, d, zz]\n  - id: articles\n    title: Articles\n    articles: [b, a-intro, d]\n`, {
      ...FILES,
      'c.yaml': article('c', 'First', 'section: notes\npages:\n  first: 9\n'),
    });

    // Assess
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'test/v1/issue.yaml:8: section "notes" names "zz", which is no article of this issue',
        'test/v1/issue.yaml:11: article "d" is listed twice: in section "notes" and in section "articles"',
        'test/v1/c.yaml:1: issue.yaml lists the order of its articles but not "c"',
        'test/v1/e.yaml:1: issue.yaml lists the order of its articles but not "e"',
      ]),
    );
  });
});

describe('issue-level facts', () => {
  it('gives every article the issue’s licence unless it has its own, instead of the journal’s', () => {
    // Act
    const result = load(`${ISSUE}license:\n  url: https://creativecommons.org/licenses/by-sa/4.0/\n`, {
      'a.yaml': article('a', 'Inherits'),
      'b.yaml': article('b', 'Own', 'license:\n  url: https://creativecommons.org/publicdomain/zero/1.0/\n'),
    });

    // Assess
    expect(result.ok && result.bundles[0]!.articles.map((a) => [a.id, a.license?.url])).toEqual([
      ['a', 'https://creativecommons.org/licenses/by-sa/4.0/'],
      ['b', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ]);
  });

  it('keeps the journal’s licence for issues that give none', () => {
    const result = load(ISSUE, { 'a.yaml': article('a', 'Inherits') });
    expect(result.ok && result.bundles[0]!.articles[0]!.license?.url).toBe('https://creativecommons.org/licenses/by/4.0/');
  });
});
