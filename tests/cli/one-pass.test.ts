/**
 * `colophon validate` reports every problem in one pass: a tree holding fifteen independent
 * mistakes, in one file and across files, each in a file that has other problems too, gives all
 * fifteen at once and nothing else (issue 13, item 1).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyTree, removeTempDirs, runCli } from './run.ts';

afterAll(removeTempDirs);

function edit(tree: string, file: string, edits: readonly [find: string, by: string][]): void {
  const path = join(tree, file);
  let text = readFileSync(path, 'utf8');
  for (const [find, by] of edits) {
    if (text.split(find).length !== 2) throw new Error(`"${find}" must occur once in ${file}`);
    text = text.replace(find, () => by);
  }
  writeFileSync(path, text);
}

const ISSUE = 'testjournal/2024-12-3';
const NEXT = 'testjournal/2025-1';

/** The rich fixture with a second issue, then broken in fifteen independent ways. */
function brokenTree(): string {
  const tree = copyTree('tests/fixtures/metadata');
  writeFileSync(join(tree, `${ISSUE}/a01-petrovic.pdf`), '%PDF-1.4 a stand-in galley\n');
  edit(tree, `${ISSUE}/a03-article-number.yaml`, [['type: correction-of', 'type: translation-of']]);
  cpSync(join(tree, ISSUE), join(tree, NEXT), { recursive: true });
  writeFileSync(
    join(tree, NEXT, 'issue.yaml'),
    'volume: 13\nnumber: 1\nyear: 2025\npublished:\n  online: 2025-03-01\ndoi: 10.5555/sbt.2025.13.1\nsections:\n  - id: articles\n    title: Articles\n',
  );
  writeFileSync(join(tree, NEXT, 'a02-mueller.yaml'), readFileSync(join(tree, NEXT, 'a02-mueller.yaml'), 'utf8').replace('section: reviews\n', 'section: articles\n').replace('10.5555/sbt.2024.002', '10.5555/sbt.2025.002'));
  writeFileSync(join(tree, NEXT, 'a03-article-number.yaml'), readFileSync(join(tree, NEXT, 'a03-article-number.yaml'), 'utf8').replace('10.5555/sbt.2024.e7', '10.5555/sbt.2025.e7'));
  writeFileSync(join(tree, NEXT, 'a01-petrovic.yaml'), readFileSync(join(tree, NEXT, 'a01-petrovic.yaml'), 'utf8').replace('10.5555/sbt.2024.001', '10.5555/sbt.2025.001'));

  // journal.yaml: two single-file mistakes (its DOI prefix stays valid, so DOIs are still checked against it)
  edit(tree, 'testjournal/journal.yaml', [
    ['electronic: 2049-3630', 'electronic: 2049-3631'],
    ['email: production@example.org', 'email: production(at)example.org'],
  ]);
  // issue.yaml: a single-file mistake; its sections still count
  edit(tree, `${ISSUE}/issue.yaml`, [['year: 2024', 'year: 24']]);
  // a01: a bad ORCID check digit, an unknown field, a DOI outside the prefix, accepted before received
  edit(tree, `${ISSUE}/a01-petrovic.yaml`, [
    ['orcid: 0000-0002-1825-0097', 'orcid: 0000-0002-1825-0098'],
    ['keywords:', 'keywrds:'],
    ['doi: 10.5555/sbt.2024.001', 'doi: 10.9999/sbt.2024.001'],
    ['accepted: 2024-06-30', 'accepted: 2023-12-01'],
  ]);
  // a02: an impossible date, an unknown section, a translated title in the article's own language
  edit(tree, `${ISSUE}/a02-mueller.yaml`, [
    ['online: 2024-10-15', 'online: 2024-02-30'],
    ['section: reviews', 'section: essays'],
    ['title: Rezension zu „Albanien und Moskau“\n', 'title: Rezension zu „Albanien und Moskau“\ntranslated_titles:\n  de: Eine Rezension\n'],
  ]);
  // a03: unclosed markup, and an article number longer than Crossref takes
  edit(tree, `${ISSUE}/a03-article-number.yaml`, [
    ['title: Une note sur les frontières', 'title: Une note sur les <i>frontières'],
    ['article_number: e7', `article_number: e${'7'.repeat(40)}`],
  ]);
  // the second issue: its DOI outside the prefix; an article reusing the first issue's DOI and
  // giving Müller's ORCID iD to someone else, who also has an unknown role
  edit(tree, `${NEXT}/issue.yaml`, [['doi: 10.5555/sbt.2025.13.1', 'doi: 10.5556/sbt.2025.13.1']]);
  edit(tree, `${NEXT}/a02-mueller.yaml`, [
    ['doi: 10.5555/sbt.2025.002', 'doi: 10.5555/SBT.2024.002'],
    ['given_name: Hans-Jürgen\n    family_name: Müller', 'given_name: Anna\n    family_name: Schmidt\n    role: reviewer'],
  ]);
  return tree;
}

