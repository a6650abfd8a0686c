import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { registerImport, runImport } from '#cli/import-command';
import { runCli } from '#tests/cli/run';
import { corpusDir } from '#tests/helpers/shared';
import { capture, scratchDirs } from './work-dir.ts';

const workDir = scratchDirs();

const corpus = (path: string): string => join(corpusDir(), path);

describe('colophon import', () => {
  it('writes journal.yaml, issue.yaml and the article file that loadMetadata accepts', () => {
    // Prepare
    const into = join(workDir(), 'rspb', '284-1855');
    const io = capture();

    // Act
    const code = runImport({ format: 'crossref-json', source: corpus('crossref-api-json/commonmeta-ruby/10.1098_rspb.2017.0132.json'), into }, io.output);

    // Assess
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(into).sort()).toEqual(['dougherty.yaml', 'issue.yaml']);
    const loaded = loadMetadata(join(into, '..'));
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.bundles[0]!.articles[0]!.doi).toBe('10.1098/rspb.2017.0132');
    expect(readFileSync(join(into, '..', 'journal.yaml'), 'utf8')).toContain('base_url: https://journal.example.invalid # PLACEHOLDER');
    expect(io.out).toContain('placeholders in journal.yaml (4):');
    expect(io.out.some((l) => l.includes('subject categories'))).toBe(true);
  });

  it('writes nothing when a source file is not well-formed', () => {
    // Prepare
    const root = workDir();
    const into = join(root, 'j', 'i');
    const io = capture();

    // Act
    const code = runImport({ format: 'crossref-xml', source: corpus('crossref-deposits/cayenne-deposits/invalid-deposit.xml'), into }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err[0]).toMatch(/invalid-deposit\.xml: not well-formed XML: the file ends before these elements are closed/);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(readdirSync(root)).toEqual([]);
  });

  it('keeps an existing journal.yaml and refuses to overwrite article files without --force', () => {
    // Prepare
    const journalDir = join(workDir(), 'elife');
    const into = join(journalDir, '5');
    mkdirSync(journalDir, { recursive: true });
    writeFileSync(join(journalDir, 'journal.yaml'), 'title: eLife\n');
    const source = corpus('crossref-deposits/elife-crossref-xml-generation/elife-crossref-00666.schema-5.3.1.xml');

    // Act
    const first = runImport({ format: 'crossref-xml', source, into }, capture().output);
    const again = capture();
    const second = runImport({ format: 'crossref-xml', source, into }, again.output);
    const forced = runImport({ format: 'crossref-xml', source, into, force: true }, capture().output);

    // Assess
    expect(readFileSync(join(journalDir, 'journal.yaml'), 'utf8')).toBe('title: eLife\n');
    expect(first).toBe(1); // written, but the kept journal.yaml is incomplete
    expect(second).toBe(2);
    expect(again.err.at(-1)).toBe('nothing written (use --force to overwrite issue and article files)');
    expect(forced).toBe(1);
  });

  it('splits files of several issues into issue folders, and writes nothing on a dry run', () => {
    // Prepare
    const journalDir = join(workDir(), 'joss');
    const io = capture();

    // Act
    const code = runImport({ format: 'crossref-xml', source: corpus('crossref-deposits/joss'), into: join(journalDir, 'x'), dryRun: true }, io.output);

    // Assess
    expect(code).toBe(0);
    expect(io.out.slice(0, 6)).toEqual(['would write 5 file(s):', ...['journal.yaml', '1-1/issue.yaml', '1-1/louppe.yaml', '6-60/issue.yaml', '6-60/keitel.yaml'].map((f) => expect.stringMatching(new RegExp(`joss/${f}$`)) as unknown as string)]);
    expect(existsSync(journalDir)).toBe(false);
  });

  it('refuses a folder of several journals', () => {
    // Prepare
    const io = capture();

    // Act
    const code = runImport({ format: 'jats', source: corpus('jats/pmc-oa'), into: join(workDir(), 'j', 'i') }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err[0]).toMatch(/^the source holds articles of 6 journals/);
  });

  it('is registered as a commander command with its options', () => {
    // Prepare
    const program = new Command('colophon');

    // Act
    registerImport(program);

    // Assess
    const command = program.commands.find((c) => c.name() === 'import');
    expect(command?.options.map((o) => o.long)).toEqual(['--into', '--force', '--dry-run', '--assign-dois']);
  });
});

