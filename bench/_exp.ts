import { threadCpuUsage } from 'node:process';
import CSL from 'citeproc';
import { howToCite, toCsl } from '#core/cite/index';
import '#core/cite/engine';
import { fromMarked } from '#core/cite/rich-text';
import { CITATION_LOCALES, CITATION_STYLES } from '#core/cite/styles';
import { loadJournal, plainText } from '#core/model/index';
import { syntheticSources } from './synthetic.ts';
const r = loadJournal(syntheticSources(500));
if (!r.ok) throw new Error('x');
const arts = r.bundles.flatMap((b) => b.articles.map((a) => ({ b, a })));
const items = arts.map(({ b, a }) => toCsl(b, a));
const time = (name: string, f: () => void) => { f(); const t: number[] = []; for (let i = 0; i < 4; i++) { const c = threadCpuUsage(); f(); const u = threadCpuUsage(c); t.push((u.user + u.system) / 1000 / arts.length); } console.log(name.padEnd(40), t.map((x) => x.toFixed(3)).join(' '), 'cpu ms/art (min', Math.min(...t).toFixed(3), ')'); };

function engineFor(csl: string) {
  let current: unknown;
  const e = new CSL.Engine({ retrieveLocale: (l: string) => (CITATION_LOCALES as Record<string, string>)[l], retrieveItem: (id: string) => ({ ...(current as object), id }) }, csl, 'en-US', true);
  e.setOutputFormat('colophon-marked');
  let turn = 0;
  return (item: unknown) => { turn = 1 - turn; current = item; e.updateItems([`item-${turn}`], true); const b = e.makeBibliography(); return (b as [unknown, string[]])[1][0]!; };
}
const apa = CITATION_STYLES.apa.csl;
const noDisamb = apa.replace(/\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule)="[^"]*"/g, '');
const noSort = noDisamb.replace(/<sort>.*?<\/sort>/gs, '');
const variants = { original: engineFor(apa), noDisamb: engineFor(noDisamb), noDisambNoSort: engineFor(noSort) };
const expected = arts.map(({ b, a }) => JSON.stringify(howToCite(b, a).inline));
for (const [name, render] of Object.entries(variants)) {
  let diff = 0;
  items.forEach((it, k) => { const got = fromMarked(render(it)); const trimmed = JSON.stringify(got).replace(/^\["\s+/, '["'); if (plainText(got).trim() !== plainText(JSON.parse(expected[k]!)).trim()) diff += 1; void trimmed; });
  console.log(name, 'differs on', diff, 'of', items.length);
}
time('howToCite (as shipped)', () => { for (const { b, a } of arts) howToCite(b, a); });
for (const [name, render] of Object.entries(variants)) time(`engine ${name}`, () => { for (const it of items) render(it); });
{
  const byId = new Map<string, unknown>();
  const e = new CSL.Engine({ retrieveLocale: (l: string) => (CITATION_LOCALES as Record<string, string>)[l], retrieveItem: (id: string) => ({ ...(byId.get(id) as object), id }) }, apa, 'en-US', true);
  e.setOutputFormat('colophon-marked');
  let round = 0;
  const batch = (its: unknown[]) => { round += 1; const ids = its.map((it, k) => { const id = `r${round}-${k}`; byId.set(id, it); return id; }); e.updateItems(ids, true); const b = e.makeBibliography() as [{ entry_ids: string[][] }, string[]]; return b; };
  time('engine batch of 25 (per article)', () => { for (let k = 0; k < items.length; k += 25) batch(items.slice(k, k + 25)); });
  const b = batch(items.slice(0, 25));
  const single = variants.original;
  let diff = 0;
  b[1].forEach((entry, k) => { const id = b[0].entry_ids[k]![0]!; const idx = Number(id.split('-')[1]); if (plainText(fromMarked(entry)).trim() !== plainText(fromMarked(single(items[idx]!))).trim()) { diff += 1; if (diff < 3) console.log(plainText(fromMarked(entry)).trim(), '\n  vs\n', plainText(fromMarked(single(items[idx]!))).trim()); } });
  console.log('batch differs on', diff, 'of 25');
}
