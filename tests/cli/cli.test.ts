import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoDir } from '#tests/helpers/shared';
import { copyTree, runBin, runCli, snapshot, removeTempDirs, tempDir } from './run.ts';

afterAll(removeTempDirs);

const SEED_FILES = [
  'balcanica/404.html',
  'balcanica/balcanica/index.html',
  'balcanica/balcanica/issues/L-2019/index.html',
  'balcanica/crossref/L-2019.xml',
  'balcanica/doi/10.2298/BALC1950375E/article.xml',
  'balcanica/doi/10.2298/BALC1950375E/citation.bib',
  'balcanica/doi/10.2298/BALC1950375E/citation.json',
  'balcanica/doi/10.2298/BALC1950375E/citation.ris',
  'balcanica/doi/10.2298/BALC1950375E/index.html',
  'balcanica/favicon.ico',
  'balcanica/index.html',
  'balcanica/robots.txt',
  'balcanica/sitemap-balcanica.xml',
  'balcanica/sitemap.xml',
];

/** The rich fixture, with the PDF galley it names and without the relation Crossref cannot carry (see tests/fixtures/bad/cases.yaml). */
function richTree(): string {
  const tree = copyTree('tests/fixtures/metadata');
  writeFileSync(join(tree, 'testjournal/2024-12-3/a01-petrovic.pdf'), '%PDF-1.4 a stand-in galley\n');
  const a03 = join(tree, 'testjournal/2024-12-3/a03-article-number.yaml');
  writeFileSync(a03, readFileSync(a03, 'utf8').replace('type: correction-of', 'type: translation-of'));
  return tree;
}

describe('colophon (command line)', () => {
  test('--version prints the package version', async () => {
    // Prepare
    const { version } = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')) as { version: string };
    // Act
    const run = await runCli(['--version']);
    // Assess
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists the commands with examples', async () => {
    // Act
    const run = await runCli(['--help']);
    const build = await runCli(['build', '--help']);
    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/validate \[options\] <metadata-dir>[\s\S]*build \[options\] <metadata-dir>[\s\S]*Examples:\n {2}\$ colophon validate metadata/);
    expect(build.stdout).toContain('--timestamp <int>');
    expect(build.stdout).toContain('$ colophon build metadata --out out');
  });

  test.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['build', 'metadata'], "required option '-o, --out <dir>' not specified"],
    [['build', 'metadata', '--out', 'x', '--timestamp', 'yesterday'], 'must be a whole number'],
    [['build', 'metadata', '--out', 'x', '--batch-id', 'ab'], 'must be 4 to 96 characters'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    // Act
    const run = await runCli(argv);
    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('colophon validate', () => {
  test('the seed metadata is valid, with a warning that names the licence it lacks', async () => {
    // Act
    const run = await runCli(['validate', join(repoDir, 'metadata')]);
    // Assess: a warning is advice, not a failure
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^\/.*\/balcanica\/journal\.yaml:\d+:\d+: warning: license: no licence: 1 article\(s\) of issue L-2019 .* JATS4R and Crossref expect one \(hint: add license: /),
      `OK: 1 journal, 1 issue, 1 article in ${join(repoDir, 'metadata')} (1 warning above)`,
      '',
    ]);
  });

  test('a journal with a licence gets no licence warning', async () => {
    // Act
    const run = await runCli(['validate', join(repoDir, 'tests/fixtures/metadata')]);
    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('warning');
  });

  test('one issue folder can be validated alone', async () => {
    // Act
    const run = await runCli(['validate', join(repoDir, 'metadata/balcanica/L-2019')]);
    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OK: 1 journal, 1 issue, 1 article/m);
  });

  test('prints every problem sorted by file, then line, and a summary', async () => {
    // Prepare: problems in two files, written out of order
    const tree = copyTree('metadata');
    const article = join(tree, 'balcanica/L-2019/edemskiy.yaml');
    writeFileSync(article, readFileSync(article, 'utf8').replace('last: 396', 'last: 300').replace('language: en', 'language: English'));
    const journal = join(tree, 'balcanica/journal.yaml');
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('0350-7653', '0350-7654'));
    // Act
    const run = await runCli(['validate', tree]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      `${tree}/balcanica/L-2019/edemskiy.yaml:3:11: language: must be a language tag such as en, fr, de, sr-Latn`,
      `${tree}/balcanica/L-2019/edemskiy.yaml:44:9: pages.last: last page 300 comes before first page 375`,
      `${tree}/balcanica/journal.yaml:7:10: issn.print: "0350-7654" is not a valid ISSN: expected NNNN-NNNC with a correct check digit`,
      '3 problems in 2 files',
      '',
    ]);
  });

  test('a folder that is not there is a problem, not a crash', async () => {
    // Act
    const run = await runCli(['validate', join(tempDir(), 'nowhere')]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('nowhere: is not a folder');
  });

  test('the real bin runs on this Node', () => {
    // Act
    const run = runBin(['validate', 'metadata']);
    // Assess
    expect(run).toEqual({ code: 0, stdout: expect.stringMatching(/warning: license: [^\n]*\nOK: 1 journal, 1 issue, 1 article in metadata \(1 warning above\)\n$/), stderr: '' });
  });
});

