/**
 * Render benchmark: N synthetic articles (bench/synthetic.ts) loaded through the real loader and
 * rendered to every output, on one core (the renderers are single-threaded JavaScript).
 * Targets (issue 16): JATS + Crossref + landing page together ≥ 400 articles per CPU second, a
 * landing page ≤ 2 ms, How to Cite (five CSL styles) ≤ 1 ms of it. The last table prints those
 * figures as the issue's table has them.
 *
 *   npm run bench -- [--n 600] [--rounds 3] [--warmup 100] [--seed 20230201] [--only <phase>] [--all]
 *
 * Each phase is the median of `--rounds` rounds over all N articles (600 × 3 keeps the spread
 * between rounds within a few per cent on a quiet machine). `--all` adds every output of an
 * issue (renderIssueOutputs: the core outputs plus RIS, BibTeX and CSL-JSON, ~the same cost).
 * How to Cite is rendered once per article version and process (core/cite/citation-memo.ts): the
 * `landing`, `howtocite` and `core` phases forget every citation before each round, so they
 * measure a first render (a first publish, a re-render in a fresh process); `howtociteAgain`,
 * `landingAgain` and `coreAgain` render articles whose citations the process already holds (a republish, a preview).
 * `--only jats|crossref|landing|howtocite|cite|references|core|howtociteAgain|landingAgain|coreAgain|all` runs one phase (after loading), for a CPU profile:
 *   node --import tsx --cpu-prof --cpu-prof-dir=.cache/prof bench/render.ts --only landing
 *   npx tsx bench/profile.ts .cache/prof/<file>.cpuprofile
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMetadata } from '#adapters/metadata-fs';
import { CITATION_STYLE_IDS, forgetCitations, howToCiteAll, toBibtex, toReferencesBibtex, toReferencesCslJson, toReferencesRis, toRis } from '#core/cite/index';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { renderIssueOutputs } from '#core/publish/outputs';
import { repoDir } from '#tests/helpers/shared';
import { median, mib, peakResident, perCpuSecond, phase, RESULT_HEADER, resultRow, sampleMemory, table, type PhaseResult } from './measure.ts';
import { ARTICLES_PER_ISSUE, syntheticSources } from './synthetic.ts';

const TARGET = 400;
const LANDING_TARGET_MS = 2;
const HOW_TO_CITE_TARGET_MS = 1;
const PHASES = ['jats', 'crossref', 'landing', 'howtocite', 'cite', 'references', 'core', 'howtociteAgain', 'landingAgain', 'coreAgain', 'all'] as const;
type Phase = (typeof PHASES)[number];

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '100' },
    all: { type: 'boolean', default: false },
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

const benchStarted = performance.now();
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

/** A phase body that starts each round with no citation remembered: every landing page is a first render. */
const firstRender =
  (body: () => { items: number; bytes: number }) =>
  (): { items: number; bytes: number } => {
    forgetCitations();
    return body();
  };

