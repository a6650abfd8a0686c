import { toCsl, CITATION_STYLE_IDS } from '#core/cite/index';
import { renderEntry } from '#core/cite/engine';
import { loadJournal } from '#core/model/index';
import { syntheticSources } from './synthetic.ts';
import { threadCpuUsage } from 'node:process';
const r = loadJournal(syntheticSources(200));
if (!r.ok) throw new Error('x');
const items = r.bundles.flatMap((b) => b.articles.map((a) => toCsl(b, a)));
const stripped = items.map(({ abstract: _a, keyword: _k, license: _l, ...rest }) => rest);
for (const style of CITATION_STYLE_IDS) renderEntry(items[0]!, style, 'en-US');
for (let round = 0; round < 3; round++) for (const [name, list] of [['full', items], ['stripped', stripped]] as const) {
  const c = threadCpuUsage();
  for (const style of CITATION_STYLE_IDS) for (const it of list) renderEntry(it as never, style, 'en-US');
  const u = threadCpuUsage(c);
  console.log(name, ((u.user + u.system) / 1000 / list.length).toFixed(3), 'cpu ms/article (5 styles)');
}
let diff = 0;
for (const style of CITATION_STYLE_IDS) items.forEach((it, k) => { if (JSON.stringify(renderEntry(it, style, 'en-US')) !== JSON.stringify(renderEntry(stripped[k] as never, style, 'en-US'))) diff++; });
console.log('differences', diff);
