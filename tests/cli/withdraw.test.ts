/**
 * `colophon withdraw` (issue 11, item 6): writes `withdrawn` into the article's file, which then
 * validates and builds as a notice page with a Crossmark withdrawal; refuses twice, or an unknown DOI.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTree, removeTempDirs, runCli } from './run.ts';

afterAll(removeTempDirs);

describe('colophon withdraw', () => {
  it('writes withdrawn into the file; build then makes the notice page and the Crossmark withdrawal', async () => {
    // Prepare
    const tree = copyTree('tests/fixtures/metadata');
    const issue = join(tree, 'testjournal/2024-12-3');
    const out = join(dirname(tree), 'out');
    // Act
    const run = await runCli(['withdraw', issue, '10.5555/sbt.2024.002', '--reason', 'Published in error: "a duplicate".', '--date', '2025-02-03']);
    const again = await runCli(['withdraw', issue, '10.5555/sbt.2024.002', '--reason', 'Twice.', '--date', '2025-02-04']);
    const built = await runCli(['build', tree, '--out', out]);
    // Assess
    expect(run).toEqual({ code: 0, stdout: `${issue}/a02-mueller.yaml: withdrawn on 2025-02-03. Publish the issue to withdraw it on the stage: colophon publish ${issue}\n`, stderr: '' });
    expect(readFileSync(join(issue, 'a02-mueller.yaml'), 'utf8')).toMatch(/\nwithdrawn:\n {2}date: 2025-02-03\n {2}reason: "Published in error: \\"a duplicate\\"\."\n$/);
    expect(again).toMatchObject({ code: 1, stderr: 'colophon withdraw: 10.5555/sbt.2024.002 is withdrawn already: nothing was written\n' });
    expect(built.code).toBe(0);
    expect(readFileSync(join(out, 'testjournal/doi/10.5555/sbt.2024.002/index.html'), 'utf8')).toContain('This article has been withdrawn (2025-02-03): Published in error: "a duplicate".');
    expect(readFileSync(join(out, 'testjournal/crossref/2024-12-3.xml'), 'utf8')).toContain('<update type="withdrawal" date="2025-02-03">10.5555/sbt.2024.002</update>');
  });

  it('refuses a DOI no file of the folder has, and a date that is not a day', async () => {
    const tree = copyTree('tests/fixtures/metadata');
    const unknown = await runCli(['withdraw', tree, '10.5555/nope', '--reason', 'x']);
    const badDate = await runCli(['withdraw', tree, '10.5555/sbt.2024.002', '--reason', 'x', '--date', '2025-02-30']);
    expect(unknown).toMatchObject({ code: 1, stderr: `colophon withdraw: no article file below ${tree} has DOI 10.5555/nope: give the issue folder that holds it\n` });
    expect(badDate.code).toBe(2);
  });
});
