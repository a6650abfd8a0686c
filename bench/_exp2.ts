import { threadCpuUsage } from 'node:process';
import { jatsArticle } from '#core/jats/index';
import { withPubId } from '#core/jats/ref-list';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { serializeXml, type XmlElement, type XmlNode, el } from '#core/xml/tree';
import { syntheticSources } from './synthetic.ts';
import { loadMetadata } from '#adapters/metadata-fs';

// Candidate: a direct writer with the same bytes as fast-xml-parser's builder (same five entities, <x/> when empty).
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const NEEDS_ESCAPE = /[&<>'"]/;
const escapeXml = (value: string): string => (NEEDS_ESCAPE.test(value) ? value.replace(/[&<>'"]/g, (c) => XML_ESCAPES[c]!) : value);
/** `depth` is undefined inside mixed content, where whitespace would change the text. */
function write(node: XmlNode, depth: number | undefined, unit: string): string {
  if (typeof node === 'string') return escapeXml(node);
  let out = `<${node.name}`;
  for (const name in node.attrs) out += ` ${name}="${escapeXml(node.attrs[name]!)}"`;
  if (node.children.length === 0) return `${out}/>`;
  out += '>';
  if (depth === undefined || node.children.some((c) => typeof c === 'string')) {
    for (const child of node.children) out += write(child, undefined, unit);
  } else {
    const inner = `\n${unit.repeat(depth + 1)}`;
    for (const child of node.children) out += inner + write(child, depth + 1, unit);
    out += `\n${unit.repeat(depth)}`;
  }
  return `${out}</${node.name}>`;
}
const serializeDirect = (root: XmlElement, indent = '  '): string => `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0, indent)}\n`;

// Candidate: withPubId without a RegExp per reference (DOIs are ASCII, so ASCII case folding keeps offsets).
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
function withPubIdFast(nodes: readonly XmlNode[], doi: string): XmlNode[] {
  const needle = asciiLower(doi);
  for (const [k, node] of nodes.entries()) {
    if (typeof node !== 'string') continue;
    const at = asciiLower(node).indexOf(needle);
    if (at < 0) continue;
    const end = at + doi.length;
    return [...nodes.slice(0, k), node.slice(0, at), el('pub-id', { 'pub-id-type': 'doi' }, node.slice(at, end)), node.slice(end), ...nodes.slice(k + 1)];
  }
  return [...nodes, ' https://doi.org/', el('pub-id', { 'pub-id-type': 'doi' }, doi)];
}

const r = loadJournal(syntheticSources(500));
if (!r.ok) throw new Error('x');
const fixtures = ['metadata', 'tests/fixtures/metadata'].flatMap((d) => { const x = loadMetadata(d); if (!x.ok) throw new Error(d); return x.bundles; });
const bundles: IssueBundle[] = [...r.bundles, ...fixtures];
const trees = bundles.flatMap((b) => b.articles.map((a) => jatsArticle(b, a)));
const hostile = el('x', { a: `"'<>&` }, 'a & b < c > d " e \' f ]]> <!-- </script>', el('y'), el('z', null, el('w', null, 'q')));
let diffs = 0;
for (const t of [...trees, hostile]) if (serializeXml(t) !== serializeDirect(t)) diffs += 1;
console.log('serializer differs on', diffs, 'of', trees.length + 1);
const time = (name: string, n: number, f: () => void) => { f(); const t: number[] = []; for (let i = 0; i < 4; i++) { const c = threadCpuUsage(); f(); const u = threadCpuUsage(c); t.push((u.user + u.system) / 1000 / n); } console.log(name.padEnd(40), t.map((x) => x.toFixed(3)).join(' '), 'cpu ms/doc (min', Math.min(...t).toFixed(3), ')'); };
time('serializeXml (fast-xml-parser builder)', trees.length, () => { for (const t of trees) serializeXml(t); });
time('direct writer', trees.length, () => { for (const t of trees) serializeDirect(t); });
time('jatsArticle (tree only)', trees.length, () => { for (const b of r.bundles) for (const a of b.articles) jatsArticle(b, a); });
// withPubId
const refs = bundles.flatMap((b) => b.articles.flatMap((a) => a.references.filter((x) => x.doi !== undefined).map((x) => ({ nodes: x.citation as XmlNode[], doi: x.doi! }))));
let d2 = 0;
for (const x of refs) if (JSON.stringify(withPubId(x.nodes, x.doi)) !== JSON.stringify(withPubIdFast(x.nodes, x.doi))) d2 += 1;
const tricky = [{ nodes: ['See DOI 10.2298/balc1950375e here'], doi: '10.2298/BALC1950375E' }, { nodes: ['İİİ 10.1/ABC'], doi: '10.1/abc' }, { nodes: ['ſ10.1/s'], doi: '10.1/S' }];
for (const x of tricky) if (JSON.stringify(withPubId(x.nodes, x.doi)) !== JSON.stringify(withPubIdFast(x.nodes, x.doi))) { d2 += 1; console.log('tricky differs', x); }
console.log('withPubId differs on', d2, 'of', refs.length + tricky.length);
time('withPubId (RegExp per reference)', refs.length, () => { for (const x of refs) withPubId(x.nodes, x.doi); });
time('withPubId (ASCII fold + indexOf)', refs.length, () => { for (const x of refs) withPubIdFast(x.nodes, x.doi); });
console.log('refs with DOI per article', (refs.length / trees.length).toFixed(1));
{
  const t = trees[0]!; const a = serializeXml(t), b = serializeDirect(t);
  let i = 0; while (i < a.length && a[i] === b[i]) i++; if (a !== b) console.log(JSON.stringify(a.slice(i - 200, i + 100)), '\n---\n', JSON.stringify(b.slice(i - 200, i + 100)));
  let round = 0;
  const fresh = () => refs.map((x) => ({ nodes: x.nodes.map((n) => (typeof n === 'string' ? n.replace(x.doi, `${x.doi}${round}`) : n)), doi: `${x.doi}${round}` }));
  const sets = Array.from({ length: 6 }, () => { round += 1; return fresh(); });
  let s = 0;
  time('withPubId first sight of each DOI', refs.length, () => { for (const x of sets[s++]!) withPubId(x.nodes, x.doi); });
  s = 0;
  time('withPubIdFast first sight of each DOI', refs.length, () => { for (const x of sets[s++]!) withPubIdFast(x.nodes, x.doi); });
}
{
  const { doiBatch } = await import('#core/crossref/doi-batch');
  const { selection } = await import('#core/crossref/selection');
  const deps = bundles.map((b) => doiBatch(b, { batchId: 'abcd', timestamp: '1' }, selection(b)));
  let d = 0;
  for (const t of deps) if (serializeXml(t) !== serializeDirect(t)) d += 1;
  console.log('crossref serializer differs on', d, 'of', deps.length);
  const n = bundles.reduce((a, b) => a + b.articles.length, 0);
  time('crossref serializeXml per article', n, () => { for (const t of deps) serializeXml(t); });
  time('crossref direct per article', n, () => { for (const t of deps) serializeDirect(t); });
  time('crossref tree per article', n, () => { for (const b of bundles) doiBatch(b, { batchId: 'abcd', timestamp: '1' }, selection(b)); });
}
