/**
 * The base of an issue's files: what each article (and the issue itself) was on a stage when
 * `colophon pull` wrote the files. `colophon publish` reads it to tell console changes the files
 * have already seen (published before the pull) from changes made since, which it refuses to
 * overwrite (publish-guard.ts). It sits beside issue.yaml as `.colophon-base.json`, kept with the
 * files (commit it); the loader reads only `.yaml` files, so it changes nothing that is published.
 *
 * Versions are per deployment: the same DOI has other version numbers on dev and on prod, so the
 * base is kept per stage, keyed by the records table's name (unique per deployment).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

export const BASE_FILE = '.colophon-base.json';

const pulledSchema = z.object({
  stage: z.string(),
  pulledAt: z.string(),
  /** The issue record's hash when pulled. */
  issue: z.object({ hash: z.string() }),
  /** By DOI in lower case: the version and hash of the article's head when pulled. */
  articles: z.record(z.string(), z.object({ version: z.number().int().positive(), hash: z.string() })),
});
export type PulledBase = z.infer<typeof pulledSchema>;

const baseSchema = z.object({ format: z.literal(1), note: z.string().optional(), stages: z.record(z.string(), pulledSchema) });

const NOTE = 'Written by colophon pull: what the stage held when these files were pulled. colophon publish reads it to refuse overwriting console changes made since. Keep it with the files.';

/** The base recorded in `issueDir` for the deployment whose table is `table`; undefined when there is none (or the file is not ours). */
export function readBase(issueDir: string, table: string): PulledBase | undefined {
  const file = join(issueDir, BASE_FILE);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const result = baseSchema.safeParse(parsed);
  return result.success ? result.data.stages[table] : undefined;
}

/** Records `base` for the deployment `table` in `issueDir`, keeping other stages' bases. */
export function writeBase(issueDir: string, table: string, base: PulledBase): void {
  const file = join(issueDir, BASE_FILE);
  let stages: Record<string, PulledBase> = {};
  if (existsSync(file)) {
    try {
      const result = baseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (result.success) stages = { ...result.data.stages };
    } catch {
      // Not JSON: replaced below.
    }
  }
  stages[table] = base;
  const sorted = Object.fromEntries(Object.entries(stages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify({ format: 1, note: NOTE, stages: sorted }, null, 2)}\n`, 'utf8');
}
