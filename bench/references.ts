/**
 * What structured references cost the loader: the reference lists of 600 synthetic articles
 * (bench/synthetic.ts: text-only and with parts) through the model's reference schema (parts,
 * names, the type rule), against their citation texts through plain markup (what a reference
 * was before it had parts), in one process, median of 7 rounds of CPU time.
 *   npx tsx bench/references.ts
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { markup } from '#core/model/primitives';
import { reference } from '#core/model/references';
import { syntheticSources } from './synthetic.ts';
const sources = syntheticSources(600);
const refs: unknown[] = sources.issues.flatMap((i) => i.articles.flatMap((a) => ((parse(a.text) as { references?: unknown[] }).references ?? [])));
const texts = refs.map((r) => (typeof r === 'string' ? r : (r as { citation: string }).citation));
const plain = z.array(markup);
const rich = z.array(reference);
const time = (f: () => void): number => { const s = process.cpuUsage(); f(); const u = process.cpuUsage(s); return (u.user + u.system) / 1000; };
for (let w = 0; w < 3; w++) { plain.parse(texts); rich.parse(refs); }
const a: number[] = []; const b: number[] = [];
for (let r = 0; r < 7; r++) { a.push(time(() => plain.parse(texts))); b.push(time(() => rich.parse(refs))); }
a.sort((x, y) => x - y); b.sort((x, y) => x - y);
console.log(`${refs.length} references (${refs.filter((r) => typeof r !== 'string').length} with parts); their texts as markup only: ${a[3]!.toFixed(1)} ms; reference schema: ${b[3]!.toFixed(1)} ms; per article: +${((b[3]! - a[3]!) / 600).toFixed(3)} ms`);
