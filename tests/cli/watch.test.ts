import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { watchValidate, type Watcher } from '#cli/watch';
import { copyTree, removeTempDirs } from './run.ts';

afterAll(removeTempDirs);

describe('colophon validate --watch', () => {
  test('checks once, then again on each change, until stopped; the watcher is driven by hand, no waiting', async () => {
    // Prepare
    const tree = copyTree('metadata');
    const article = join(tree, 'balcanica/L-2019/edemskiy.yaml');
    const good = readFileSync(article, 'utf8');
    let changed: (() => void) | undefined;
    let closed = false;
    const watch: Watcher = (root, onChange) => {
      expect(root).toBe(tree);
      changed = onChange;
      return { close: () => (closed = true) };
    };
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => undefined };
    // Act
    const running = watchValidate(tree, io, { watch, stopped, now: () => new Date('2026-12-07T10:00:00') });
    const first = out;
    writeFileSync(article, good.replace('doi: 10.2298/BALC1950375E', 'doi: 10.2298 BALC1950375E'));
    out = '';
    changed!();
    const broken = out;
    writeFileSync(article, good);
    out = '';
    changed!();
    const mended = out;
    stop();
    const code = await running;
    // Assess
    expect(first).toBe(`OK: 1 journal, 1 issue, 1 article in ${tree}\n`);
    expect(broken).toBe(`\n10:00:00 a file changed: checking again\n${article}:2:6: doi: "10.2298 BALC1950375E" is not a DOI: expected 10.NNNN/suffix (for example 10.2298/BALC1950375E)\n1 problem in 1 file\n`);
    expect(mended).toBe(`\n10:00:00 a file changed: checking again\nOK: 1 journal, 1 issue, 1 article in ${tree}\n`);
    expect(closed).toBe(true);
    expect(code).toBe(0);
  });
});
