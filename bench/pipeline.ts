/**
 * The pipeline benchmark: a synthetic back catalogue (500 articles in 20 issues, bench/synthetic.ts)
 * published through the local stand-in (the synthesized stage's bundled Ingest, Render, Site and
 * Deposit, in dry run, on the emulators), end to end and per stage, with when the site was up to
 * date and the CPU every process spent (the machine's cores bound the rate); then the same
 * catalogue again (nothing changed, nothing may be written); then each handler bundle's size and
 * cold import time.
 *
 *     npm run bench:pipeline [-- --articles 500 --render-concurrency 2 --ingest-concurrency 1]
 *
 * The concurrencies are the stand-in's execution environments per function (Lambda's would
 * scale out; the stand-in runs one per function unless told otherwise).
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { awsEnv, startEmulators } from '#infra/local/emulators';
import { measureColdImport, type LocalLambda } from '#infra/local/lambda';
import { CDK_OUT } from '#infra/local/paths';
import { publishSources } from '#infra/local/publish';
import { syntheticFiles } from './synthetic-files.ts';
import { deployLocal, type LocalStack } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';
import { processTreeCpu } from './measure.ts';
import { syntheticSources } from './synthetic.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '500' }, 'render-concurrency': { type: 'string', default: '2' }, 'ingest-concurrency': { type: 'string', default: '1' }, rounds: { type: 'string', default: '5' } } });
const ARTICLES = Number(values.articles);
const STAGES = ['Ingest', 'Render', 'Site', 'Deposit'] as const;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const pad = (cells: readonly string[], widths: readonly number[]): string => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');

type Pass = {
  readonly wallMs: number;
  /** Per function: `cpuMs` of every invocation; `firstCpuMs` of those that were their environment's first (lazy imports, engines, the XSD: paid once per container). */
  readonly stages: Record<string, { invocations: number; spanMs: number; busyMs: number; cpuMs: number; firstCpuMs: number; doneMs: number }>;
  /** CPU seconds spent during the pass, by process (this one runs the Lambdas and the SQS emulator). */
  readonly cpu: Map<string, number>;
};

function snapshot(stack: LocalStack): Map<string, number> {
  return new Map(STAGES.map((s) => [s, lambdaOf(stack, s).stats.timeline.length]));
}
const lambdaOf = (stack: LocalStack, id: string): LocalLambda => stack.lambdas.get(stack.fn(id).name)!;

async function pass(stack: LocalStack, sources: Parameters<typeof publishSources>[1]): Promise<Pass> {
  const before = snapshot(stack);
  const cpuBefore = processTreeCpu();
  const started = performance.timeOrigin + performance.now();
  await publishSources(stack, sources, { files: syntheticFiles });
  await stack.drain({ timeoutMs: 1_800_000, quietMs: 500 });
  const ended = performance.timeOrigin + performance.now();
  const cpu = new Map([...processTreeCpu()].map(([name, seconds]) => [name, seconds - (cpuBefore.get(name) ?? 0)]));
  const stages: Pass['stages'] = {};
  for (const s of STAGES) {
    const { stats } = lambdaOf(stack, s);
    const runs = stats.timeline.slice(before.get(s));
    const busyMs = runs.reduce((sum, r) => sum + (r.end - r.start), 0);
    const spanMs = runs.length === 0 ? 0 : Math.max(...runs.map((r) => r.end)) - Math.min(...runs.map((r) => r.start));
    const doneMs = runs.length === 0 ? 0 : Math.max(...runs.map((r) => r.end)) - started;
    const cpuMs = runs.reduce((sum, r) => sum + r.cpuMs, 0);
    const firstCpuMs = runs.reduce((sum, r) => sum + (r.first ? r.cpuMs : 0), 0);
    stages[s] = { invocations: runs.length, spanMs, busyMs, cpuMs, firstCpuMs, doneMs };
  }
  return { wallMs: ended - started - 500, stages, cpu };
}

