/**
 * Reads rendered XML back for assertions: fast-xml-parser in ordered mode (so mixed content such as
 * `title` keeps its order), turned into plain element nodes with path lookups by element name.
 */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = { readonly name: string; readonly attrs: Readonly<Record<string, string>>; readonly children: readonly (XmlNode | string)[] };

type Ordered = Record<string, unknown>;

const options = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
} as const;
/** Text exactly as written (mixed content), or trimmed, with whitespace-only text dropped (data-oriented XML such as OAI-PMH). */
const parsers = { exact: new XMLParser({ ...options, trimValues: false }), trimmed: new XMLParser({ ...options, trimValues: true }) };

function toNode(entry: Ordered): XmlNode | string {
  if ('#text' in entry) return String(entry['#text']);
  const name = Object.keys(entry).find((k) => k !== ':@')!;
  const attrs = (entry[':@'] ?? {}) as Record<string, string>;
  return { name, attrs, children: (entry[name] as Ordered[]).map(toNode) };
}

/** The document element. */
export function parseXml(xml: string, text: keyof typeof parsers = 'exact'): XmlNode {
  const roots = (parsers[text].parse(xml) as Ordered[]).map(toNode).filter((n): n is XmlNode => typeof n !== 'string');
  if (roots.length !== 1) throw new Error(`expected one document element, found ${roots.length}`);
  return roots[0]!;
}

export const elements = (node: XmlNode): XmlNode[] => node.children.filter((c): c is XmlNode => typeof c !== 'string');

/** Every element reached by `a/b/c` (child element names) from `node`. */
export function all(node: XmlNode, path: string): XmlNode[] {
  let level = [node];
  for (const step of path.split('/')) level = level.flatMap((n) => elements(n).filter((c) => c.name === step));
  return level;
}

/** The one element at `path`; fails loudly when there is none or several. */
export function one(node: XmlNode, path: string): XmlNode {
  const found = all(node, path);
  if (found.length !== 1) throw new Error(`expected one ${path} in ${node.name}, found ${found.length}`);
  return found[0]!;
}

/** Every descendant element with this local name (any prefix), in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const child of elements(node)) {
    if (child.name === name || child.name.endsWith(`:${name}`)) out.push(child);
    out.push(...descendants(child, name));
  }
  return out;
}

/** The one descendant with this local name; fails loudly when there is none or several. */
export function theDescendant(node: XmlNode, name: string): XmlNode {
  const found = descendants(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in ${node.name}, found ${found.length}`);
  return found[0]!;
}

/** All text below `node`, in document order (for leaves and mixed content). */
export const text = (node: XmlNode): string => node.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

/** The text of each element at `path`. */
export const texts = (node: XmlNode, path: string): string[] => all(node, path).map(text);
