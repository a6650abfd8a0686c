/**
 * Where a DOI from journal.yaml's doi_pattern is filled in (issue 11, item 7): validate and build
 * show it, `colophon assign-dois` and `colophon publish` write it into the article's file (publish
 * before it looks for the stage), and a DOI that another issue of the journal folder already has
 * is refused even when only one issue folder is checked. On main an article without `doi` was a
 * problem ("is required") everywhere.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPublish, type PublishDeps } from '#cli/publish-command';
import { StageError } from '#cli/stage';
import { copyTree, removeTempDirs, runCli } from './run.ts';

afterAll(removeTempDirs);

/** A copy of metadata/ whose seed article has no doi line (Balcanica's journal.yaml has the pattern). */
function seedWithoutDoi(): { tree: string; seed: string; original: string } {
  const tree = copyTree('metadata');
  const seed = join(tree, 'balcanica/L-2019/edemskiy.yaml');
  const original = readFileSync(seed, 'utf8');
  writeFileSync(seed, original.replace(/^doi: .*\n/m, ''));
  return { tree, seed, original };
}

describe("DOIs from journal.yaml's doi_pattern", () => {
  it('validate shows the DOI the seed gets; build publishes its page under it; neither writes the file', async () => {
    // Prepare
    const { tree, seed } = seedWithoutDoi();
    const before = readFileSync(seed, 'utf8');
    // Act
    const validated = await runCli(['validate', tree]);
    const built = await runCli(['build', tree, '--out', join(dirname(tree), 'out')]);
    // Assess
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain(`${seed}: doi: 10.2298/BALC1950375E from journal.yaml's doi_pattern (colophon publish writes it into this file; colophon assign-dois does it now)\n`);
    expect(built.code).toBe(0);
    expect(readFileSync(join(dirname(tree), 'out/balcanica/doi/10.2298/BALC1950375E/index.html'), 'utf8')).toContain('citation_doi" content="10.2298/BALC1950375E"');
    expect(readFileSync(seed, 'utf8')).toBe(before);
  });

  it('assign-dois writes the DOI into the file, after its comments, and then has nothing left to do', async () => {
    // Prepare
    const { tree, seed } = seedWithoutDoi();
    // Act
    const first = await runCli(['assign-dois', join(tree, 'balcanica/L-2019')]);
    const second = await runCli(['assign-dois', join(tree, 'balcanica/L-2019')]);
    const validated = await runCli(['validate', tree]);
    // Assess
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`${seed}: doi: 10.2298/BALC1950375E written (from journal.yaml's doi_pattern)\n`);
    expect(readFileSync(seed, 'utf8').split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=../../schema/article.schema.json',
      "# The DOI Colophon gave this article from journal.yaml's doi_pattern (10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial}). It is permanent: never change it.",
      'doi: 10.2298/BALC1950375E',
    ]);
    expect(second.stdout).toMatch(/nothing to write\n$/);
    expect(validated.stdout).not.toContain('doi_pattern');
    expect(validated.code).toBe(0);
  });

  it('publish writes the DOI into the file before it looks for the stage', async () => {
    // Prepare
    const { tree, seed } = seedWithoutDoi();
    const deps: PublishDeps = { resolve: () => Promise.reject(new StageError('no stage in this test')), now: () => new Date('2026-01-01T00:00:00Z'), suffix: () => 'abc123', sleep: async () => undefined };
    let err = '';
    // Act
    const code = await runPublish({ stage: 'local', wait: false, timeoutSeconds: 10, pollSeconds: 1, root: join(tree, 'balcanica/L-2019') }, { out: () => undefined, err: (t) => (err += t) }, deps);
    // Assess
    expect(code).toBe(2);
    expect(err).toBe(`${seed}: doi: 10.2298/BALC1950375E written (from journal.yaml's doi_pattern)\ncolophon publish: no stage in this test\n`);
    expect(readFileSync(seed, 'utf8')).toMatch(/^doi: 10\.2298\/BALC1950375E$/m);
  });

  it("refuses a DOI another issue of the journal folder has, when one issue folder is checked, and writes nothing", async () => {
    // Prepare: issue L-2019 keeps the seed with its DOI; a copy of L-2019 whose article has none would get the same DOI.
    const tree = copyTree('metadata');
    const copy = join(tree, 'balcanica/L-2019-copy');
    cpSync(join(tree, 'balcanica/L-2019'), copy, { recursive: true });
    const twin = join(copy, 'edemskiy.yaml');
    writeFileSync(twin, readFileSync(twin, 'utf8').replace(/^doi: .*\n/m, ''));
    const before = readFileSync(twin, 'utf8');
    // Act
    const run = await runCli(['assign-dois', copy]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${twin}: journal.yaml's doi_pattern gives this article the DOI 10.2298/BALC1950375E, which L-2019/edemskiy.yaml already has: the pattern cannot tell them apart (hint: give this article its DOI by hand (doi: …), or change doi_pattern in journal.yaml)`);
    expect(readFileSync(twin, 'utf8')).toBe(before);
  });
});
