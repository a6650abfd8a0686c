/**
 * Render benchmark: N synthetic articles (bench/synthetic.ts) loaded through the real loader and
 * rendered to every output, on one core (the renderers are single-threaded JavaScript).
 * Targets (issue 16): JATS + Crossref + landing page together ≥ 400 articles per CPU second, a
 * landing page ≤ 2 ms, How to Cite (five CSL styles) ≤ 1 ms of it. The last table prints those
 * figures as the issue's table has them.
 *
 *   npm run bench -- [--n 400] [--first-n 50] [--rounds 3] [--warmup 50] [--seed 20230201] [--only <phase>] [--all]
 *
 * Each phase is the median of `--rounds` rounds; the table prints each phase's spread (half the
 * range of its rounds over the median), so the precision of every figure is visible.
 * How to Cite comes three ways: kept with the article's version (Ingest renders it once and the
 * records table keeps it: core/cite/stored-citations.ts; what Render does since issue 16), remembered
 * by the process (core/cite/citation-memo.ts), or rendered by citeproc (a version stored without
 * citations). The `*Kept` and `landing`/`howtocite`/`core` phases forget every remembered citation
 * before each round, so they measure a first render; the citeproc phases take only the first
 * `--first-n` articles (whole issues): at ~20 ms an article they would otherwise take most of the
 * bench's time, and their spread stays within a few per cent. `--all` adds every output of an
 * issue (renderIssueOutputs).
 * `--only jats|crossref|howtociteAgain|landingAgain|coreAgain|howtociteKept|landingKept|coreKept|landing|howtocite|core|cite|references|all` runs one phase (after loading), for a CPU profile:
 *   node --import tsx --cpu-prof --cpu-prof-dir=.cache/prof bench/render.ts --only landingKept
 *   npx tsx bench/profile.ts .cache/prof/<file>.cpuprofile --within renderLandingPage
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMetadata } from '#adapters/metadata-fs';
import { CITATION_STYLE_IDS, forgetCitations, howToCiteAll, toBibtex, toReferencesBibtex, toReferencesCslJson, toReferencesRis, toRis, type StoredCitations } from '#core/cite/index';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { landingCitations } from '#core/landing/citations';
import { renderLandingPage } from '#core/landing/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { renderIssueOutputs } from '#core/publish/outputs';
import { repoDir } from '#tests/helpers/shared';
import { median, mib, peakResident, perCpuSecond, phase, RESULT_HEADER, resultRow, sampleMemory, table, type PhaseResult } from './measure.ts';
import { ARTICLES_PER_ISSUE, syntheticSources } from './synthetic.ts';
import { citeproc } from '#core/cite/engine';

const TARGET = 400;
const LANDING_TARGET_MS = 2;
const HOW_TO_CITE_TARGET_MS = 1;
/** In this order: the remembered phases first, while every article's citations are remembered from computing the kept ones. */
const PHASES = ['jats', 'crossref', 'howtociteAgain', 'landingAgain', 'coreAgain', 'howtociteKept', 'landingKept', 'coreKept', 'landing', 'howtocite', 'core', 'cite', 'references', 'all'] as const;
type Phase = (typeof PHASES)[number];

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '3' },
    // citeproc's first renders cost ~15 ms an article, ten times the rest: their phases take fewer
    // articles (the printed spread shows the precision is the same), so the whole bench fits in 90 s.
    'first-n': { type: 'string', default: '50' },
    warmup: { type: 'string', default: '50' },
    all: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20230201' },
    only: { type: 'string' },
  },
});
const count = Number(args.n);
const rounds = Number(args.rounds);
const firstCount = Math.min(count, Number(args['first-n']));
const only = args.only as Phase | undefined;
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(firstCount) || firstCount < 1) throw new Error('--n, --rounds and --first-n must be positive integers');
if (only !== undefined && !PHASES.includes(only)) throw new Error(`--only must be one of ${PHASES.join(', ')}`);

const DEPOSIT = { batchId: 'bench-batch-0001', timestamp: '20230201120000000' } as const;
const bytes = (s: string): number => s.length; // UTF-16 units: a cheap sink that keeps every output alive