describe('colophon import --assign-dois', () => {
  const source = corpus('ojs-native/pkp-ojs/tests-data-60-content-issue.ojs-3.1-2020.xml');

  it('gives each article without a DOI one from the template, lists it and writes files that validate', async () => {
    // Prepare
    const journalDir = join(workDir(), 'pkp');
    const into = join(journalDir, '1-1');
    const io = capture();

    // Act
    const code = runImport({ format: 'ojs-native', source, into, assignDois: '10.5555/{journal}.v{volume}i{issue}.{id}' }, io.output);
    const validated = await runCli(['validate', journalDir]);

    // Assess
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    const report = io.out.indexOf('DOIs assigned from the template 10.5555/{journal}.v{volume}i{issue}.{id} (6; not in the source, check and register them):');
    expect(report).toBeGreaterThan(0);
    expect(io.out[report + 1]).toMatch(/pkp\/1-1\/a01-forcht\.yaml: 10\.5555\/pkp\.v1i1\.10 "Cyclomatic Complexity: theme and variations"$/);
    expect(io.out.some((l) => l.startsWith('  journal.yaml doi_prefix: "10.5555" from the DOI template'))).toBe(true);
    expect(readFileSync(join(into, 'a01-forcht.yaml'), 'utf8')).toContain('doi: 10.5555/pkp.v1i1.10 # ASSIGNED by colophon import from the template');
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
  });

  it('without the option, skips the articles without a DOI and names --assign-dois', () => {
    // Prepare
    const root = workDir();
    const io = capture();

    // Act
    const code = runImport({ format: 'ojs-native', source, into: join(root, 'pkp', '1-1') }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err[0]).toContain('"Cyclomatic Complexity: theme and variations" has no DOI: the model requires one (assign DOIs in OJS before exporting, import with --assign-dois <template>, or add them by hand)');
    expect(io.err.at(-1)).toBe('nothing written');
    expect(readdirSync(root)).toEqual([]);
  });

  it.each([
    ['gives two articles one DOI', '10.5555/pkp.{volume}.{issue}', /^ {2}the template gives 10\.5555\/pkp\.1\.1 to 6 articles: "Cyclomatic Complexity: theme and variations" \(issue 1-1, article 1\), .*; add \{seq\}/],
    ['has a bad prefix', '10.55/pkp.{seq}', /^DOI template "10\.55\/pkp\.\{seq\}": "10\.55" is not a DOI prefix/],
  ])('writes nothing when the template %s', (_name, template, problem) => {
    // Prepare
    const root = workDir();
    const io = capture();

    // Act
    const code = runImport({ format: 'ojs-native', source, into: join(root, 'pkp', '1-1'), assignDois: template }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err.some((l) => problem.test(l))).toBe(true);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(readdirSync(root)).toEqual([]);
  });

  it('reads the option on the command line', async () => {
    // Prepare
    const journalDir = join(workDir(), 'pkp');

    // Act
    const run = await runCli(['import', 'ojs-native', source, '--into', join(journalDir, '1-1'), '--assign-dois', '10.5555/pkp.{volume}.{issue}.{seq}', '--dry-run']);
    process.exitCode = undefined; // the import command reports through it

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pkp/1-1/a06-yagna.yaml: 10.5555/pkp.1.1.6 "Whistleblowing: an ethical dilemma"');
    expect(existsSync(journalDir)).toBe(false);
  });
});
