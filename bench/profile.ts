/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and
 * the inclusive (self + callees) time of the functions that matter, in ms and ms per article.
 *
 *   npx tsx bench/profile.ts <file.cpuprofile> [--articles 2000] [--top 25] [--match landing] [--within renderEntry]
 *
 * `--match` keeps the inclusive rows whose function or file contains the text; `--within` counts
 * only the samples taken while a function whose name contains the text was on the stack.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { table } from './measure.ts';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '2000' }, top: { type: 'string', default: '25' }, match: { type: 'string' }, within: { type: 'string' } },
});
const file = positionals[0];
if (file === undefined) throw new Error('usage: profile.ts <file.cpuprofile> [--articles N] [--top N] [--match text] [--within name]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const articles = Number(args.articles);
const top = Number(args.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/**
 * A frame in a minified handler bundle (a profile of the local stand-in's Lambdas, written under
 * `COLOPHON_LAMBDA_CPU_PROF`) read through the bundle's source map: the original file, line and name.
 */
const maps = new Map<string, SourceMap | undefined>();
const original = (f: CallFrame): CallFrame => {
  if (!f.url.startsWith('file://') || !f.url.endsWith('.mjs')) return f;
  if (!maps.has(f.url)) {
    const file = `${fileURLToPath(f.url)}.map`;
    maps.set(f.url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  const entry = maps.get(f.url)?.findEntry(f.lineNumber, f.columnNumber);
  if (entry === undefined || !('originalSource' in entry)) return f;
  const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
  return { ...f, functionName: (entry as { name?: string }).name ?? f.functionName, url: source.startsWith('node_modules/') || source.startsWith('/') ? source : `file:///${source}`, lineNumber: entry.originalLine };
};

/** `name (repo-relative file:line)`, the same key for every node of one function. */
const keyOf = (frame: CallFrame): string => {
  const f = original(frame);
  const where = f.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*\/work\/[a-z]+\//, '');
  return `${f.functionName || '(anonymous)'} ${where ? `${where}:${f.lineNumber + 1}` : ''}`.trim();
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const stackHas = (id: number, text: string): boolean => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName.includes(text)) return true;
  return false;
};
profile.samples.forEach((id, k) => {
  if (args.within !== undefined && !stackHas(id, args.within)) return;
  const dt = (profile.timeDeltas[k] ?? 0) / 1000;
  total += dt;
  const node = byId.get(id)!;
  const key = keyOf(node.callFrame);
  self.set(key, (self.get(key) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k2 = keyOf(byId.get(at)!.callFrame);
    if (seen.has(k2)) continue;
    seen.add(k2);
    inclusive.set(k2, (inclusive.get(k2) ?? 0) + dt);
  }
});

const rows = (map: Map<string, number>, filter: (k: string) => boolean): string[][] =>
  [...map]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => [k.length > 110 ? `${k.slice(0, 107)}...` : k, ms.toFixed(0), (ms / articles).toFixed(3), `${((ms / total) * 100).toFixed(1)}%`]);

const header = ['function (file:line)', 'ms', 'ms/article', 'share'];
console.log(`profile ${file}: ${total.toFixed(0)} ms sampled${args.within === undefined ? '' : ` within ${args.within}`}, per article over ${articles}\n`);
console.log('SELF time\n' + table(header, rows(self, () => true)));
const match = args.match;
const interesting = (k: string): boolean => (match === undefined ? !/^\((root|program|idle|garbage collector)\)/.test(k) : k.includes(match));
console.log('\nINCLUSIVE time' + (match === undefined ? '' : ` (matching ${match})`) + '\n' + table(header, rows(inclusive, interesting)));
