/**
 * A fresh deployment of the synthesized local stage for one test file: on the emulators the global
 * setup started (or, when a file runs without it, on its own), under a unique name prefix, with
 * failed messages retried at once so a poison message reaches its DLQ in seconds, not minutes.
 * Function logs are kept in memory for assertions instead of printed.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startEmulators, type Endpoints } from '#infra/local/emulators';
import { CDK_OUT } from '#infra/local/paths';
import { deployLocal, type LocalCrossref, type LocalStack } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';

export type TestStage = {
  readonly stack: LocalStack;
  readonly endpoints: Endpoints;
  /** Every log line the functions printed, parsed where it is JSON. */
  readonly logs: { readonly fn: string; readonly line: Record<string, unknown> }[];
  readonly errors: string[];
  stop(): Promise<void>;
};

/**
 * `cdkOut`: another cloud assembly (a test's changed copy of the synthesized one); default the synthesized stage.
 * `crossref`: where the functions deposit (a Crossref simulator's URL and mode), as `npm start` sets it.
 */
export async function startTestStage(options: { readonly cdkOut?: string; readonly crossref?: LocalCrossref } = {}): Promise<TestStage> {
  const provided = inject('colophonEmulators') as Endpoints | undefined;
  // The global setup synthesized once for the whole run; a file run on its own checks for itself.
  if (!provided) await ensureSynth({ cdkOut: CDK_OUT });
  const own = provided ? undefined : await startEmulators();
  const endpoints = provided ?? own!.endpoints;
  const logs: TestStage['logs'] = [];
  const errors: string[] = [];
  const stack = await deployLocal({
    cdkOut: options.cdkOut ?? CDK_OUT,
    endpoints,
    prefix: `t${randomBytes(3).toString('hex')}-`,
    retryAfterSeconds: 0,
    ...(options.crossref ? { crossref: options.crossref } : {}),
    log: (fn, line) => {
      try {
        logs.push({ fn, line: JSON.parse(line) as Record<string, unknown> });
      } catch {
        logs.push({ fn, line: { message: line } });
      }
    },
    onError: (message, error) => errors.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  return {
    stack,
    endpoints,
    logs,
    errors,
    stop: async () => {
      await stack.stop();
      await own?.stop();
    },
  };
}

/**
 * The CLI's flags to reach this test stage, as it reaches `npm start`: a state file (endpoints,
 * site URL and this deployment's name prefix) written into `dir`.
 */
export function cliStateFlags(stage: TestStage, dir: string): string[] {
  const table = stage.stack.table('RecordsTable');
  const prefix = table.slice(0, table.indexOf('Colophon-local-'));
  const file = join(dir, 'endpoints.json');
  writeFileSync(file, JSON.stringify({ endpoints: { s3: stage.endpoints.s3, dynamodb: stage.endpoints.dynamodb }, siteUrl: stage.stack.siteUrl, prefix }));
  return ['--local-state', file];
}
