/**
 * Markup inside text values: Crossref REST titles and abstracts (`<i>`, `<jats:p>`) and OJS's
 * HTML abstracts arrive as strings. Well-formed fragments go through the XML parser; anything
 * else (an `&` in "R&D", an HTML `<br>`) through a forgiving tokenizer that never throws.
 */
import { parseXml, type XElement, type XNode } from './xml.ts';

const VOID = new Set(['br', 'hr', 'img', 'wbr', 'col', 'meta', 'link', 'input']);
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', shy: '\u00ad' };

/** Decodes numeric and the commonest named references; others stay as written. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const TOKEN = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^<>]*?)?)\s*(\/?)>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function attrsOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) out[m[1]!.slice(m[1]!.indexOf(':') + 1)] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

type Open = { name: string; prefix: string; attrs: Record<string, string>; children: XNode[] };

/** A forgiving HTML tokenizer: unclosed elements close at the end, stray closing tags are ignored. */
function tolerant(source: string): XNode[] {
  const root: Open = { name: '#root', prefix: '', attrs: {}, children: [] };
  const stack: Open[] = [root];
  const top = (): Open => stack.at(-1)!;
  const close = (open: Open): void => {
    const parent = stack.at(-1)!;
    parent.children.push({ name: open.name, prefix: open.prefix, attrs: open.attrs, children: open.children });
  };
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    if (m.index > last) top().children.push(decodeEntities(source.slice(last, m.index)));
    last = m.index + m[0].length;
    const qname = m[2]!;
    const name = qname.slice(qname.indexOf(':') + 1).toLowerCase();
    const prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '';
    if (m[1] === '/') {
      const at = stack.findLastIndex((o) => o.name === name);
      if (at <= 0) continue;
      while (stack.length > at) close(stack.pop()!);
      continue;
    }
    const open: Open = { name, prefix, attrs: attrsOf(m[3] ?? ''), children: [] };
    if (m[4] === '/' || VOID.has(name)) top().children.push({ ...open });
    else stack.push(open);
  }
  if (last < source.length) top().children.push(decodeEntities(source.slice(last)));
  while (stack.length > 1) close(stack.pop()!);
  return root.children;
}

/** Nodes of a text value that may carry markup; `wellFormed` says which parser read it. */
export function parseFragment(source: string): { readonly nodes: XNode[]; readonly wellFormed: boolean } {
  if (!/[<&]/.test(source)) return { nodes: [source], wellFormed: true };
  const parsed = parseXml(`<fragment>${source}</fragment>`);
  if (parsed.ok) return { nodes: [...(parsed.root as XElement).children], wellFormed: true };
  return { nodes: tolerant(source), wellFormed: false };
}
