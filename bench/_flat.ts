import { threadCpuUsage } from 'node:process';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { syntheticSources } from './synthetic.ts';
const flat = process.argv[2] === 'flat';
const r = loadJournal(syntheticSources(2000)); if (!r.ok) throw new Error('no');
const bundles: IssueBundle[] = flat ? structuredClone(r.bundles) : r.bundles;
const gc = (globalThis as { gc?: () => void }).gc!; gc();
console.log(flat ? 'flattened strings' : 'as loaded', 'heap', (process.memoryUsage().heapUsed / 1048576).toFixed(0), 'MiB');
const run = (name: string, f: (b: IssueBundle) => void) => { const c = threadCpuUsage(); for (const b of bundles) f(b); const u = threadCpuUsage(c); console.log(name.padEnd(10), ((u.user + u.system) / 1000 / 2000).toFixed(3), 'CPU ms/article'); };
for (let k = 0; k < 2; k++) {
  run('jats', (b) => { for (const a of b.articles) renderJats(b, a); });
  run('crossref', (b) => { renderCrossrefDeposit(b, { batchId: 'abcd', timestamp: '1' }); });
  run('landing', (b) => { for (const a of b.articles) renderLandingPage(b, a); });
}
