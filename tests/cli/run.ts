/** Runs the CLI for tests: in-process through `main` (fast), or as the real bin in a child process. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '#cli/main';
import { repoDir } from '#tests/helpers/shared';

export type Run = { readonly code: number; readonly stdout: string; readonly stderr: string };

export const BIN = join(repoDir, 'functions/cli/colophon.mjs');

/** `colophon <argv>` in this process, its output captured. */
export async function runCli(argv: readonly string[], options: { errIsTty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), errIsTty: options.errIsTty ?? false });
  return { code, stdout, stderr };
}

/** `node functions/cli/colophon.mjs <argv>` in a child process, with the Node running the tests. */
export function runBin(argv: readonly string[], node = process.execPath): Run {
  const child = spawnSync(node, [BIN, ...argv], { cwd: repoDir, encoding: 'utf8', timeout: 60_000 });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

const temps: string[] = [];

/**
 * Removes the temporary folders made so far. Each test file registers it with `afterAll`: with
 * vitest's `isolate: false` this module is loaded once per worker, so a hook registered here
 * would belong to the first test file only.
 */
export function removeTempDirs(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder; `removeTempDirs` deletes it. */
export function tempDir(prefix = 'colophon-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A copy of a metadata tree of the repository (`metadata`, `tests/fixtures/metadata`) in a temporary folder. */
export function copyTree(from: string): string {
  const dir = join(tempDir(), 'metadata');
  cpSync(join(repoDir, from), dir, { recursive: true });
  return dir;
}

/** Every file below `dir`, relative to it and sorted, with its bytes: a tree to compare. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
