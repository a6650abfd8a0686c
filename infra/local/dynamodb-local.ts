/**
 * DynamoDB Local, taken from the npm package that ships it (amplify-dynamodb-simulator) without
 * installing that package and its 283 dependencies: `npm pack` the pinned version into `.cache/`,
 * check the tarball against the pinned sha512 (the registry's `dist.integrity`), keep only its
 * `emulator/` folder, and run it with Java 17, bound to loopback (DynamoDbLocalOnLoopback.java).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR } from './paths.ts';
import { LOOPBACK, probePort, StartupError } from './net.ts';

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

export type DynamoDbLocal = { readonly endpoint: string; readonly port: number; readonly startupMs: number; readonly pid: number | undefined; stop(): Promise<void> };

/** The launcher that binds DynamoDB Local to loopback (see the file for why). */
const LOOPBACK_LAUNCHER = fileURLToPath(new URL('./DynamoDbLocalOnLoopback.java', import.meta.url));
const LAUNCHER_CLASS = 'DynamoDbLocalOnLoopback';

/**
 * The launcher compiled once into the cache, with javac from the runtime's own `jdk.compiler`
 * module (Debian's openjdk-17-jre-headless ships it: no JDK needed). Compiling on every start in
 * source-file mode would cost seconds of CPU each time.
 */
export function ensureLoopbackLauncher(dir: string, cache = CACHE_DIR): string {
  const out = join(cache, `dynamodb-local-${DYNAMODB_LOCAL_PACKAGE.version}`, 'loopback');
  const compiled = join(out, `${LAUNCHER_CLASS}.class`);
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(LOOPBACK_LAUNCHER).mtimeMs) return out;
  const work = `${out}-${process.pid}`;
  mkdirSync(work, { recursive: true });
  try {
    run('java', ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-nowarn', '-d', work, '-cp', classPath(dir), LOOPBACK_LAUNCHER], cache);
    try {
      rmSync(out, { recursive: true, force: true });
      renameSync(work, out);
    } catch (error) {
      // Another process (a parallel test worker) compiled it at the same moment: its copy is as good.
      if (!existsSync(compiled)) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

const classPath = (dir: string, ...more: string[]): string => [...more, join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(delimiter);

/** A failed start because the port was taken meanwhile (see probePort): worth another port. */
const BIND_FAILED = /BindException|Address already in use|Failed to bind/i;
const START_ATTEMPTS = 5;

/**
 * Starts DynamoDB Local on a free loopback port (bound to 127.0.0.1 only): in memory, or persisted
 * in `dbPath`. Java must be told its port up front, so a port taken between the probe and the
 * bind makes it start again on another one.
 */
export async function startDynamoDbLocal(options: { readonly dbPath?: string; readonly port?: number; readonly probe?: () => Promise<number> } = {}): Promise<DynamoDbLocal> {
  checkJava();
  const dir = ensureDynamoDbLocal();
  const launcher = ensureLoopbackLauncher(dir);
  if (options.dbPath !== undefined) mkdirSync(options.dbPath, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await (options.probe ?? probePort)());
    try {
      return await startOn(dir, launcher, port, options.dbPath);
    } catch (error) {
      const retry = options.port === undefined && attempt < START_ATTEMPTS && error instanceof StartupError && BIND_FAILED.test(error.message);
      if (!retry) throw error;
    }
  }
}

async function startOn(dir: string, launcher: string, port: number, dbPath: string | undefined): Promise<DynamoDbLocal> {
  const storage = dbPath === undefined ? ['-inMemory'] : ['-dbPath', dbPath];
  const args = [
    // Start-up speed over peak speed: the C1 compiler only and the serial GC (~2–3 s to first answer).
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-cp',
    classPath(dir, launcher),
    LAUNCHER_CLASS,
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storage,
  ];
  // stdin is a pipe nobody writes to: the launcher exits at its end-of-file, i.e. when this process is
  // gone, even by SIGKILL, which no 'exit' handler below can catch.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://${LOOPBACK}:${port}`;
  const started = performance.now();
  try {
    // The launcher says when it serves; polling the port could mistake another server on it for ours.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StartupError(`DynamoDB Local did not start within 60 s: ${output.trim()}`)), 60_000);
      const check = (): void => {
        if (output.includes(`listening ${LOOPBACK}:${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new StartupError(`DynamoDB Local exited (${code}): ${output.trim()}`));
      });
    });
  } catch (error) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw error;
  }
  const startupMs = performance.now() - started;
  return {
    endpoint,
    port,
    startupMs,
    pid: child.pid,
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
