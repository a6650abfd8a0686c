/**
 * DynamoDB Local, taken from the npm package that ships it (amplify-dynamodb-simulator) without
 * installing that package and its 283 dependencies: `npm pack` the pinned version into `.cache/`,
 * check the tarball against the pinned sha512 (the registry's `dist.integrity`), keep only its
 * `emulator/` folder, and run the jar with Java 17.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from './paths.ts';
import { freePort, LOOPBACK, StartupError, waitForHttp } from './net.ts';

/** Pinned: `npm view amplify-dynamodb-simulator@2.9.30 dist.integrity` (DynamoDB Local 1.25.1 inside). */
export const DYNAMODB_LOCAL_PACKAGE = {
  name: 'amplify-dynamodb-simulator',
  version: '2.9.30',
  integrity: 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
} as const;

export const emulatorDir = (cache = CACHE_DIR): string => join(cache, `dynamodb-local-${DYNAMODB_LOCAL_PACKAGE.version}`, 'emulator');

const run = (command: string, args: readonly string[], cwd: string): string => {
  const out = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (out.error || out.status !== 0) throw new StartupError(`${command} ${args.join(' ')} failed: ${out.error?.message ?? out.stderr}`, { cause: out.error });
  return out.stdout;
};

/** The emulator folder, fetched and verified on first use (~57 MB once; then from the cache). */
export function ensureDynamoDbLocal(cache = CACHE_DIR): string {
  const target = emulatorDir(cache);
  if (existsSync(join(target, 'DynamoDBLocal.jar'))) return target;
  const work = join(cache, `dynamodb-local-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  try {
    const spec = `${DYNAMODB_LOCAL_PACKAGE.name}@${DYNAMODB_LOCAL_PACKAGE.version}`;
    const [packed] = JSON.parse(run('npm', ['pack', spec, '--json', '--silent', '--pack-destination', work], work)) as { filename: string }[];
    const tarball = join(work, packed!.filename);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (integrity !== DYNAMODB_LOCAL_PACKAGE.integrity) throw new StartupError(`${spec}: integrity ${integrity} is not the pinned ${DYNAMODB_LOCAL_PACKAGE.integrity}`);
    run('tar', ['-xzf', tarball, '-C', work, '--strip-components=1', 'package/emulator'], work);
    mkdirSync(join(target, '..'), { recursive: true });
    // Another process may have finished first: its copy is as good as ours.
    if (!existsSync(join(target, 'DynamoDBLocal.jar'))) renameSync(join(work, 'emulator'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

/** Java 17+ on PATH, or a StartupError saying how to get it. */
export function checkJava(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) throw new StartupError('Java 17 is missing (DynamoDB Local needs it): run infra/local/setup-java.sh, or install openjdk-17-jre-headless', { cause: out.error });
  const major = /version "(\d+)/.exec(out.stderr)?.[1];
  if (major !== undefined && Number(major) < 17) throw new StartupError(`Java ${major} found; DynamoDB Local needs Java 17 or newer`);
}

export type DynamoDbLocal = { readonly endpoint: string; readonly port: number; readonly startupMs: number; stop(): Promise<void> };

/** Starts DynamoDB Local on a free loopback port: in memory, or persisted in `dbPath`. */
export async function startDynamoDbLocal(options: { readonly dbPath?: string; readonly port?: number } = {}): Promise<DynamoDbLocal> {
  checkJava();
  const dir = ensureDynamoDbLocal();
  const port = options.port ?? (await freePort());
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', options.dbPath];
  if (options.dbPath !== undefined) mkdirSync(options.dbPath, { recursive: true });
  const args = [
    // Start-up speed over peak speed: the C1 compiler only and the serial GC (~2–3 s to first answer).
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storage,
  ];
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://${LOOPBACK}:${port}`;
  let startupMs: number;
  try {
    startupMs = await waitForHttp(endpoint, { timeoutMs: 30_000, failed: () => (child.exitCode === null ? undefined : `DynamoDB Local exited (${child.exitCode}): ${output.trim()}`) });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    port,
    startupMs,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/** SIGTERM, then SIGKILL if the process is still there after two seconds. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}
