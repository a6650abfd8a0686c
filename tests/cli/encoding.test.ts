/**
 * Text that would publish something other than what an editor sees: bytes that are not UTF-8
 * (decoded as U+FFFD) and invisible bidirectional controls ("Trojan Source"). Both are refused by
 * `validate` with the file, the field and the line, and `build` writes nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTree, removeTempDirs, runCli, tempDir } from './run.ts';

afterAll(removeTempDirs);

const ARTICLE = 'balcanica/L-2019/edemskiy.yaml';

function seedWith(edit: (bytes: Buffer) => Buffer): string {
  const root = copyTree('metadata');
  const file = join(root, ARTICLE);
  writeFileSync(file, edit(readFileSync(file)));
  return root;
}

describe('text that is not what it shows', () => {
  it('refuses a file saved in another encoding than UTF-8, naming file, field and line', async () => {
    // Prepare: "Tirana" with a Windows-1252 "é" byte (0xE9) in the title, invalid in UTF-8
    const root = seedWith((b) => Buffer.from(b.toString('latin1').replace('Tirana in', 'Tiran\u00e9 in'), 'latin1'));
    // Act
    const run = await runCli(['validate', root]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/edemskiy\.yaml:4:\d+: title: contains U\+FFFD at position \d+, the mark of bytes that were not UTF-8: save the file as UTF-8/);
  });

  it('refuses a bidirectional override in a title, and build writes nothing', async () => {
    // Prepare
    const root = seedWith((b) => Buffer.from(b.toString('utf8').replace('Moscow and', 'Moscow \u202Eand'), 'utf8'));
    const out = join(tempDir(), 'out');
    // Act
    const validate = await runCli(['validate', root]);
    const build = await runCli(['build', root, '--out', out]);
    // Assess
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(/edemskiy\.yaml:4:\d+: title: contains the invisible bidirectional control character U\+202E/);
    expect(build.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe("files as editors' tools save them", () => {
  it('reads classic Mac line endings (CR only) as line breaks, as YAML does: the same articles as with LF', async () => {
    // Prepare
    const root = seedWith((b) => Buffer.from(b.toString('utf8').replaceAll('\n', '\r'), 'utf8'));
    const out = join(tempDir(), 'out');
    const plain = join(tempDir(), 'plain');
    // Act
    const run = await runCli(['build', root, '--out', out]);
    await runCli(['build', copyTree('metadata'), '--out', plain]);
    // Assess
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'balcanica/doi/10.2298/BALC1950375E/article.xml'), 'utf8')).toBe(readFileSync(join(plain, 'balcanica/doi/10.2298/BALC1950375E/article.xml'), 'utf8'));
  });

  it('names a folder whose name ends in .yaml instead of failing with EISDIR', async () => {
    // Prepare
    const root = copyTree('metadata');
    mkdirSync(join(root, 'balcanica/L-2019/notes.yaml'));
    // Act
    const run = await runCli(['validate', root]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(`${join(root, 'balcanica/L-2019/notes.yaml')}: is a folder, not a file: each article is one .yaml file`);
    expect(run.stdout + run.stderr).not.toContain('EISDIR');
  });

  it('refuses a YAML alias bomb (ten lines that expand to a billion values) as a problem, not an internal error', async () => {
    // Prepare
    const bomb = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 9 }, (_, k) => `a${k + 1}: &a${k + 1} [${Array.from({ length: 9 }, () => `*a${k}`).join(', ')}]`)].join('\n');
    const root = seedWith((b) => Buffer.concat([b, Buffer.from(`${bomb}\n`)]));
    // Act
    const run = await runCli(['validate', root]);
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/edemskiy\.yaml:1:1: uses YAML aliases \(\*name\) more than 100 times, which Colophon does not expand/);
  });
});