/** JATS and landing page per article, the Crossref deposit per issue: what a publish renders. */
const coreOutputs = (): { items: number; bytes: number } => {
  let out = 0;
  for (const bundle of bundles) {
    for (const article of bundle.articles) out += bytes(renderJats(bundle, article)) + bytes(renderLandingPage(bundle, article));
    out += bytes(renderCrossrefDeposit(bundle, DEPOSIT));
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
    `landing page, first render (How to Cite in ${CITATION_STYLE_IDS.length} styles)`,
    firstRender(
      perArticle((bundle, article) => {
        const html = renderLandingPage(bundle, article);
        if (landingSizes.length < count) landingSizes.push(Buffer.byteLength(html));
        return html;
      }),
    ),
  ],
  howtocite: [`How to Cite alone, first render (${CITATION_STYLE_IDS.length} CSL styles, part of the landing page)`, firstRender(perArticle((bundle, article) => howToCiteAll(bundle, article).map((c) => c.text).join('')))],
  cite: ['RIS + BibTeX', perArticle((bundle, article) => toRis(bundle, article) + toBibtex(bundle, article))],
  references: ['reference lists (RIS + BibTeX + CSL-JSON of the cited works)', perArticle((_bundle, article) => toReferencesRis(article) + toReferencesBibtex(article) + toReferencesCslJson(article))],
  core: ['JATS + Crossref + landing, first render (target)', firstRender(coreOutputs)],
  howtociteAgain: ['How to Cite alone, remembered', perArticle((bundle, article) => howToCiteAll(bundle, article).map((c) => c.text).join(''))],
  landingAgain: ['landing page, citations remembered (re-render of a version)', perArticle(renderLandingPage)],
  coreAgain: ['JATS + Crossref + landing, citations remembered', coreOutputs],
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

const chosen = only === undefined ? PHASES.filter((p) => p !== 'all' || args.all) : [only];
for (const name of chosen) {
  // The re-render phases start with every article's citations remembered, as after a first publish.
  if (name === 'howtociteAgain' || name === 'landingAgain' || name === 'coreAgain') for (const { bundle, article } of articles) howToCiteAll(bundle, article);
  results.push(phase(BODIES[name][0], rounds, BODIES[name][1]));
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

console.log(table(RESULT_HEADER, results.map(resultRow)));
console.log(`\npeak RSS ${mib(peakResident())}; art = article; CPU = this thread's CPU time (threadCpuUsage); output sizes in UTF-16 code units / 1024`);

/** Median CPU ms per article of a phase, when it ran. */
const cpuMs = (name: Phase): number | undefined => {
  const r = results.find((x) => x.name === BODIES[name][0]);
  return r && 1000 / median(r.rounds.map(perCpuSecond));
};
const [jatsMs, crossrefMs, landingMs, citeMs, coreMs, citeAgainMs, landingAgainMs, coreAgainMs] = (['jats', 'crossref', 'landing', 'howtocite', 'core', 'howtociteAgain', 'landingAgain', 'coreAgain'] as const).map(cpuMs);
const perCpu = (ms: number | undefined): string => (ms === undefined ? '-' : (1000 / ms).toFixed(0));
const verdict = (ms: number | undefined, ok: (ms: number) => boolean): string => (ms === undefined ? '-' : ok(ms) ? 'MET' : 'MISSED');
console.log(`\nissue 16 figures (median CPU time of this thread; ${count} synthetic articles, ${rounds} rounds; the machine's load is printed above)`);
console.log(
  table(
    ['figure', 'measured', 'target', ''],
    [
      ['JATS / Crossref / landing page, articles per CPU second', `${perCpu(jatsMs)} / ${perCpu(crossrefMs)} / ${perCpu(landingMs)}`, '', ''],
      ['JATS + Crossref + landing page together, articles per CPU second, first render', perCpu(coreMs), `≥ ${TARGET}`, verdict(coreMs, (ms) => 1000 / ms >= TARGET)],
      ['  the same, citations remembered', perCpu(coreAgainMs), `≥ ${TARGET}`, verdict(coreAgainMs, (ms) => 1000 / ms >= TARGET)],
      ['landing page, CPU ms, first render', landingMs?.toFixed(2) ?? '-', `≤ ${LANDING_TARGET_MS}`, verdict(landingMs, (ms) => ms <= LANDING_TARGET_MS)],
      ['  the same, citations remembered', landingAgainMs?.toFixed(2) ?? '-', `≤ ${LANDING_TARGET_MS}`, verdict(landingAgainMs, (ms) => ms <= LANDING_TARGET_MS)],
      [`How to Cite (${CITATION_STYLE_IDS.length} CSL styles) of a landing page, CPU ms, first render`, citeMs === undefined || landingMs === undefined ? '-' : `${citeMs.toFixed(2)} of ${landingMs.toFixed(2)}`, `≤ ${HOW_TO_CITE_TARGET_MS}`, verdict(citeMs, (ms) => ms <= HOW_TO_CITE_TARGET_MS)],
      [
        '  the same, citations remembered',
        citeAgainMs === undefined || landingAgainMs === undefined ? '-' : `${citeAgainMs.toFixed(3)} of ${landingAgainMs.toFixed(2)}`,
        `≤ ${HOW_TO_CITE_TARGET_MS}`,
        verdict(citeAgainMs, (ms) => ms <= HOW_TO_CITE_TARGET_MS),
      ],
    ],
  ),
);

if (landingSizes.length > 0) {
  const seed = loadMetadata(join(repoDir, 'metadata'));
  const seedSizes = seed.ok ? seed.bundles.flatMap((b) => b.articles.map((a) => `${a.id} ${Buffer.byteLength(renderLandingPage(b, a))} B`)) : ['(seed does not load)'];
  const sorted = [...landingSizes].sort((a, b) => a - b);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`\nlanding page HTML: synthetic min ${kib(sorted[0]!)}, median ${kib(median(sorted))}, max ${kib(sorted.at(-1)!)}; seed: ${seedSizes.join(', ')}`);
}
console.log(`wall time ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`);
