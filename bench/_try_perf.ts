import { howToCite, CITATION_STYLE_IDS } from '#core/cite/index';
import { loadJournal } from '#core/model/index';
import { syntheticSources } from './synthetic.ts';
import { threadCpuUsage } from 'node:process';
const r = loadJournal(syntheticSources(200));
if (!r.ok) throw new Error('x');
const arts = r.bundles.flatMap((b) => b.articles.map((a) => ({ b, a })));
for (const style of CITATION_STYLE_IDS) howToCite(arts[0]!.b, arts[0]!.a, style);
for (let round = 0; round < 3; round++) for (const style of CITATION_STYLE_IDS) {
  const c = threadCpuUsage();
  for (const { b, a } of arts) howToCite(b, a, style);
  const u = threadCpuUsage(c);
  console.log(style, ((u.user + u.system) / 1000 / arts.length).toFixed(3), 'cpu ms/article');
}
