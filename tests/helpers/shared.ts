/**
 * Where ../shared lives: `.ci/run` sets COLOPHON_SCHEMAS_DIR and COLOPHON_CORPUS_DIR; a developer
 * run without them reads the same folders beside the repository. Files are read in place, never copied.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

function sharedDir(envName: string, fallback: string): string {
  const dir = process.env[envName] ?? resolve(repo, '..', 'shared', fallback);
  if (!existsSync(dir)) throw new Error(`${envName} is not set and ${dir} does not exist: run the tests through .ci/run or set ${envName}`);
  return dir;
}

export const schemasDir = (): string => sharedDir('COLOPHON_SCHEMAS_DIR', 'schemas');
export const corpusDir = (): string => sharedDir('COLOPHON_CORPUS_DIR', 'corpus');
export const repoDir = repo;
