/**
 * Local Lambda execution environments: each is a worker thread running one function's bundle
 * from the cloud assembly with that function's own environment (the template's variables plus
 * the emulator endpoints), its memory size as the heap limit, and its timeout enforced.
 * Invocations queue for a free environment, as Lambda's concurrency limit would make them.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { LocalFunction } from './model.ts';

const BOOTSTRAP = new URL('./lambda-bootstrap.mjs', import.meta.url);

/**
 * A worker inherits the parent's `execArgv` unless told otherwise; under `tsx` that means its
 * loader hooks, which then see every module the bundle imports (the external AWS SDK is hundreds
 * of files): the cold import took 1.5–3.5 times as long. Lambda runs the bundle on plain Node: so do we.
 */
const WORKER_EXEC_ARGV: string[] = [];

/**
 * `COLOPHON_LAMBDA_CPU_PROF=<dir>` (benchmarks only): each environment writes a V8 CPU profile of
 * its whole life under `<dir>/<function>/` when it ends (read with bench/profile.ts).
 */
const execArgvFor = (fn: LocalFunction): string[] => {
  const dir = process.env.COLOPHON_LAMBDA_CPU_PROF;
  return dir ? [...WORKER_EXEC_ARGV, '--cpu-prof', `--cpu-prof-dir=${dir}/${fn.logicalId}`] : WORKER_EXEC_ARGV;
};

export type InvokeError = { readonly errorType: string; readonly errorMessage: string; readonly stack?: string; readonly cause?: string };
export type InvokeResult = { readonly ok: true; readonly result: unknown; readonly durationMs: number; readonly coldStartMs?: number } | { readonly ok: false; readonly error: InvokeError; readonly durationMs: number; readonly coldStartMs?: number };
export type LogSink = (functionName: string, line: string) => void;
export type FunctionStats = {
  invocations: number;
  errors: number;
  coldStarts: number;
  coldStartMs: number[];
  durationMs: number[];
  /** Each invocation: wall-clock start and end (epoch ms), outcome, the CPU time its thread spent, and whether it was its environment's first. */
  timeline: { start: number; end: number; ok: boolean; cpuMs: number; first: boolean }[];
};

type Reply = { ok: boolean; result?: unknown; error?: InvokeError; cpuMs?: number };
type Environment = { worker: Worker; ready: Promise<{ initMs: number; error?: InvokeError }>; busy: boolean; pending: Map<string, (r: Reply) => void>; warm: boolean };

export class LocalLambda {
  readonly stats: FunctionStats = { invocations: 0, errors: 0, coldStarts: 0, coldStartMs: [], durationMs: [], timeline: [] };
  private readonly environments: Environment[] = [];
  private readonly waiting: ((env: Environment) => void)[] = [];
  private inFlight = 0;

  constructor(
    readonly fn: LocalFunction,
    private readonly env: Record<string, string>,
    private readonly options: { readonly concurrency: number; readonly log: LogSink },
  ) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  async invoke(event: unknown): Promise<InvokeResult> {
    this.inFlight++;
    const environment = await this.acquire();
    const started = performance.now();
    let coldStartMs: number | undefined;
    try {
      const init = await environment.ready;
      if (!environment.warm) {
        environment.warm = true;
        coldStartMs = init.initMs;
        this.stats.coldStarts++;
        this.stats.coldStartMs.push(init.initMs);
      }
      const id = randomUUID();
      const context = { awsRequestId: id, functionName: this.fn.name, functionVersion: '$LATEST', invokedFunctionArn: this.fn.arn, memoryLimitInMB: String(this.fn.memoryMb), logGroupName: `/aws/lambda/${this.fn.name}`, logStreamName: 'local', timeoutMs: this.fn.timeoutSeconds * 1000 };
      const outcome = await this.run(environment, id, event, context);
      const durationMs = performance.now() - started;
      this.stats.invocations++;
      this.stats.durationMs.push(durationMs);
      this.stats.timeline.push({ start: performance.timeOrigin + started, end: performance.timeOrigin + started + durationMs, ok: outcome.ok, cpuMs: outcome.cpuMs ?? 0, first: coldStartMs !== undefined });
      if (!outcome.ok) this.stats.errors++;
      const timing = { durationMs, ...(coldStartMs === undefined ? {} : { coldStartMs }) };
      return outcome.ok ? { ok: true, result: outcome.result, ...timing } : { ok: false, error: outcome.error!, ...timing };
    } finally {
      this.release(environment);
      this.inFlight--;
    }
  }

