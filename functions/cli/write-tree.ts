/**
 * Writes a build plan so that a failure leaves nothing half-written: every file goes into a
 * temporary folder inside the output folder (same file system, so renames are atomic), and only
 * then does each journal's folder replace the old one, by rename.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuildPlan } from './build.ts';

/** Temporary folders start with this; a crashed build's leftovers are recognisable and safe to delete. */
export const TEMP_PREFIX = '.colophon-build-';

function replaceFolder(fresh: string, target: string, trash: string): void {
  if (!existsSync(target)) {
    renameSync(fresh, target);
    return;
  }
  renameSync(target, trash);
  try {
    renameSync(fresh, target);
  } catch (error) {
    renameSync(trash, target); // put the old build back rather than leave nothing
    throw error;
  }
}

/** Writes `plan` below `out` (created if needed); `<out>/<journal>` folders are replaced whole. Returns the paths written. */
export function writeTree(out: string, plan: BuildPlan): string[] {
  mkdirSync(out, { recursive: true });
  const temp = mkdtempSync(join(out, TEMP_PREFIX));
  try {
    for (const journal of plan.journals) mkdirSync(join(temp, 'new', journal), { recursive: true });
    for (const file of plan.files) {
      const path = join(temp, 'new', file.path);
      mkdirSync(dirname(path), { recursive: true });
      if ('body' in file) writeFileSync(path, file.body);
      else copyFileSync(file.copyFrom, path);
    }
    mkdirSync(join(temp, 'old'));
    for (const journal of plan.journals) replaceFolder(join(temp, 'new', journal), join(out, journal), join(temp, 'old', journal));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return plan.files.map((file) => join(out, file.path));
}
