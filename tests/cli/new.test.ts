import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoDir } from '#tests/helpers/shared';
import { copyTree, removeTempDirs, runCli } from './run.ts';

afterAll(removeTempDirs);

function fill(path: string, values: readonly string[]): void {
  let text = readFileSync(path, 'utf8');
  for (const value of values) text = text.replace(': FILL IN', `: ${value}`);
  expect(text).not.toContain(': FILL IN');
  writeFileSync(path, text);
}

describe('colophon new', () => {
  test('writes commented skeletons that point at the schema, refuse to validate until filled in, and validate once filled', async () => {
    // Prepare
    const tree = copyTree('metadata');
    const journal = join(tree, 'balcanica');
    const issueDir = join(journal, 'LI-2020');
    // Act
    const issue = await runCli(['new', 'issue', journal, 'LI-2020']);
    const article = await runCli(['new', 'article', issueDir, 'petrovic']);
    const unfilled = await runCli(['validate', tree]);
    fill(join(issueDir, 'issue.yaml'), ['LI', '2020', '2021-03-01']);
    // Balcanica's journal.yaml has a doi_pattern: the skeleton asks for no DOI, and the pattern needs the first page.
    fill(join(issueDir, 'petrovic.yaml'), ['"A New Article: Its Subtitle"', 'Jelena', 'Petrović']);
    writeFileSync(join(issueDir, 'petrovic.yaml'), `${readFileSync(join(issueDir, 'petrovic.yaml'), 'utf8')}pages:\n  first: 1\n  last: 20\n`);
    const filled = await runCli(['validate', tree]);
    // Assess
    expect(issue).toEqual({ code: 0, stdout: `wrote ${issueDir}/issue.yaml: fill in each FILL IN, then run colophon validate ${issueDir}\n`, stderr: '' });
    expect(article.code).toBe(0);
    const lines = unfilled.stdout.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.replace(`${tree}/`, ''))).toEqual([
      'balcanica/LI-2020/issue.yaml:4:9: volume: is still FILL IN (hint: give the value (or delete the line if the field is optional))',
      'balcanica/LI-2020/issue.yaml:7:7: year: is still FILL IN (hint: give the value (or delete the line if the field is optional))',
      'balcanica/LI-2020/issue.yaml:10:11: published.online: is still FILL IN (hint: give the value (or delete the line if the field is optional))',
      'balcanica/LI-2020/petrovic.yaml:10:8: title: is still FILL IN (hint: give the value (or delete the line if the field is optional))',
      'balcanica/LI-2020/petrovic.yaml:17:17: contributors[0].given_name: is still FILL IN (hint: give the value (or delete the line if the field is optional))',
      'balcanica/LI-2020/petrovic.yaml:18:18: contributors[0].family_name: is still FILL IN (hint: give the value (or delete the line if the field is optional))',
    ]);
    expect(unfilled.code).toBe(1);
    // The seed's journal.yaml has no licence: validate warns about it (issue 14) and still says OK.
    expect(filled.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      `${issueDir}/petrovic.yaml: doi: 10.2298/BALC2051001P from journal.yaml's doi_pattern (colophon publish writes it into this file; colophon assign-dois does it now)`,
      `OK: 1 journal, 2 issues, 2 articles in ${tree} (1 warning above)`,
    ]);
    expect(filled.code).toBe(0);
  });

  test('the $schema line points at the repository schema from where the file is written', async () => {
    // Prepare
    const tree = copyTree('metadata');
    // Act
    await runCli(['new', 'issue', join(tree, 'balcanica'), 'LI-2020']);
    // Assess
    const pointer = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(join(tree, 'balcanica/LI-2020/issue.yaml'), 'utf8'))?.[1];
    expect(pointer && join(tree, 'balcanica/LI-2020', pointer)).toBe(join(repoDir, 'metadata/schema/issue.schema.json'));
  });

  test('never overwrites a file, and says what to give instead of a wrong folder', async () => {
    // Prepare
    const tree = copyTree('metadata');
    const existing = readFileSync(join(tree, 'balcanica/L-2019/edemskiy.yaml'), 'utf8');
    // Act
    const again = await runCli(['new', 'article', join(tree, 'balcanica/L-2019'), 'edemskiy']);
    const notIssue = await runCli(['new', 'article', join(tree, 'balcanica'), 'x']);
    // Assess
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already: nothing was written');
    expect(readFileSync(join(tree, 'balcanica/L-2019/edemskiy.yaml'), 'utf8')).toBe(existing);
    expect(notIssue.code).toBe(2);
    expect(notIssue.stderr).toContain('has no issue.yaml: give an issue folder');
  });
});
