import { threadCpuUsage } from 'node:process';
import CSL from 'citeproc';
import { howToCite, toCsl } from '#core/cite/index';
import '#core/cite/engine';
import { fromMarked } from '#core/cite/rich-text';
import { CITATION_LOCALES, CITATION_STYLES, type CitationStyle } from '#core/cite/styles';
import { loadJournal, type InlineText } from '#core/model/index';
import { loadMetadata } from '#adapters/metadata-fs';
import { syntheticSources } from './synthetic.ts';
const r = loadJournal(syntheticSources(500));
if (!r.ok) throw new Error('x');
const fixtures = ['metadata', 'tests/fixtures/metadata'].flatMap((d) => { const x = loadMetadata(d); if (!x.ok) throw new Error(d); return x.bundles; });
const arts = [...r.bundles, ...fixtures].flatMap((b) => b.articles.map((a) => ({ b, a })));
const items = arts.map(({ b, a }) => toCsl(b, a));
const time = (name: string, f: () => void) => { f(); const t: number[] = []; for (let i = 0; i < 4; i++) { const c = threadCpuUsage(); f(); const u = threadCpuUsage(c); t.push((u.user + u.system) / 1000 / arts.length); } console.log(name.padEnd(40), t.map((x) => x.toFixed(3)).join(' '), 'cpu ms/art (min', Math.min(...t).toFixed(3), ')'); };
const trim = (content: InlineText): InlineText => { const out = [...content]; const f = out[0]; if (typeof f === 'string') out[0] = f.trimStart(); const l = out[out.length - 1]; if (typeof l === 'string') out[out.length - 1] = l.trimEnd(); return out.filter((n) => n !== ''); };
function engineFor(csl: string) {
  let current: unknown;
  const e = new CSL.Engine({ retrieveLocale: (l: string) => (CITATION_LOCALES as Record<string, string>)[l], retrieveItem: (id: string) => ({ ...(current as object), id }) }, csl, 'en-US', true);
  e.setOutputFormat('colophon-marked');
  let turn = 0;
  return (item: unknown) => { turn = 1 - turn; current = item; e.updateItems([`item-${turn}`], true); const b = e.makeBibliography(); return trim(fromMarked((b as [unknown, string[]])[1][0]!)); };
}
const singleEntry = (csl: string): string => csl.replace(/<sort>[\s\S]*?<\/sort>/g, '').replace(/\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule)="[^"]*"/g, '');
for (const style of Object.keys(CITATION_STYLES) as CitationStyle[]) {
  const fast = engineFor(singleEntry(CITATION_STYLES[style].csl));
  let diff = 0;
  arts.forEach(({ b, a }, k) => { if (JSON.stringify(fast(items[k])) !== JSON.stringify(howToCite(b, a, style).inline)) diff += 1; });
  console.log(style, 'single-entry style differs on', diff, 'of', arts.length);
  time(`howToCite ${style} (as shipped)`, () => { for (const { b, a } of arts) howToCite(b, a, style); });
  time(`${style} single-entry style`, () => { for (const it of items) fast(it); });
}
