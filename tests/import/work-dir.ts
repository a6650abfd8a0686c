/** Scratch folders and captured output for the import command's tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * A maker of fresh temporary folders, each removed after the test that asked for it. Call it at
 * the top of a test file: the hook belongs to that file (modules are shared between files).
 */
export function scratchDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-import-'));
    dirs.push(dir);
    return dir;
  };
}

/** The lines a command prints on stdout and stderr, and the output object that collects them. */
export const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};
