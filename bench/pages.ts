/**
 * Page weight and render time of the reader's side (landing pages, issue pages, home, 404).
 *
 * 1. Every page of the seed and the rich fixture: bytes of HTML with its inline CSS (the whole
 *    page: it loads nothing else), gzip bytes, and the 30 KB budget of a landing page.
 * 2. Synthetic articles (bench/synthetic.ts, through the real loader): the size distribution of
 *    landing pages and CPU ms per page, with the citations kept with the version (what Render
 *    does since issue 16) and rendered by citeproc (a version stored before), with the "How to
 *    cite" share (five citeproc styles) measured apart, per style.
 *
 *   npx tsx bench/pages.ts [--n 200] [--rounds 3] [--first-n 40]
 */
import { threadCpuUsage } from 'node:process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadMetadata } from '#adapters/metadata-fs';
import { CITATION_STYLE_IDS, forgetCitations, howToCite, howToCiteAll } from '#core/cite/index';
import { landingCitations } from '#core/landing/citations';
import { renderLandingPage } from '#core/landing/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { renderSiteOutputs } from '#core/site/index';
import { STYLE } from '#core/site/style';
import { articleKey } from '#core/urls';
import { repoDir } from '#tests/helpers/shared';
import { median, table } from './measure.ts';
import { syntheticSources } from './synthetic.ts';
import { citeproc, prepareCitationStyle } from '#core/cite/engine';

/** The brief's budget for one landing page: HTML and CSS together. */
const BUDGET = 30 * 1024;

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' }, 'first-n': { type: 'string', default: '40' } } });
const count = Number(args.n);
const rounds = Number(args.rounds);
/** citeproc's first renders (~15 ms an article) are timed on this many articles: the printed spread shows what that costs in precision. */
const firstCount = Math.min(count, Number(args['first-n']));
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(firstCount) || firstCount < 1) throw new Error('--n, --rounds and --first-n must be positive integers');

const bytes = (s: string): number => Buffer.byteLength(s);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function load(relative: string): IssueBundle[] {
  const result = loadMetadata(join(repoDir, relative));
  if (!result.ok) throw new Error(`${relative} does not load`);
  return result.bundles;
}

// 1. The real pages.
const rows: string[][] = [];
let over = 0;
for (const root of ['metadata', 'tests/fixtures/metadata']) {
  const bundles = load(root);
  const pages = [
    ...bundles.flatMap((b) => b.articles.map((a) => ({ key: articleKey(a.doi, 'landing'), body: renderLandingPage(b, a, { engine: citeproc }), landing: true }))),
    ...renderSiteOutputs(bundles)
      .filter((o) => o.key.endsWith('.html'))
      .map((o) => ({ ...o, landing: false })),
  ];
  for (const page of pages) {
    const size = bytes(page.body);
    if (size > BUDGET) over += 1;
    rows.push([`${bundles[0]!.journal.id}/${page.key}`, String(size), kb(size), kb(gzipSync(page.body).length), size > BUDGET ? 'OVER' : 'ok']);
  }
}
console.log(`CSS (inline in every page): ${bytes(STYLE)} B\n`);
console.log(table(['page', 'bytes', 'HTML+CSS', 'gzip', `≤ ${kb(BUDGET)}`], rows));
console.log(`\n${rows.length} pages, ${over} over budget; every page loads nothing else (no script, font, image or stylesheet request)\n`);

// 2. Synthetic articles: sizes and CPU time.
const loaded = loadJournal(syntheticSources(count));
if (!loaded.ok) throw new Error('synthetic metadata does not load');
const articles = loaded.bundles.flatMap((bundle) => bundle.articles.map((article) => ({ bundle, article })));
for (const style of CITATION_STYLE_IDS) prepareCitationStyle(style);

type Timing = { readonly ms: number; readonly spread: number };
/**
 * Median over rounds of CPU ms per article (this thread only) on `over` (the first `--first-n`
 * articles by default); one warm-up round first. Each round starts with no citation remembered
 * (core/cite/citation-memo.ts): every page is a first render. `spread`: half the rounds' range over the median.
 */
