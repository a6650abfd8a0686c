import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { BuildPlan } from '#cli/build';
import { writeTree } from '#cli/write-tree';
import { snapshot, removeTempDirs, tempDir } from './run.ts';

afterAll(removeTempDirs);

const plan = (files: BuildPlan['files']): BuildPlan => ({ journals: ['j'], files, issues: 1, articles: 1 });

describe('writeTree', () => {
  test('writes the files and copies the galleys', () => {
    // Prepare
    const dir = tempDir();
    writeFileSync(join(dir, 'a.pdf'), 'PDF');
    const out = join(dir, 'out');
    // Act
    const written = writeTree(out, plan([{ path: 'j/doi/x/index.html', body: '<p>x</p>' }, { path: 'j/doi/x/a.pdf', copyFrom: join(dir, 'a.pdf') }]));
    // Assess
    expect(written).toEqual([join(out, 'j/doi/x/index.html'), join(out, 'j/doi/x/a.pdf')]);
    expect(Object.fromEntries([...snapshot(out)].map(([k, v]) => [k, v.toString()]))).toEqual({ 'j/doi/x/index.html': '<p>x</p>', 'j/doi/x/a.pdf': 'PDF' });
  });

  test('a failure half-way leaves the former build as it was, and no temporary folder', () => {
    // Prepare
    const out = join(tempDir(), 'out');
    writeTree(out, plan([{ path: 'j/old.html', body: 'old' }]));
    const broken = plan([{ path: 'j/new.html', body: 'new' }, { path: 'j/galley.pdf', copyFrom: join(out, 'no-such-file.pdf') }]);
    // Act
    const write = (): string[] => writeTree(out, broken);
    // Assess
    expect(write).toThrow(/ENOENT/);
    expect(readdirSync(out)).toEqual(['j']);
    expect(readdirSync(join(out, 'j'))).toEqual(['old.html']);
    expect(readFileSync(join(out, 'j/old.html'), 'utf8')).toBe('old');
  });

  test('a failure in a first build leaves no journal folder', () => {
    // Prepare
    const out = join(tempDir(), 'out');
    // Act
    const write = (): string[] => writeTree(out, plan([{ path: 'j/galley.pdf', copyFrom: join(out, 'missing.pdf') }]));
    // Assess
    expect(write).toThrow();
    expect(existsSync(join(out, 'j'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
