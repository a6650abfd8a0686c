import { describe, expect, test } from 'vitest';
import { formatProblem, loadJournal, type JournalSources, type Problem } from '#core/model/index';
import { JOURNAL_YAML, ISSUE_YAML } from '#tests/helpers/journal-yaml';

const JOURNAL = JOURNAL_YAML;
const ISSUE = ISSUE_YAML;
const ARTICLE = `doi: 10.5555/a1
title: A title
contributors:
  - given_name: Ana
    family_name: Jović
    orcid: 0000-0002-1825-0097
`;

type Files = { journal?: string; issues?: { id: string; issue?: string; articles: Record<string, string> }[] };

function sources(files: Files = {}): JournalSources {
  const issues = files.issues ?? [{ id: 'v1', articles: { 'a1.yaml': ARTICLE } }];
  return {
    id: 'test',
    journal: { path: 'test/journal.yaml', text: files.journal ?? JOURNAL },
    issues: issues.map((i) => ({
      id: i.id,
      issue: { path: `test/${i.id}/issue.yaml`, text: i.issue ?? ISSUE },
      articles: Object.entries(i.articles).map(([name, text]) => ({ path: `test/${i.id}/${name}`, text })),
    })),
  };
}

const article = (text: string): Files => ({ issues: [{ id: 'v1', articles: { 'a1.yaml': text } }] });

function problems(files: Files): Problem[] {
  const result = loadJournal(sources(files));
  if (result.ok) throw new Error('expected problems, the metadata loaded');
  return result.problems;
}

describe('loadJournal', () => {
  test('loads valid files and resolves defaults', () => {
    // Act
    const result = loadJournal(sources());
    // Assess
    expect(result.ok).toBe(true);
    const bundle = result.ok ? result.bundles[0]! : undefined;
    expect(bundle?.journal.id).toBe('test');
    expect(bundle?.articles[0]).toMatchObject({ id: 'a1', language: 'en', dates: { published: { online: { year: 2024, month: 5, day: 1 } } } });
  });

  test.each([
    ['a nested field', ARTICLE.replace('0000-0002-1825-0097', '0000-0002-1825-0098'), 'test/v1/a1.yaml:6:12: contributors[0].orcid: "0000-0002-1825-0098" is not a valid ORCID iD'],
    ['an unknown key, at the key, with a guess', ARTICLE.replace('title:', 'titel:'), 'test/v1/a1.yaml:2:1: titel: unknown field "titel" (hint: did you mean "title"?)'],
    ['a missing field, at its mapping', ARTICLE.replace('    family_name: Jović\n', ''), 'test/v1/a1.yaml:4:5: contributors[0].family_name: a person needs family_name'],
    ['a missing top-level field, at the start', ARTICLE.replace('title: A title\n', ''), 'test/v1/a1.yaml:1:1: title: is required'],
    ['an empty value, at its key', ARTICLE.replace('title: A title', 'title:'), 'test/v1/a1.yaml:2:1: title: is empty'],
    ['a YAML syntax error', ARTICLE.replace('title: A title', 'title: [A title'), 'test/v1/a1.yaml:3:1: YAML syntax error'],
    ['a duplicate key, named', `${ARTICLE}title: Again\n`, 'test/v1/a1.yaml:7:1: the field "title" appears twice in the same mapping (hint: keep one of them)'],
    ['a bad language key, at the key', `${ARTICLE}abstract:\n  English: Text.\n`, 'test/v1/a1.yaml:8:3: abstract.English: the key "English" must be a language tag'],
    ['a shorthand of the wrong type', `${ARTICLE}translated_titles:\n  fr: 5\n`, 'test/v1/a1.yaml:8:7: translated_titles.fr: must be text or a mapping, not number 5'],
    ['markup inside the shorthand form', `${ARTICLE}references:\n  - Jović, <i>Title.\n`, 'test/v1/a1.yaml:8:5: references[0]: <i> is never closed (at character 8)'],
    ['a number where text is meant', ARTICLE.replace('title: A title', 'title: 1914'), 'test/v1/a1.yaml:2:8: title: must be text, not number 1914 (hint: put the value in quotes'],
    ['a list where text is meant', ARTICLE.replace('title: A title', 'title: [a, b]'), 'test/v1/a1.yaml:2:8: title: must be text, not a list'],
  ])('places %s', (_what, text, expected) => {
    // Act
    const found = problems(article(text)).map(formatProblem);
    // Assess
    expect(found.join('\n')).toContain(expected);
  });

  test('reports every broken file, not only the first', () => {
    // Prepare
    const files: Files = { journal: JOURNAL.replace('2049-3630', '2049-3631'), issues: [{ id: 'v1', issue: ISSUE.replace('year: 2024', 'year: 24'), articles: { 'a1.yaml': 'doi: nope\n' } }] };
    // Act
    const found = problems(files).map((p) => `${p.file} ${p.path.join('.')}`);
    // Assess
    expect(found).toEqual(expect.arrayContaining(['test/journal.yaml issn.electronic', 'test/v1/issue.yaml year', 'test/v1/a1.yaml doi', 'test/v1/a1.yaml title']));
  });

  test('a DOI used in two issues of the journal is reported at the second', () => {
    // Prepare
    const files: Files = { issues: [{ id: 'v1', articles: { 'a1.yaml': ARTICLE } }, { id: 'v2', articles: { 'b1.yaml': ARTICLE.replace('10.5555/a1', '10.5555/A1') } }] };
    // Act
    const found = problems(files).map(formatProblem);
    // Assess
    expect(found).toEqual(['test/v2/b1.yaml:1:6: doi: DOI 10.5555/A1 is already used by test/v1/a1.yaml (hint: every article and issue needs its own DOI: correct this one)']);
  });

  test('an empty file is one problem at 1:1', () => {
    expect(problems(article('# only a comment\n')).map(formatProblem)).toEqual(['test/v1/a1.yaml:1:1: the file is empty (hint: fill it in, or delete it)']);
  });
});
