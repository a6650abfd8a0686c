import { loadMetadata } from '#adapters/metadata-fs';
import { howToCite, toRis, toBibtex, toCsl } from '#core/cite/index';
import { renderLandingPage } from '#core/landing/index';
import type { Article, IssueBundle } from '#core/model/index';
const cases: { b: IssueBundle; a: Article }[] = [];
for (const dir of ['metadata', 'tests/fixtures/metadata']) { const r = loadMetadata(dir); if (!r.ok) throw 1; for (const b of r.bundles) for (const a of b.articles) cases.push({ b, a }); }
const N = 3000;
const items = Array.from({ length: N }, (_, k) => { const c = cases[k % cases.length]!; const a = { ...c.a, doi: `${c.a.doi}.${k}`, titles: [{ ...c.a.titles[0], title: [`Title ${k} `, ...c.a.titles[0].title] }] as Article['titles'] }; return { b: c.b, a }; });
let t = performance.now(); howToCite(items[0]!.b, items[0]!.a); console.log('first howToCite (engine build) ms', (performance.now() - t).toFixed(0));
const bench = (name: string, f: (b: IssueBundle, a: Article) => unknown, n = N) => {
  for (let k = 0; k < 300; k++) f(items[k]!.b, items[k]!.a);
  t = performance.now(); for (let k = 0; k < n; k++) f(items[k]!.b, items[k]!.a);
  const ms = (performance.now() - t) / n; console.log(name.padEnd(20), ms.toFixed(3), 'ms', Math.round(1000 / ms), '/s');
};
bench('toCsl', toCsl); bench('howToCite apa', (b, a) => howToCite(b, a)); bench('toRis', toRis); bench('toBibtex', toBibtex); bench('renderLandingPage', renderLandingPage);
bench('howToCite apa', (b, a) => howToCite(b, a)); bench('renderLandingPage', renderLandingPage);
console.log('heap MB', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
for (let k = 0; k < 3; k++) for (const it of items) howToCite(it.b, it.a);
console.log('heap MB after 9000 more', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
