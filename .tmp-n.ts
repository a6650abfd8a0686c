import CSL from 'citeproc';
import { loadMetadata } from '#adapters/metadata-fs';
import { toCsl, howToCite, CITATION_STYLES, CITATION_LOCALES } from '#core/cite/index';
const r = loadMetadata('metadata'); if (!r.ok) throw 1;
const b = r.bundles[0]!; const a = b.articles[0]!;
const full = toCsl(b, a);
const { abstract: _a, keyword: _k, license: _l, ...slim } = full;
let cur: unknown; let turn = 0;
const sys = { retrieveLocale: (l: string) => (CITATION_LOCALES as Record<string, string>)[l], retrieveItem: (id: string) => ({ ...(cur as object), id }) };
const e = new CSL.Engine(sys, CITATION_STYLES.apa.csl, 'en-US', true);
e.setOutputFormat('text');
const run = (item: object, k: number) => { cur = { ...item, title: `T${k} ${(item as { title: string }).title}` }; turn ^= 1; e.updateItems(['i' + turn], true); return e.makeBibliography(); };
const viaApi = (k: number) => howToCite(b, { ...a, titles: [{ ...a.titles[0], title: [`T${k} `, ...a.titles[0].title] }] });
for (let k = 0; k < 1500; k++) { run(full, k); run(slim, k); viaApi(k); }
const acc = { full: 0, slim: 0, api: 0 };
for (let rep = 0; rep < 20; rep++) {
  let t = performance.now(); for (let k = 0; k < 100; k++) run(full, k); acc.full += performance.now() - t;
  t = performance.now(); for (let k = 0; k < 100; k++) run(slim, k); acc.slim += performance.now() - t;
  t = performance.now(); for (let k = 0; k < 100; k++) viaApi(k); acc.api += performance.now() - t;
}
console.log(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, (v / 2000).toFixed(3)])));
