/**
 * A notice (correction, retraction, expression of concern) about an article of another journal of
 * the metadata folder: `colophon validate` and `build` refuse it at the relation's line, as the stage
 * does (Ingest, tests/integration/two-journals.test.ts), since a journal's notice changes the page of
 * the article it updates. A relation that is no notice (a translation) stays allowed.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoDir } from '#tests/helpers/shared';
import { removeTempDirs, runCli, tempDir } from './run.ts';

afterAll(removeTempDirs);

const A03 = 'testjournal/2024-12-3/a03-article-number.yaml';

/** Balcanica and the fixture journal in one folder, with a03's relation replaced by `relation`. */
function twoJournals(relation: string): string {
  const root = join(tempDir(), 'metadata');
  cpSync(join(repoDir, 'metadata/balcanica'), join(root, 'balcanica'), { recursive: true });
  cpSync(join(repoDir, 'tests/fixtures/metadata/testjournal'), join(root, 'testjournal'), { recursive: true });
  writeFileSync(join(root, 'testjournal/2024-12-3/a01-petrovic.pdf'), '%PDF-1.4 a stand-in galley\n');
  const a03 = join(root, A03);
  writeFileSync(a03, readFileSync(a03, 'utf8').replace('type: correction-of\n    doi: 10.5555/sbt.2024.001', relation));
  return root;
}

describe('a notice about another journal\'s article', () => {
  it('is refused by validate at its relation, naming the journal that must publish it', async () => {
    // Act
    const root = twoJournals('type: retraction-of\n    doi: 10.2298/BALC1950375E');
    const run = await runCli(['validate', root]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${join(root, A03)}:10:10: relations[0].doi: 10.2298/BALC1950375E is an article of the journal "balcanica": a retraction of it must be published by that journal, not by "testjournal" (hint: publish the notice in an issue of "balcanica", or ask its editors to)`);
  });

  it('is allowed when the relation is no notice (a translation of it)', async () => {
    const run = await runCli(['validate', twoJournals('type: translation-of\n    doi: 10.2298/BALC1950375E')]);
    expect(run.stdout).not.toContain('must be published by that journal');
    expect(run.code).toBe(0);
  });
});
