/**
 * The bad-input suite: every case in tests/fixtures/bad/cases.yaml breaks a clean metadata tree,
 * runs `colophon build`, and checks the exit code, the problem line and that nothing was written.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoDir } from '#tests/helpers/shared';
import { copyTree, removeTempDirs, runBin, runCli, type Run } from './run.ts';

afterAll(removeTempDirs);

type Replace = { readonly find: string; readonly with: string };
type Break = {
  readonly replace?: readonly Replace[];
  readonly content?: string;
  readonly delete?: boolean;
  readonly add?: Readonly<Record<string, string>>;
  readonly copy?: { readonly from: string; readonly to: string };
  /** `path` (relative to the tree) replaced by a symbolic link to `target` (relative to the link's folder). */
  readonly symlink?: { readonly path: string; readonly target: string };
};
type Base = { readonly from: string; readonly add?: Readonly<Record<string, string>>; readonly replace?: Readonly<Record<string, readonly Replace[]>> };
type Expect = { readonly file?: string; readonly line: number | null; readonly column?: number; readonly path: string; readonly message: string; readonly hint?: string };
type Case = Break & { readonly name: string; readonly base: string; readonly file: string; readonly expect: Expect; readonly spawn?: boolean };
type Cases = { readonly bases: Readonly<Record<string, Base>>; readonly cases: readonly Case[] };

const data = parse(readFileSync(join(repoDir, 'tests/fixtures/bad/cases.yaml'), 'utf8')) as Cases;

function replaceOnce(path: string, edits: readonly Replace[]): void {
  let text = readFileSync(path, 'utf8');
  for (const { find, with: by } of edits) {
    const found = text.split(find).length - 1;
    if (found !== 1) throw new Error(`"${find}" occurs ${found} times in ${path}; a case must name exactly one spot`);
    text = text.replace(find, () => by);
  }
  writeFileSync(path, text);
}

function addFiles(tree: string, files: Readonly<Record<string, string>> = {}): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
}

/** The base tree, clean, in a temporary folder. */
function baseTree(name: string): string {
  const base = data.bases[name];
  if (!base) throw new Error(`unknown base ${name}`);
  const tree = copyTree(base.from);
  addFiles(tree, base.add);
  for (const [file, edits] of Object.entries(base.replace ?? {})) replaceOnce(join(tree, file), edits);
  return tree;
}

function applyBreak(tree: string, c: Case): void {
  const path = join(tree, c.file);
  if (c.copy) cpSync(join(tree, c.copy.from), join(tree, c.copy.to), { recursive: true });
  addFiles(tree, c.add);
  if (c.replace) replaceOnce(path, c.replace);
  if (c.content !== undefined) writeFileSync(path, c.content);
  if (c.delete) rmSync(path);
  if (c.symlink) {
    rmSync(join(tree, c.symlink.path), { force: true });
    symlinkSync(c.symlink.target, join(tree, c.symlink.path));
  }
}

/** The problem line a case expects: `file:line:column: path: …message… (hint: …hint…)`. */
function matches(line: string, tree: string, c: Case): boolean {
  const e = c.expect;
  const where = `${join(tree, e.file ?? c.file)}${e.line === null ? '' : `:${e.line}:${e.column ?? 1}`}:`;
  const prefix = `${where}${e.path ? ` ${e.path}:` : ''} `;
  const [message, hint] = line.slice(prefix.length).split(' (hint: ');
  return line.startsWith(prefix) && (message ?? '').includes(e.message) && (e.hint === undefined || (hint ?? '').includes(e.hint));
}

describe('bad input', () => {
  test.each(Object.keys(data.bases))('base %s is clean: it validates without a problem', async (name) => {
    // Prepare
    const tree = baseTree(name);
    // Act
    const run = await runCli(['validate', tree]);
    // Assess
    expect(run.stdout).toMatch(/^OK: /m);
    expect(run.code).toBe(0);
  });

  test('there are at least 30 distinct cases', () => {
    expect(new Set(data.cases.map((c) => c.name)).size).toBe(data.cases.length);
    expect(data.cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(data.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // Prepare
    const tree = baseTree(c.base);
    applyBreak(tree, c);
    const out = join(dirname(tree), 'out');
    // Act
    const argv = ['build', tree, '--out', out];
    const run: Run = c.spawn ? runBin(argv) : await runCli(argv);
    // Assess
    const lines = run.stderr.split('\n');
    expect(lines.filter((line) => matches(line, tree, c)), `expected a problem like ${JSON.stringify(c.expect)} in:\n${run.stderr}`).toHaveLength(1);
    const summary = lines.filter(Boolean).at(-1) ?? '';
    expect(summary).toMatch(/^\d+ problems? in \d+ files?; nothing was written to /);
    expect(summary.endsWith(out)).toBe(true);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
