/**
 * Keeps the synthesized local stage fresh: `npx cdk synth -c stage=local` when a template is
 * missing or older than any source that goes into it (handlers, core, adapters, infra, the
 * lockfile). A lock folder stops two processes (tests and `npm start`) synthesizing at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stackNames } from './template.ts';
import { CACHE_DIR, ROOT } from './paths.ts';

const SOURCES = ['functions', 'infra', 'package.json', 'package-lock.json', 'cdk.json', 'tsconfig.json'];
/** The stand-in's own files do not go into the assembly. */
const IGNORED = [join('infra', 'local')];

function newestSource(path: string): number {
  const rel = relative(ROOT, path);
  if (IGNORED.some((i) => rel === i || rel.startsWith(`${i}/`)) || !existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestSource(join(path, name))), stat.mtimeMs);
}

/** Why the stage must be synthesized again, or undefined when its templates are up to date. */
export function staleReason(cdkOut: string, stage = 'local'): string | undefined {
  const templates = stackNames(stage).map((name) => join(cdkOut, `${name}.template.json`));
  const missing = templates.find((t) => !existsSync(t));
  if (missing) return `${relative(ROOT, missing)} is missing`;
  const built = Math.min(...templates.map((t) => statSync(t).mtimeMs));
  const newest = Math.max(...SOURCES.map((s) => newestSource(join(ROOT, s))));
  return newest > built ? 'sources changed since the last synth' : undefined;
}

export class SynthError extends Error {
  override readonly name = 'SynthError';
}

export type SynthResult = { readonly synthesized: boolean; readonly reason?: string; readonly ms: number };

export async function ensureSynth(options: { readonly cdkOut: string; readonly stage?: string; readonly force?: boolean; readonly log?: (line: string) => void }): Promise<SynthResult> {
  const stage = options.stage ?? 'local';
  const started = performance.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = join(CACHE_DIR, 'synth.lock');
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is synthesizing; a lock older than five minutes belongs to a process that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 300_000) throw new Error(`${lock} is held for more than five minutes`);
      await sleep(500);
    }
  }
  try {
    const reason = options.force ? 'forced' : staleReason(options.cdkOut, stage);
    if (reason === undefined) return { synthesized: false, ms: performance.now() - started };
    options.log?.(`synthesizing stage ${stage} (${reason}) …`);
    try {
      execFileSync('npx', ['cdk', 'synth', '-c', `stage=${stage}`, '--quiet', '--no-notices', '-o', options.cdkOut], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
      throw new SynthError(`cdk synth -c stage=${stage} failed:\n${stderr.split('\n').slice(-30).join('\n')}`, { cause: error });
    }
    return { synthesized: true, reason, ms: performance.now() - started };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