function cpuMsPerArticle(body: (bundle: IssueBundle, article: IssueBundle['articles'][number]) => unknown, over: readonly (typeof articles)[number][] = articles.slice(0, firstCount)): Timing {
  const samples: number[] = [];
  for (let round = -1; round < rounds; round += 1) {
    forgetCitations();
    const start = threadCpuUsage();
    for (const { bundle, article } of over) body(bundle, article);
    const used = threadCpuUsage(start);
    if (round >= 0) samples.push((used.user + used.system) / 1000 / over.length);
  }
  const ms = median(samples);
  return { ms, spread: (Math.max(...samples) - Math.min(...samples)) / 2 / ms };
}
const timed = (t: Timing, digits = 2): string => `${t.ms.toFixed(digits)} ms (±${(100 * t.spread).toFixed(1)}%)`;

// Each article's citations as Ingest keeps them with its version (core/landing/citations.ts): its one citeproc render.
const kept = new Map(articles.map(({ bundle, article }) => [article, landingCitations(bundle, article)]));
const measured = articles.map(({ bundle, article }) => ({ size: bytes(renderLandingPage(bundle, article, { citations: kept.get(article), engine: citeproc })), refs: article.references.length }));
const sizes = measured.map((m) => m.size).sort((a, b) => a - b);
// Least squares: size ≈ fixed + perReference × references (a reference is shown once and given to Scholar once).
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const [mx, my] = [mean(measured.map((m) => m.refs)), mean(measured.map((m) => m.size))];
const perReference = measured.reduce((n, m) => n + (m.refs - mx) * (m.size - my), 0) / measured.reduce((n, m) => n + (m.refs - mx) ** 2, 0);
const fixed = my - perReference * mx;
const page = cpuMsPerArticle((b, a) => renderLandingPage(b, a, { engine: citeproc }));
const cite = cpuMsPerArticle((b, a) => howToCiteAll(b, a, { engine: citeproc }));
const perStyle = CITATION_STYLE_IDS.map((style) => [style, cpuMsPerArticle((b, a) => howToCite(b, a, style, { engine: citeproc }))] as const);
const pageKept = cpuMsPerArticle((b, a) => renderLandingPage(b, a, { citations: kept.get(a), engine: citeproc }), articles);
const citeKept = cpuMsPerArticle((b, a) => howToCiteAll(b, a, { stored: kept.get(a), engine: citeproc }), articles);
console.log(`synthetic: ${articles.length} articles (citeproc timed on the first ${firstCount}), ${rounds} rounds (median ± half the range), CPU time of this thread`);
console.log(`landing page size: min ${kb(sizes[0]!)}, median ${kb(median(sizes))}, p95 ${kb(sizes[Math.floor(sizes.length * 0.95)]!)}, max ${kb(sizes.at(-1)!)}; over ${kb(BUDGET)}: ${sizes.filter((s) => s > BUDGET).length}`);
console.log(`landing page size ≈ ${kb(fixed)} + ${perReference.toFixed(0)} B per reference (mean ${mx.toFixed(1)} references): ${Math.floor((BUDGET - fixed) / perReference)} references fit in ${kb(BUDGET)}`);
console.log(`landing page render, first render, citations kept with the version: ${timed(pageKept)}/page, of which How to cite (${CITATION_STYLE_IDS.length} styles): ${timed(citeKept, 3)}`);
console.log(`landing page render, first render by citeproc (a version stored without citations): ${timed(page)}/page, of which How to cite: ${timed(cite)}`);
const siteStart = threadCpuUsage();
const sitePages = renderSiteOutputs(loaded.bundles).filter((o) => o.key.endsWith('.html')).length;
const siteUsed = threadCpuUsage(siteStart);
console.log(`site pages (home, 404, ${loaded.bundles.length} issue pages, sitemap, robots.txt): ${((siteUsed.user + siteUsed.system) / 1000 / sitePages).toFixed(2)} ms per HTML page`);
console.log(`per style, citeproc: ${perStyle.map(([style, t]) => `${style} ${timed(t)}`).join(', ')}`);
