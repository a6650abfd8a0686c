/**
 * Cold import of every handler bundle, as Lambda's init phase loads it: the stage is synthesized
 * (esbuild bundles, infra/constructs/colophon-function.ts), then each bundle is imported by fresh
 * worker threads on plain Node (infra/local/lambda-bootstrap.mjs), `--rounds` times. Prints the
 * bundle size, the median wall time and the median CPU time of the importing thread (the CPU
 * figure is the one to compare on a loaded machine). Target (issue 16): every handler ≤ 100 ms.
 * No emulator is needed: handlers set clients up at import and call nothing until invoked.
 *
 *   npx tsx bench/cold.ts [--rounds 7] [--against <another cdk.out>]
 *
 * `--against` is an A/B at the same load: the other assembly's bundles (e.g. a copy of cdk.out
 * synthesized at the base commit) are imported in turn with this one's, worker for worker, and
 * both medians printed side by side.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measureColdImportCpu } from '#infra/local/lambda';
import { localModel } from '#infra/local/model';
import { CDK_OUT } from '#infra/local/paths';
import { ensureSynth } from '#infra/local/synth';
import { readStacks } from '#infra/local/template';
import { median, table } from './measure.ts';

const TARGET_MS = 100;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, against: { type: 'string' } } });
const rounds = Number(values.rounds);

const synth = await ensureSynth({ cdkOut: CDK_OUT, log: (l) => console.log(l) });
if (synth.synthesized) console.log(`synth ${(synth.ms / 1000).toFixed(1)} s`);
const modelOf = (cdkOut: string) => localModel(readStacks(cdkOut, 'local'), { prefix: 'cold-', queueUrl: (name) => `http://127.0.0.1:9/000000000000/${name}`, siteHost: '127.0.0.1:9' }, cdkOut);
const model = modelOf(CDK_OUT);
const base = values.against === undefined ? undefined : new Map([...modelOf(values.against).functions].map((fn) => [fn.logicalId, fn]));
// Endpoints nothing listens on: an import that called AWS would fail here, which is the point.
const env = { AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'cold', AWS_SECRET_ACCESS_KEY: 'cold', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}), node ${process.version}; ${rounds} fresh workers per bundle\n`);
const rows: string[][] = [];
/** The size of the handler's own file and, after a +, of the modules bundled beside it (bundled-modules.ts). */
const sizes = (file: string): string => {
  const own = statSync(file).size / 1024;
  const beside = readdirSync(dirname(file)).filter((f) => f.endsWith('.mjs') && f !== basename(file)).reduce((sum, f) => sum + statSync(join(dirname(file), f)).size / 1024, 0);
  return beside === 0 ? own.toFixed(0) : `${own.toFixed(0)} + ${beside.toFixed(0)}`;
};
for (const fn of [...model.functions].sort((a, b) => a.logicalId.localeCompare(b.logicalId))) {
  const other = base?.get(fn.logicalId);
  const samples: { wallMs: number; cpuMs: number }[] = [];
  const baseSamples: { wallMs: number; cpuMs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    if (other) baseSamples.push(await measureColdImportCpu(other, { ...env, ...other.environment }));
    samples.push(await measureColdImportCpu(fn, { ...env, ...fn.environment }));
  }
  const cpu = median(samples.map((s) => s.cpuMs));
  const ab = other ? [sizes(other.file), median(baseSamples.map((s) => s.cpuMs)).toFixed(0)] : [];
  rows.push([fn.logicalId, ...ab, sizes(fn.file), median(samples.map((s) => s.wallMs)).toFixed(0), cpu.toFixed(0), cpu <= TARGET_MS ? 'ok' : 'OVER']);
}
console.log(table(['handler', ...(base ? ['base KiB', 'base CPU ms'] : []), 'bundle KiB', 'cold import wall ms', 'CPU ms', `≤ ${TARGET_MS} ms CPU`], rows));
console.log(`load after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
