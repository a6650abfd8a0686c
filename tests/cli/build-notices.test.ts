/**
 * `colophon build` links notices both ways from the journal folder (issue 11, item 4): the
 * correction's page names the corrected article by its title, and the corrected article's page
 * shows the correction. On main the first showed a bare DOI and the second nothing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyTree, removeTempDirs, runCli } from './run.ts';

afterAll(removeTempDirs);

test('the rich fixture builds with the correction linked both ways', async () => {
  // Prepare
  const tree = copyTree('tests/fixtures/metadata');
  const out = join(dirname(tree), 'out');

  // Act
  const run = await runCli(['build', tree, '--out', out]);
  const page = (doi: string): string => readFileSync(join(out, 'testjournal/doi', doi, 'index.html'), 'utf8');

  // Assess
  expect(run.code).toBe(0);
  expect(page('10.5555/sbt.2024.e7')).toContain('This article corrects “<a href="https://doi.org/10.5555/sbt.2024.001">The Danube Question and the <i>Acta Bosniaca</i>, 1878–1914</a>”');
  expect(page('10.5555/sbt.2024.001')).toContain('A correction to this article has been published (2024-10-15): “<a href="https://doi.org/10.5555/sbt.2024.e7">Une note sur les frontières</a>”');
  expect(readFileSync(join(out, 'testjournal/doi/10.5555/sbt.2024.001/article.xml'), 'utf8')).toContain('related-article-type="correction-forward"');
});