function report(title: string, result: Pass): void {
  console.log(`\n${title}: ${ARTICLES} articles in ${fmt(result.wallMs / 1000, 1)} s end to end = ${fmt(ARTICLES / (result.wallMs / 1000), 1)} articles/s`);
  // CPU per article: every invocation's thread CPU over the articles; "of it, first runs" is the share
  // spent by each environment's first invocation (the same work again in every cold container).
  const widths = [8, 12, 10, 14, 10, 10, 14, 16, 12];
  console.log(pad(['stage', 'invocations', 'span s', 'articles/s', 'busy s', 'CPU s', 'CPU ms/article', 'of it, first runs', 'done at s'], widths));
  for (const s of STAGES) {
    const st = result.stages[s]!;
    const perArticle = (ms: number): string => fmt(ms / ARTICLES, 1);
    console.log(pad([s, String(st.invocations), fmt(st.spanMs / 1000, 1), st.spanMs > 0 ? fmt(ARTICLES / (st.spanMs / 1000), 1) : '–', fmt(st.busyMs / 1000, 1), fmt(st.cpuMs / 1000, 1), perArticle(st.cpuMs), perArticle(st.firstCpuMs), st.doneMs > 0 ? fmt(st.doneMs / 1000, 1) : '–'], widths));
  }
  const lambdaCpuMs = STAGES.reduce((sum, s) => sum + result.stages[s]!.cpuMs, 0);
  console.log(`Lambda CPU: ${fmt(lambdaCpuMs / ARTICLES, 1)} ms per article (target ≤ 15); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  // The site is up to date once Site's last run ends; the (dry-run) Crossref deposit follows it.
  const siteDone = Math.max(...(['Ingest', 'Render', 'Site'] as const).map((s) => result.stages[s]!.doneMs));
  if (siteDone > 0) console.log(`published on the site: ${fmt(siteDone / 1000, 1)} s = ${fmt(ARTICLES / (siteDone / 1000), 1)} articles/s`);
  const cpuTotal = [...result.cpu.values()].reduce((a, b) => a + b, 0);
  const byProcess = [...result.cpu].filter(([, seconds]) => seconds >= 0.05).map(([name, seconds]) => `${name} ${fmt(seconds, 1)}`);
  console.log(`CPU: ${fmt(cpuTotal, 1)} s (${byProcess.join(', ')}) = ${fmt((cpuTotal * 1000) / ARTICLES, 1)} ms per article; ${fmt(cpuTotal / (result.wallMs / 1000), 2)} cores busy on average`);
}

console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const synth = await ensureSynth({ cdkOut: CDK_OUT, log: (l) => console.log(l) });
const emulators = await startEmulators();
console.log(`emulators: DynamoDB Local ${fmt(emulators.startupMs.dynamodb)} ms, s3rver ${fmt(emulators.startupMs.s3)} ms, fauxqs ${fmt(emulators.startupMs.sqs)} ms${synth.synthesized ? `; synth ${fmt(synth.ms / 1000, 1)} s` : ''}`);
const stack = await deployLocal({
  cdkOut: CDK_OUT,
  endpoints: emulators.endpoints,
  prefix: 'bench-',
  concurrency: { Render: Number(values['render-concurrency']), Ingest: Number(values['ingest-concurrency']) },
  retryAfterSeconds: 1,
  log: () => undefined,
});
try {
  const sources = syntheticSources(ARTICLES);
  console.log(`catalogue: ${sources.issues.length} issues, ${sources.issues.reduce((n, i) => n + i.articles.length, 0)} articles; Render concurrency ${values['render-concurrency']}, Ingest concurrency ${values['ingest-concurrency']}`);
  report('first publish', await pass(stack, [sources]));
  report('same catalogue again (no change)', await pass(stack, [sources]));

  console.log('\nhandler bundles (cold import = fresh worker importing the bundle, median of rounds)');
  const widths = [18, 12, 16];
  console.log(pad(['handler', 'bundle KiB', 'cold import ms'], widths));
  for (const fn of [...stack.model.functions].sort((a, b) => a.logicalId.localeCompare(b.logicalId))) {
    const times: number[] = [];
    for (let round = 0; round < Number(values.rounds); round++) times.push(await measureColdImport(fn, { ...awsEnv(emulators.endpoints), ...fn.environment }));
    console.log(pad([fn.logicalId, fmt(statSync(fn.file).size / 1024), fmt(median(times))], widths));
  }
} finally {
  await stack.stop();
  await emulators.stop();
}
