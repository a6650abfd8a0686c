import CSL from 'citeproc';
import { howToCite, toCsl, CITATION_STYLE_IDS, CITATION_STYLES, CITATION_LOCALES } from '#core/cite/index';
import '#core/cite/engine';
import { fromMarked } from '#core/cite/rich-text';
import { loadJournal, plainText } from '#core/model/index';
import { syntheticSources } from './synthetic.ts';
import { threadCpuUsage } from 'node:process';
const r = loadJournal(syntheticSources(200));
if (!r.ok) throw new Error('x');
const bundles = r.bundles;
const loneOnly = (csl: string) => csl.replace(/\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule|subsequent-author-substitute(?:-rule)?)="[^"]*"/g, '').replace(/<sort>[\s\S]*?<\/sort>/g, '');
for (const style of CITATION_STYLE_IDS) {
  const byId = new Map<string, unknown>();
  const e = new CSL.Engine({ retrieveLocale: (l: string) => (CITATION_LOCALES as Record<string, string>)[l], retrieveItem: (id: string) => byId.get(id) }, loneOnly(CITATION_STYLES[style].csl), 'en-US', true);
  e.setOutputFormat('colophon-marked');
  let round = 0;
  const batch = (items: ReturnType<typeof toCsl>[]) => { round++; const ids = items.map((it, k) => { const id = `r${round}-${k}`; byId.set(id, { ...it, id }); return id; }); e.updateItems(ids, true); const b = e.makeBibliography() as [{ entry_ids: string[][] }, string[]]; byId.clear(); return b; };
  let diff = 0;
  for (const b of bundles.slice(0, 3)) {
    const items = b.articles.map((a) => toCsl(b, a));
    const out = batch(items);
    out[1].forEach((entry, k) => { const idx = Number(out[0].entry_ids[k]![0]!.split('-')[1]); const single = howToCite(b, b.articles[idx]!, style).text; if (plainText(fromMarked(entry)).trim() !== single) { diff++; if (diff < 2) console.log(' ', plainText(fromMarked(entry)).trim(), '\n  vs', single); } });
  }
  const times: number[] = [];
  for (let k = 0; k < 3; k++) { const c = threadCpuUsage(); let n = 0; for (const b of bundles) { batch(b.articles.map((a) => toCsl(b, a))); n += b.articles.length; } const u = threadCpuUsage(c); times.push((u.user + u.system) / 1000 / n); }
  console.log(style, 'batch differs', diff, 'cpu ms/article', times.map((t) => t.toFixed(3)).join(' '));
}
