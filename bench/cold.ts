/**
 * Cold import of every handler bundle, as Lambda's init phase loads it: the stage is synthesized
 * (esbuild bundles, infra/constructs/colophon-function.ts), then each bundle is imported by fresh
 * worker threads on plain Node (infra/local/lambda-bootstrap.mjs), `--rounds` times. Prints the
 * bundle size, the median wall time and the median CPU time of the importing thread (the CPU
 * figure is the one to compare on a loaded machine). Target (issue 16): every handler ≤ 100 ms.
 * No emulator is needed: handlers set clients up at import and call nothing until invoked.
 *
 *   npx tsx bench/cold.ts [--rounds 7]
 */
import { statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measureColdImportCpu } from '#infra/local/lambda';
import { localModel } from '#infra/local/model';
import { CDK_OUT } from '#infra/local/paths';
import { ensureSynth } from '#infra/local/synth';
import { readStacks } from '#infra/local/template';
import { median, table } from './measure.ts';

const TARGET_MS = 100;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const rounds = Number(values.rounds);

const synth = await ensureSynth({ cdkOut: CDK_OUT, log: (l) => console.log(l) });
if (synth.synthesized) console.log(`synth ${(synth.ms / 1000).toFixed(1)} s`);
const model = localModel(readStacks(CDK_OUT, 'local'), { prefix: 'cold-', queueUrl: (name) => `http://127.0.0.1:9/000000000000/${name}`, siteHost: '127.0.0.1:9' }, CDK_OUT);
// Endpoints nothing listens on: an import that called AWS would fail here, which is the point.
const env = { AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'cold', AWS_SECRET_ACCESS_KEY: 'cold', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}), node ${process.version}; ${rounds} fresh workers per bundle\n`);
const rows: string[][] = [];
for (const fn of [...model.functions].sort((a, b) => a.logicalId.localeCompare(b.logicalId))) {
  const samples: { wallMs: number; cpuMs: number }[] = [];
  for (let round = 0; round < rounds; round++) samples.push(await measureColdImportCpu(fn, { ...env, ...fn.environment }));
  const cpu = median(samples.map((s) => s.cpuMs));
  rows.push([fn.logicalId, (statSync(fn.file).size / 1024).toFixed(0), median(samples.map((s) => s.wallMs)).toFixed(0), cpu.toFixed(0), cpu <= TARGET_MS ? 'ok' : 'OVER']);
}
console.log(table(['handler', 'bundle KiB', 'cold import wall ms', 'CPU ms', `≤ ${TARGET_MS} ms CPU`], rows));