const benchStarted = performance.now();
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}), node ${process.version}, one core`);
console.log(`articles: ${count} synthetic (the first ${firstCount} for phases that run citeproc), issues of ${ARTICLES_PER_ISSUE}, ${rounds} rounds per phase after a warm-up of ${args.warmup}\n`);

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
/** The first `--first-n` articles, whole issues, for the phases that run citeproc. */
const firstBundles = bundles.slice(0, Math.ceil(firstCount / ARTICLES_PER_ISSUE));
/** Each article's citations as Ingest keeps them with its version (core/landing/citations.ts), read back from JSON as Render gets them. */
const kept = new Map(articles.map(({ bundle, article }) => [article, JSON.parse(JSON.stringify(landingCitations(bundle, article))) as StoredCitations]));
const keptOf = (article: IssueBundle['articles'][number]): StoredCitations | undefined => kept.get(article);

// Warm-up: every renderer on the first articles, so the JIT and citeproc's engine are ready.
const warm = articles.slice(0, Number(args.warmup));
for (const { bundle, article } of warm) {
  renderJats(bundle, article);
  renderLandingPage(bundle, article, { engine: citeproc });
  toRis(bundle, article);
  toBibtex(bundle, article);
}
for (const bundle of new Set(warm.map((w) => w.bundle))) renderIssueOutputs(bundle, DEPOSIT, { engine: citeproc });

const perArticle = (render: (bundle: IssueBundle, article: IssueBundle['articles'][number]) => string, over: readonly IssueBundle[] = bundles) => (): { items: number; bytes: number } => {
  let out = 0;
  let items = 0;
  for (const bundle of over) {
    for (const article of bundle.articles) out += bytes(render(bundle, article));
    items += bundle.articles.length;
    sampleMemory();
  }
  return { items, bytes: out };
};

/** A phase body that starts each round with no citation remembered: every landing page is a first render. */
const firstRender =
  (body: () => { items: number; bytes: number }) =>
  (): { items: number; bytes: number } => {
    forgetCitations();
    return body();
  };

/** JATS and landing page per article, the Crossref deposit per issue: what a publish renders; `citations`: those kept with each version. */
const coreOutputs =
  (over: readonly IssueBundle[] = bundles, citations: (article: IssueBundle['articles'][number]) => StoredCitations | undefined = () => undefined) =>
  (): { items: number; bytes: number } => {
    let out = 0;
    let items = 0;
    for (const bundle of over) {
      for (const article of bundle.articles) out += bytes(renderJats(bundle, article)) + bytes(renderLandingPage(bundle, article, { citations: citations(article), engine: citeproc }));
      out += bytes(renderCrossrefDeposit(bundle, DEPOSIT));
      items += bundle.articles.length;
      sampleMemory();
    }
    return { items, bytes: out };
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
  landingKept: [
    'landing page, first render, citations kept with the version',
    firstRender(
      perArticle((bundle, article) => {
        const html = renderLandingPage(bundle, article, { citations: keptOf(article), engine: citeproc });
        if (landingSizes.length < count) landingSizes.push(Buffer.byteLength(html));
        return html;
      }),
    ),
  ],
  howtociteKept: ['How to Cite alone, citations kept with the version', firstRender(perArticle((bundle, article) => howToCiteAll(bundle, article, { stored: keptOf(article), engine: citeproc }).map((c) => c.text).join('')))],
  coreKept: ['JATS + Crossref + landing, first render, citations kept (target)', firstRender(coreOutputs(bundles, keptOf))],
  landing: [`landing page, first render, citeproc (How to Cite in ${CITATION_STYLE_IDS.length} styles)`, firstRender(perArticle((bundle, article) => renderLandingPage(bundle, article, { engine: citeproc }), firstBundles))],
  howtocite: [`How to Cite alone, first render, citeproc (${CITATION_STYLE_IDS.length} CSL styles)`, firstRender(perArticle((bundle, article) => howToCiteAll(bundle, article, { engine: citeproc }).map((c) => c.text).join(''), firstBundles))],
  cite: ['RIS + BibTeX', perArticle((bundle, article) => toRis(bundle, article) + toBibtex(bundle, article))],
  references: ['reference lists (RIS + BibTeX + CSL-JSON of the cited works)', perArticle((_bundle, article) => toReferencesRis(article) + toReferencesBibtex(article) + toReferencesCslJson(article))],
  core: ['JATS + Crossref + landing, first render, citeproc', firstRender(coreOutputs(firstBundles))],
  howtociteAgain: ['How to Cite alone, remembered', perArticle((bundle, article) => howToCiteAll(bundle, article, { engine: citeproc }).map((c) => c.text).join(''))],
  landingAgain: ['landing page, citations remembered (re-render of a version)', perArticle(renderLandingPage)],
  coreAgain: ['JATS + Crossref + landing, citations remembered', coreOutputs()],
  all: [
    'all outputs (renderIssueOutputs)',
    () => {
      let out = 0;
      for (const bundle of bundles) {
        for (const o of renderIssueOutputs(bundle, DEPOSIT, { engine: citeproc })) out += bytes(o.body);
        sampleMemory();
      }
      return { items: count, bytes: out };
    },
  ],
};

const chosen = only === undefined ? PHASES.filter((p) => p !== 'all' || args.all) : [only];
for (const name of chosen) {
  // The re-render phases start with every article's citations remembered, as after a first publish.
  if (name === 'howtociteAgain' || name === 'landingAgain' || name === 'coreAgain') for (const { bundle, article } of articles) howToCiteAll(bundle, article, { engine: citeproc });
  results.push(phase(BODIES[name][0], rounds, BODIES[name][1]));
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

/** How far the rounds' CPU rates lie apart, as a share of their median: the precision of the phase's figure. */
const spread = (r: PhaseResult): string => {
  const cpu = r.rounds.map(perCpuSecond);
  return r.rounds.length < 2 ? '-' : `±${((50 * (Math.max(...cpu) - Math.min(...cpu))) / median(cpu)).toFixed(1)}%`;
};
console.log(table([...RESULT_HEADER, 'spread', 'articles'], results.map((r) => [...resultRow(r), spread(r), String(r.rounds[0]!.items)])));
console.log(`\npeak RSS ${mib(peakResident())}; art = article; CPU = this thread's CPU time (threadCpuUsage); output sizes in UTF-16 code units / 1024; spread = half the range of the rounds' CPU rates over their median`);

/** Median CPU ms per article of a phase, when it ran. */
const cpuMs = (name: Phase): number | undefined => {
  const r = results.find((x) => x.name === BODIES[name][0]);
  return r && 1000 / median(r.rounds.map(perCpuSecond));
};
const [jatsMs, crossrefMs, landingMs, citeMs, coreMs, citeAgainMs, landingAgainMs, coreAgainMs, citeKeptMs, landingKeptMs, coreKeptMs] = (
  ['jats', 'crossref', 'landing', 'howtocite', 'core', 'howtociteAgain', 'landingAgain', 'coreAgain', 'howtociteKept', 'landingKept', 'coreKept'] as const
).map(cpuMs);
const perCpu = (ms: number | undefined): string => (ms === undefined ? '-' : (1000 / ms).toFixed(0));
const verdict = (ms: number | undefined, ok: (ms: number) => boolean): string => (ms === undefined ? '-' : ok(ms) ? 'MET' : 'MISSED');
const perSecondRow = (label: string, ms: number | undefined): string[] => [label, perCpu(ms), `≥ ${TARGET}`, verdict(ms, (x) => 1000 / x >= TARGET)];
const landingRow = (label: string, ms: number | undefined): string[] => [label, ms?.toFixed(2) ?? '-', `≤ ${LANDING_TARGET_MS}`, verdict(ms, (x) => x <= LANDING_TARGET_MS)];
const citeRow = (label: string, cite: number | undefined, page: number | undefined): string[] => [
  label,
  cite === undefined || page === undefined ? '-' : `${cite.toFixed(3)} of ${page.toFixed(2)}`,
  `≤ ${HOW_TO_CITE_TARGET_MS}`,
  verdict(cite, (x) => x <= HOW_TO_CITE_TARGET_MS),
];
console.log(`\nissue 16 figures (median CPU time of this thread; ${count} synthetic articles, ${firstCount} where citeproc runs, ${rounds} rounds; the machine's load is printed above)`);
console.log(
  table(
    ['figure', 'measured', 'target', ''],
    [
      ['JATS / Crossref / landing page (citations kept), articles per CPU second', `${perCpu(jatsMs)} / ${perCpu(crossrefMs)} / ${perCpu(landingKeptMs)}`, '', ''],
      perSecondRow('JATS + Crossref + landing page together, articles per CPU s, first render, citations kept with the version', coreKeptMs),
      perSecondRow('  the same, citations remembered by the process', coreAgainMs),
      perSecondRow('  the same, citeproc (a version stored without citations)', coreMs),
      landingRow('landing page, CPU ms, first render, citations kept with the version', landingKeptMs),
      landingRow('  the same, citations remembered by the process', landingAgainMs),
      landingRow('  the same, citeproc', landingMs),
      citeRow(`How to Cite (${CITATION_STYLE_IDS.length} CSL styles) of a landing page, CPU ms, citations kept`, citeKeptMs, landingKeptMs),
      citeRow('  the same, citations remembered', citeAgainMs, landingAgainMs),
      citeRow('  the same, citeproc', citeMs, landingMs),
    ],
  ),
);

if (landingSizes.length > 0) {
  const seed = loadMetadata(join(repoDir, 'metadata'));
  const seedSizes = seed.ok ? seed.bundles.flatMap((b) => b.articles.map((a) => `${a.id} ${Buffer.byteLength(renderLandingPage(b, a, { engine: citeproc }))} B`)) : ['(seed does not load)'];
  const sorted = [...landingSizes].sort((a, b) => a - b);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`\nlanding page HTML: synthetic min ${kib(sorted[0]!)}, median ${kib(median(sorted))}, max ${kib(sorted.at(-1)!)}; seed: ${seedSizes.join(', ')}`);
}
console.log(`wall time ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`);