/** [file, field, message fragment] of each mistake made above. */
const EXPECTED: readonly [string, string, string][] = [
  ['testjournal/journal.yaml', 'issn.electronic', 'is not a valid ISSN'],
  ['testjournal/journal.yaml', 'crossref.depositor.email', 'must be an email address'],
  [`${ISSUE}/issue.yaml`, 'year', 'must be at least 1000'],
  [`${ISSUE}/a01-petrovic.yaml`, 'contributors[0].orcid', 'is not a valid ORCID iD'],
  [`${ISSUE}/a01-petrovic.yaml`, 'keywrds', 'unknown field "keywrds"'],
  [`${ISSUE}/a01-petrovic.yaml`, 'doi', "outside the journal's prefix 10.5555"],
  [`${ISSUE}/a01-petrovic.yaml`, 'dates.accepted', 'accepted before it was received'],
  [`${ISSUE}/a02-mueller.yaml`, 'dates.published.online', 'has no day 30'],
  [`${ISSUE}/a02-mueller.yaml`, 'section', 'section "essays" is not listed in issue.yaml'],
  [`${ISSUE}/a02-mueller.yaml`, 'translated_titles.de', "a translated title in de, the article's own language"],
  [`${ISSUE}/a03-article-number.yaml`, 'title', '<i> is never closed'],
  [`${ISSUE}/a03-article-number.yaml`, 'article_number', 'the article number has 41 characters'],
  [`${NEXT}/issue.yaml`, 'doi', "outside the journal's prefix 10.5555"],
  [`${NEXT}/a02-mueller.yaml`, 'doi', `is already used by`],
  [`${NEXT}/a02-mueller.yaml`, 'contributors[0].orcid', 'is already given to Hans-Jürgen Müller'],
  [`${NEXT}/a02-mueller.yaml`, 'contributors[0].role', '"reviewer" is not allowed'],
];

describe('colophon validate: every problem in one pass', () => {
  test('sixteen independent mistakes, single-file and cross-file, all in one run and nothing else', async () => {
    // Prepare
    const tree = brokenTree();
    // Act
    const run = await runCli(['validate', tree]);
    // Assess
    const lines = run.stdout.trim().split('\n');
    const problems = lines.slice(0, -1);
    for (const [file, field, message] of EXPECTED) {
      const prefix = `${join(tree, file)}:`;
      expect(
        problems.filter((line) => line.startsWith(prefix) && /^\d+:\d+: /.test(line.slice(prefix.length)) && line.includes(` ${field}: `) && line.includes(message)),
        `${file} ${field}: ${message} in\n${run.stdout}`,
      ).toHaveLength(1);
    }
    expect(problems).toHaveLength(EXPECTED.length);
    expect(lines.at(-1)).toBe(`${EXPECTED.length} problems in 7 files`);
    expect(run.code).toBe(1);
  });
});
