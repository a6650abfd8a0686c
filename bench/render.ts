/**
 * Render benchmark: N synthetic articles (bench/synthetic.ts) loaded through the real loader and
 * rendered to every output, on one core (the renderers are single-threaded JavaScript).
 * Target: at least 2,000 articles/s for JATS + Crossref + landing page together.
 *
 *   npm run bench -- [--n 2000] [--rounds 3] [--warmup 200] [--seed 20230201] [--only <phase>]
 *
 * `--only jats|crossref|landing|cite|core|all` runs one phase (after loading), for a CPU profile:
 *   node --import tsx --cpu-prof --cpu-prof-dir=.cache/prof bench/render.ts --only landing
 *   npx tsx bench/profile.ts .cache/prof/<file>.cpuprofile
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMetadata } from '#adapters/metadata-fs';
import { CITATION_STYLE_IDS, toBibtex, toRis } from '#core/cite/index';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { renderIssueOutputs } from '#core/publish/outputs';
import { repoDir } from '#tests/helpers/shared';
import { median, mib, peakResident, perCpuSecond, perSecond, phase, RESULT_HEADER, resultRow, sampleMemory, table, type PhaseResult } from './measure.ts';
import { ARTICLES_PER_ISSUE, syntheticSources } from './synthetic.ts';

const TARGET = 2000;
const PHASES = ['jats', 'crossref', 'landing', 'cite', 'core', 'all'] as const;
type Phase = (typeof PHASES)[number];

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20230201' },
    only: { type: 'string' },
  },
});
const count = Number(args.n);
const rounds = Number(args.rounds);
const only = args.only as Phase | undefined;
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--n and --rounds must be positive integers');
if (only !== undefined && !PHASES.includes(only)) throw new Error(`--only must be one of ${PHASES.join(', ')}`);

const DEPOSIT = { batchId: 'bench-batch-0001', timestamp: '20230201120000000' } as const;
const bytes = (s: string): number => s.length; // UTF-16 units: a cheap sink that keeps every output alive

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}), node ${process.version}, one core`);
console.log(`articles: ${count} synthetic, issues of ${ARTICLES_PER_ISSUE}, ${rounds} rounds per phase after a warm-up of ${args.warmup}\n`);

// Prepare: the source files (not timed as part of any phase).
let started = performance.now();
const sources = syntheticSources(count, Number(args.seed));
const files = [sources.journal, ...sources.issues.flatMap((i) => [i.issue, ...i.articles])];
const sourceBytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
console.log(`generated ${files.length} YAML files (${mib(sourceBytes)}) in ${(performance.now() - started).toFixed(0)} ms`);

// Load: YAML alone, then the whole loader (YAML + zod validation + cross-file rules + resolution).
const results: PhaseResult[] = [];
let bundles: IssueBundle[] = [];
started = performance.now();
if (only === undefined) {
  results.push(
    phase('YAML parse only', rounds, () => {
      for (const f of files) parseYaml(f);
      return { items: count, bytes: 0 };
    }),
  );
}
results.push(
  phase('load + validate (loadJournal)', only === undefined ? rounds : 1, () => {
    const loaded = loadJournal(sources);
    if (!loaded.ok) throw new Error(`synthetic metadata does not load:\n${JSON.stringify(loaded.problems.slice(0, 5), null, 2)}`);
    bundles = loaded.bundles;
    return { items: count, bytes: 0 };
  }),
);
const articles = bundles.flatMap((bundle) => bundle.articles.map((article) => ({ bundle, article })));

// Warm-up: every renderer on the first articles, so the JIT and citeproc's engine are ready.
const warm = articles.slice(0, Number(args.warmup));
for (const { bundle, article } of warm) {
  renderJats(bundle, article);
  renderLandingPage(bundle, article);
  toRis(bundle, article);
  toBibtex(bundle, article);
}
for (const bundle of new Set(warm.map((w) => w.bundle))) renderIssueOutputs(bundle, DEPOSIT);

const perArticle = (render: (bundle: IssueBundle, article: IssueBundle['articles'][number]) => string) => (): { items: number; bytes: number } => {
  let out = 0;
  for (const bundle of bundles) {
    for (const article of bundle.articles) out += bytes(render(bundle, article));
    sampleMemory();
  }
  return { items: count, bytes: out };
};

const landingSizes: number[] = [];
const BODIES: Record<Phase, [string, () => { items: number; bytes: number }]> = {
  jats: ['JATS', perArticle(renderJats)],
  crossref: [
    `Crossref (issue batches of ${ARTICLES_PER_ISSUE}, per article)`,
    () => {
      let out = 0;
      for (const bundle of bundles) {
        out += bytes(renderCrossrefDeposit(bundle, DEPOSIT));
        sampleMemory();
      }
      return { items: count, bytes: out };
    },
  ],
  landing: [
    `landing page (How to Cite in ${CITATION_STYLE_IDS.length} styles)`,
    perArticle((bundle, article) => {
      const html = renderLandingPage(bundle, article);
      if (landingSizes.length < count) landingSizes.push(Buffer.byteLength(html));
      return html;
    }),
  ],
  cite: ['RIS + BibTeX', perArticle((bundle, article) => toRis(bundle, article) + toBibtex(bundle, article))],
  core: [
    'JATS + Crossref + landing (target)',
    () => {
      let out = 0;
      for (const bundle of bundles) {
        for (const article of bundle.articles) out += bytes(renderJats(bundle, article)) + bytes(renderLandingPage(bundle, article));
        out += bytes(renderCrossrefDeposit(bundle, DEPOSIT));
        sampleMemory();
      }
      return { items: count, bytes: out };
    },
  ],
  all: [
    'all outputs (renderIssueOutputs)',
    () => {
      let out = 0;
      for (const bundle of bundles) {
        for (const o of renderIssueOutputs(bundle, DEPOSIT)) out += bytes(o.body);
        sampleMemory();
      }
      return { items: count, bytes: out };
    },
  ],
};

for (const name of only === undefined ? PHASES : [only]) results.push(phase(BODIES[name][0], rounds, BODIES[name][1]));
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

console.log(table(RESULT_HEADER, results.map(resultRow)));
console.log(`\npeak RSS ${mib(peakResident())}; art = article; CPU = this thread's CPU time (threadCpuUsage); output sizes in UTF-16 code units / 1024`);

const core = results.find((r) => r.name === BODIES.core[0]);
if (core) {
  const wall = median(core.rounds.map(perSecond));
  const cpu = median(core.rounds.map(perCpuSecond));
  console.log(`target: ${TARGET} articles/s for JATS + Crossref + landing: ${cpu >= TARGET ? 'MET' : 'MISSED'} (${cpu.toFixed(0)}/s per CPU second, ${wall.toFixed(0)}/s wall clock)`);
}

if (landingSizes.length > 0) {
  const seed = loadMetadata(join(repoDir, 'metadata'));
  const seedSizes = seed.ok ? seed.bundles.flatMap((b) => b.articles.map((a) => `${a.id} ${Buffer.byteLength(renderLandingPage(b, a))} B`)) : ['(seed does not load)'];
  const sorted = [...landingSizes].sort((a, b) => a - b);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`landing page HTML: synthetic min ${kib(sorted[0]!)}, median ${kib(median(sorted))}, max ${kib(sorted.at(-1)!)}; seed: ${seedSizes.join(', ')}`);
}
