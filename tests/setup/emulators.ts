/**
 * Vitest global setup for the tests that need AWS: synthesizes the local stage when its templates
 * are stale, starts DynamoDB Local, s3rver and fauxqs once on free loopback ports, and hands their
 * endpoints to the test files (`inject('colophonEmulators')`). Each test file deploys its own copy
 * of the stage on them under a unique name prefix (tests/setup/local-stage.ts).
 */
import type { TestProject } from 'vitest/node';
import { startEmulators, type Endpoints } from '#infra/local/emulators';
import { CDK_OUT } from '#infra/local/paths';
import { ensureSynth } from '#infra/local/synth';

declare module 'vitest' {
  export interface ProvidedContext {
    colophonEmulators: Endpoints;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const synth = await ensureSynth({ cdkOut: CDK_OUT, log: (line) => console.log(`[emulators] ${line}`) });
  if (synth.synthesized) console.log(`[emulators] synthesized in ${Math.round(synth.ms)} ms`);
  const emulators = await startEmulators();
  project.provide('colophonEmulators', emulators.endpoints);
  return () => emulators.stop();
}
