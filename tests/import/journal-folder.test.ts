/**
 * `colophon import --assign-dois` against the journal folder it writes into: DOIs already there
 * (in any issue) are taken, the existing journal.yaml's prefix rules, and nothing is written when
 * the folder would end up with two files of one DOI.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '#cli/import-command';
import { ojsArticle, ojsIssue } from '#tests/core/import/ojs-xml';
import { capture, scratchDirs } from './work-dir.ts';

const workDir = scratchDirs();


describe('colophon import --assign-dois against the journal folder', () => {
  /** Writes an OJS export of one issue (volume 1, `number`) with one article per `[title, surname]` and no DOIs. */
  const ojsSource = (dir: string, name: string, number: string, articles: readonly (readonly [string, string])[]): string => {
    const path = join(dir, name);
    writeFileSync(path, ojsIssue(articles.map(([title, surname], k) => ojsArticle(title, '', `${k * 10 + 1}-${k * 10 + 10}`, surname)).join(''), { volume: '1', number }));
    return path;
  };
  /** Every file below `dir` with its text, to show that a refused run changed nothing. */
  const snapshot = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );

  it('refuses a DOI that an article of another issue of the journal already has, naming its file', () => {
    // Prepare
    const root = workDir();
    const journalDir = join(root, 'balc');
    const a = ojsSource(root, 'a.xml', '1', [['Borders', 'Hoxha']]);
    const b = ojsSource(root, 'b.xml', '2', [['Maps', 'Ivić']]);
    const first = runImport({ format: 'ojs-native', source: a, into: join(journalDir, '1-1'), assignDois: '10.5555/balc.{seq}' }, capture().output);
    const before = snapshot(journalDir);
    const io = capture();

    // Act
    const second = runImport({ format: 'ojs-native', source: b, into: join(journalDir, '1-2'), assignDois: '10.5555/balc.{seq}' }, io.output);

    // Assess
    expect(first).toBe(0);
    expect(second).toBe(2);
    expect(io.err.some((l) => /10\.5555\/balc\.1 .*balc\/1-1\/hoxha\.yaml/.test(l))).toBe(true);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(existsSync(join(journalDir, '1-2'))).toBe(false);
    expect(snapshot(journalDir)).toEqual(before);
  });

  it('refuses a source DOI that another issue of the journal already has, before writing', () => {
    // Prepare
    const root = workDir();
    const journalDir = join(root, 'balc');
    writeFileSync(join(root, 'a.xml'), ojsIssue(ojsArticle('Borders', '<id type="doi">10.5555/balc.7</id>'), { volume: '1', number: '1' }));
    writeFileSync(join(root, 'b.xml'), ojsIssue(ojsArticle('Maps', '<id type="doi">10.5555/balc.7</id>', '1-10', 'Ivić'), { volume: '1', number: '2' }));
    runImport({ format: 'ojs-native', source: join(root, 'a.xml'), into: join(journalDir, '1-1') }, capture().output);
    const io = capture();

    // Act
    const code = runImport({ format: 'ojs-native', source: join(root, 'b.xml'), into: join(journalDir, '1-2') }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err.some((l) => l.includes('10.5555/balc.7') && l.includes('1-1/maric.yaml') && l.includes('1-2/ivic.yaml'))).toBe(true);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(existsSync(join(journalDir, '1-2'))).toBe(false);
  });

  it('refuses a --force re-import whose {seq} shifted onto a file it does not overwrite', () => {
    // Prepare
    const root = workDir();
    const journalDir = join(root, 'balc');
    const into = join(journalDir, '1-1');
    const template = '10.5555/balc.{volume}.{issue}.{seq}';
    const first = runImport({ format: 'ojs-native', source: ojsSource(root, 'a.xml', '1', [['Borders', 'Hoxha'], ['Maps', 'Marić']]), into, assignDois: template }, capture().output);
    const before = snapshot(journalDir);
    const io = capture();

    // Act: an article comes first now, so Hoxha's {seq} becomes 2 and the newcomer takes 1
    const code = runImport({ format: 'ojs-native', source: ojsSource(root, 'b.xml', '1', [['Preface', 'Ivić'], ['Borders', 'Hoxha'], ['Maps', 'Marić']]), into, assignDois: template, force: true }, io.output);

    // Assess
    expect(first).toBe(0);
    expect(code).toBe(2);
    expect(io.err.some((l) => /10\.5555\/balc\.1\.1\.1 .*1-1\/a01-hoxha\.yaml/.test(l))).toBe(true);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(snapshot(journalDir)).toEqual(before);
  });

  it('overwrites its own earlier files on a --force re-import of the same source', () => {
    // Prepare
    const root = workDir();
    const into = join(root, 'balc', '1-1');
    const source = ojsSource(root, 'a.xml', '1', [['Borders', 'Hoxha'], ['Maps', 'Marić']]);
    const options = { format: 'ojs-native', source, into, assignDois: '10.5555/balc.{volume}.{issue}.{seq}' };
    runImport(options, capture().output);
    const io = capture();

    // Act
    const code = runImport({ ...options, force: true }, io.output);

    // Assess
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(readFileSync(join(into, 'a01-hoxha.yaml'), 'utf8')).toContain('doi: 10.5555/balc.1.1.1 #');
  });

  it('refuses a template whose prefix is not the doi_prefix of the existing journal.yaml, before writing', () => {
    // Prepare
    const root = workDir();
    const journalDir = join(root, 'balc');
    const source = ojsSource(root, 'a.xml', '1', [['Borders', 'Hoxha']]);
    runImport({ format: 'ojs-native', source, into: join(journalDir, '1-1'), assignDois: '10.5555/balc.{volume}.{issue}.{seq}' }, capture().output);
    const io = capture();

    // Act
    const code = runImport({ format: 'ojs-native', source, into: join(journalDir, '1-2'), assignDois: '10.1234/balc.{volume}.{issue}.{id}' }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err[0]).toMatch(/doi_prefix "10\.5555".*10\.1234/);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(existsSync(join(journalDir, '1-2'))).toBe(false);
  });

  it('refuses an article that lacks a token of the template, naming the article and the token', () => {
    // Prepare
    const root = workDir();
    const source = join(root, 'a.xml');
    writeFileSync(source, ojsIssue(ojsArticle('Borders', '', '1-10', 'Hoxha'), { number: '2' }));
    const io = capture();

    // Act
    const code = runImport({ format: 'ojs-native', source, into: join(root, 'balc', '2'), assignDois: '10.5555/balc.{volume}.{issue}.{seq}' }, io.output);

    // Assess
    expect(code).toBe(2);
    expect(io.err.some((l) => l.includes('"Borders"') && l.includes('{volume}') && l.includes('template without {volume}'))).toBe(true);
    expect(io.err.at(-1)).toBe('nothing written');
    expect(existsSync(join(root, 'balc'))).toBe(false);
  });
});
