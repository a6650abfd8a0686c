import { howToCite, CITATION_STYLE_IDS } from '#core/cite/index';
import { loadJournal } from '#core/model/index';
import { syntheticSources } from './synthetic.ts';
const r = loadJournal(syntheticSources(200));
if (!r.ok) throw new Error('x');
const arts = r.bundles.flatMap((b) => b.articles.map((a) => ({ b, a })));
for (const style of CITATION_STYLE_IDS) howToCite(arts[0]!.b, arts[0]!.a, style);
for (let round = 0; round < 5; round++) for (const style of CITATION_STYLE_IDS) for (const { b, a } of arts) howToCite(b, a, style);