describe('colophon build', () => {
  test('writes every output of the seed at its key, and nothing else', async () => {
    // Prepare
    const out = join(tempDir(), 'out');
    // Act
    const run = await runCli(['build', join(repoDir, 'metadata'), '--out', out]);
    // Assess
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`wrote 14 files for 1 journal, 1 issue, 1 article to ${out}\n`);
    expect(run.code).toBe(0);
    expect([...snapshot(out).keys()]).toEqual(SEED_FILES);
  });

  test('the deposit carries the derived timestamp and batch id, or the ones given', async () => {
    // Prepare
    const [derived, given] = [join(tempDir(), 'out'), join(tempDir(), 'out')];
    // Act
    await runCli(['build', join(repoDir, 'metadata'), '--out', derived]);
    await runCli(['build', join(repoDir, 'metadata'), '--out', given, '--timestamp', '20250301120000000', '--batch-id', 'balcanica-fix-1']);
    // Assess
    const deposit = (out: string): string => readFileSync(join(out, 'balcanica/crossref/L-2019.xml'), 'utf8');
    expect(deposit(derived)).toContain('<timestamp>20230201000000000</timestamp>'); // online 2023-02-01, the latest date
    expect(deposit(derived)).toMatch(/<doi_batch_id>balcanica-L-2019-[0-9a-f]{12}<\/doi_batch_id>/);
    expect(deposit(given)).toContain('<timestamp>20250301120000000</timestamp>');
    expect(deposit(given)).toContain('<doi_batch_id>balcanica-fix-1</doi_batch_id>');
  });

  test('building twice gives byte-identical trees', async () => {
    // Prepare
    const tree = richTree();
    const [first, second] = [join(tempDir(), 'out'), join(tempDir(), 'out')];
    // Act
    await runCli(['build', tree, '--out', first]);
    await runCli(['build', tree, '--out', second]);
    await runCli(['build', tree, '--out', second]); // over a previous build
    // Assess
    const a = snapshot(first);
    expect(a.size).toBeGreaterThan(10);
    expect(snapshot(second)).toEqual(a);
  });

  test('copies galleys given by path beside the landing page, and lists files with --list', async () => {
    // Prepare
    const tree = richTree();
    const out = join(tempDir(), 'out');
    // Act
    const run = await runCli(['build', tree, '--out', out, '--list']);
    // Assess
    expect(run.code).toBe(0);
    const files = snapshot(out);
    expect(files.get('testjournal/doi/10.5555/sbt.2024.001/a01-petrovic.pdf')?.toString()).toBe('%PDF-1.4 a stand-in galley\n');
    expect([...files.keys()].filter((k) => k.startsWith('testjournal/doi/') && k.endsWith('/index.html'))).toHaveLength(3);
    expect(files.has('testjournal/crossref/2024-12-3.xml')).toBe(true);
    const listed = run.stdout.split('\n').slice(0, -2);
    expect(listed.sort()).toEqual([...files.keys()].map((k) => join(out, k)).sort());
  });

  test('replaces the journal folder whole: files of a former build do not linger', async () => {
    // Prepare
    const out = join(tempDir(), 'out');
    await runCli(['build', join(repoDir, 'metadata'), '--out', out]);
    writeFileSync(join(out, 'balcanica/stale.html'), 'old');
    writeFileSync(join(out, 'other.txt'), 'not ours');
    // Act
    await runCli(['build', join(repoDir, 'metadata'), '--out', out]);
    // Assess
    expect([...snapshot(out).keys()]).toEqual([...SEED_FILES, 'other.txt'].sort());
  });

  test('reports progress on stderr, keeping stdout for the result', async () => {
    // Prepare
    const out = join(tempDir(), 'out');
    // Act
    const run = await runCli(['build', join(repoDir, 'metadata'), '--out', out], { errIsTty: true });
    // Assess
    expect(run.stderr).toBe('rendered 1 of 1 article (balcanica/L-2019)\n');
    expect(run.stdout).toMatch(/^wrote 14 files/);
  });

  test('without a terminal, reports progress every 50 articles', async () => {
    // Prepare: two issues of 26 articles each, made from the seed article
    const tree = copyTree('metadata');
    const seed = readFileSync(join(tree, 'balcanica/L-2019/edemskiy.yaml'), 'utf8');
    for (const issue of ['L-2019', 'LI-2020']) {
      mkdirSync(join(tree, 'balcanica', issue), { recursive: true });
      writeFileSync(join(tree, 'balcanica', issue, 'issue.yaml'), 'volume: L\nyear: 2019\npublished:\n  print: 2019\n');
      for (let k = 0; k < 26; k += 1) writeFileSync(join(tree, 'balcanica', issue, `a${k}.yaml`), seed.replace('BALC1950375E', `${issue}.${k}`));
    }
    rmSync(join(tree, 'balcanica/L-2019/edemskiy.yaml'));
    const out = join(tempDir(), 'out');
    // Act
    const run = await runCli(['build', tree, '--out', out]);
    // Assess
    expect(run.stderr).toBe('rendered 52 of 52 articles (balcanica/LI-2020)\n');
    // 5 files an article (the seed cites nothing: no reference lists, issue 16), then the issues', journal's and stage's files (the icon among them).
    expect(run.stdout).toBe(`wrote 271 files for 1 journal, 2 issues, 52 articles to ${out}\n`);
  });

  test('the real bin builds', () => {
    // Prepare
    const out = join(tempDir(), 'out');
    // Act
    const run = runBin(['build', 'metadata', '--out', out]);
    // Assess
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect([...snapshot(out).keys()]).toEqual(SEED_FILES);
  });
});