  private run(environment: Environment, id: string, event: unknown, context: Record<string, unknown>): Promise<Reply> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        environment.pending.delete(id);
        // Lambda ends the environment of a timed-out invocation; the next one starts cold.
        void this.retire(environment);
        resolve({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${this.fn.timeoutSeconds} seconds` } });
      }, this.fn.timeoutSeconds * 1000);
      environment.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      environment.worker.postMessage({ id, event, context });
    });
  }

  private acquire(): Promise<Environment> {
    const free = this.environments.find((e) => !e.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    if (this.environments.length < this.options.concurrency) {
      const created = this.spawn();
      created.busy = true;
      return Promise.resolve(created);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(environment: Environment): void {
    if (!this.environments.includes(environment)) {
      const next = this.waiting.shift();
      if (next) {
        const created = this.spawn();
        created.busy = true;
        next(created);
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) next(environment);
    else environment.busy = false;
  }

  private spawn(): Environment {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { file: this.fn.file, exportName: this.fn.exportName },
      env: this.env,
      execArgv: execArgvFor(this.fn),
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: this.fn.memoryMb },
    });
    for (const stream of [worker.stdout, worker.stderr]) createInterface({ input: stream }).on('line', (line) => this.options.log(this.fn.logicalId, line));
    const pending = new Map<string, (r: Reply) => void>();
    const ready = new Promise<{ initMs: number; error?: InvokeError }>((resolve) => {
      worker.on('message', (message: Reply & { type?: string; id?: string; initMs?: number }) => {
        if (message.type === 'ready') resolve({ initMs: message.initMs ?? 0, ...(message.error ? { error: message.error } : {}) });
        else if (message.id !== undefined) pending.get(message.id)?.(message);
      });
    });
    const environment: Environment = { worker, ready, busy: false, pending, warm: false };
    worker.on('error', (error) => {
      for (const settle of pending.values()) settle({ ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: String(error) } });
      pending.clear();
      void this.retire(environment);
    });
    this.environments.push(environment);
    return environment;
  }

  private async retire(environment: Environment): Promise<void> {
    const index = this.environments.indexOf(environment);
    if (index >= 0) this.environments.splice(index, 1);
    await environment.worker.terminate();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.environments].map((e) => this.retire(e)));
  }
}

/** The time a fresh environment takes to import a function's bundle (its cold start before the handler runs). */
export async function measureColdImport(fn: LocalFunction, env: Record<string, string>): Promise<number> {
  return (await measureColdImportCpu(fn, env)).wallMs;
}

/** A fresh environment's import of the bundle: wall time and the worker thread's CPU time. */
export async function measureColdImportCpu(fn: LocalFunction, env: Record<string, string>): Promise<{ wallMs: number; cpuMs: number }> {
  const worker = new Worker(BOOTSTRAP, { workerData: { file: fn.file, exportName: fn.exportName }, env, execArgv: WORKER_EXEC_ARGV, stdout: true, stderr: true });
  try {
    const ready = await new Promise<{ initMs: number; initCpuMs: number; error?: InvokeError }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (ready.error) throw new Error(`${fn.logicalId}: ${ready.error.errorType}: ${ready.error.errorMessage}`);
    return { wallMs: ready.initMs, cpuMs: ready.initCpuMs };
  } finally {
    await worker.terminate();
  }
}
