import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { registerImport, runImport } from '#cli/import-command';
import { corpusDir } from '#tests/helpers/shared';

const dirs: string[] = [];
const workDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'colophon-import-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};
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
    expect(command?.options.map((o) => o.long)).toEqual(['--into', '--force', '--dry-run']);
  });
});
