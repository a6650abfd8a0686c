/**
 * XML as a tree, serialised once, here: escaping lives in `escapeXml` and only there. Renderers
 * build trees with `el()`; nothing assembles markup from strings.
 *
 * The serialiser writes exactly what fast-xml-parser's XMLBuilder wrote for these trees
 * (preserveOrder, processEntities, suppressEmptyNode: the five predefined entities escaped in
 * text and attribute values, an element without content as `<name/>`), in one pass over the
 * tree: the builder's conversion to its own node shape, its path tracking and its five regex
 * passes per string made a 13 KB JATS document cost ~0.7 ms. tests/core/xml/tree.test.ts
 * compares the two on generated trees; the goldens pin whole documents.
 */
import type { Inline, InlineTag, InlineText } from '../model/markup.ts';

export type XmlNode = XmlElement | string;
export type XmlElement = { readonly name: string; readonly attrs: Readonly<Record<string, string>>; readonly children: readonly XmlNode[] };

type Child = XmlNode | readonly Child[] | undefined | null | false;
type Attrs = Record<string, string | number | undefined | null | false>;

function addChild(flat: XmlNode[], c: Child): void {
  if (c === undefined || c === null || c === false || c === '') return;
  if (typeof c === 'string' || !Array.isArray(c)) flat.push(c as XmlNode);
  else for (const x of c as readonly Child[]) addChild(flat, x);
}

/** An element; absent attributes (undefined, null, false) and absent children are dropped. */
export function el(name: string, attrs: Attrs | null = null, ...children: Child[]): XmlElement {
  const kept: Record<string, string> = {};
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v !== undefined && v !== null && v !== false) kept[k] = String(v);
    }
  }
  const flat: XmlNode[] = [];
  for (const c of children) addChild(flat, c);
  return { name, attrs: kept, children: flat };
}

/** An element with text content, or nothing when the text is absent: for optional leaves. */
export const leaf = (name: string, value: string | number | undefined | null, attrs: Attrs | null = null): XmlElement | undefined =>
  value === undefined || value === null || value === '' ? undefined : el(name, attrs, String(value));

/** Maps inline markup to elements, with one element name per inline tag. */
export function inline(content: InlineText, names: Readonly<Record<InlineTag, string>>): XmlNode[] {
  return content.map((node: Inline) => (typeof node === 'string' ? node : el(names[node.tag], null, inline(node.children, names))));
}

const SPECIAL = /[&<>'"]/;
const SPECIALS = /[&<>'"]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };

/** Text or an attribute value with the five predefined entities escaped (https://www.w3.org/TR/xml/#sec-predefined-ent). */
export const escapeXml = (value: string): string => (SPECIAL.test(value) ? value.replace(SPECIALS, (ch) => ENTITIES[ch]!) : value);

/**
 * One element. With `depth` ≥ 0, element-only content gets a line break and indentation before
 * each child and before the end tag; mixed content (any text child) is written exactly as it is,
 * and so is everything inside it (`depth` -1).
 */
function write(node: XmlElement, depth: number, unit: string): string {
  if (node.name === RAW) return rawXml(node, depth, unit);
  let out = `<${node.name}`;
  const attrs = node.attrs;
  for (const k in attrs) out += ` ${k}="${escapeXml(attrs[k]!)}"`;
  const children = node.children;
  const indented = depth >= 0 && children.length > 0 && !children.some((c) => typeof c === 'string');
  let content = '';
  if (indented) {
    const inner = `\n${unit.repeat(depth + 1)}`;
    for (const child of children) content += inner + write(child as XmlElement, depth + 1, unit);
    content += `\n${unit.repeat(depth)}`;
  } else {
    for (const child of children) content += typeof child === 'string' ? escapeXml(child) : write(child, -1, unit);
  }
  return content === '' ? `${out}/>` : `${out}>${content}</${node.name}>`;
}

/** The name of a `raw` element: not an XML name, so no tree `el()` builds can carry it. */
const RAW = '#serialised';

/**
 * An element this serialiser already wrote (`serializeFragment`), kept as its text: for records
 * written once and served many times (an OAI-PMH record's metadata, core/oai/prepared.ts). It must
 * be written again at the same depth and indent it was serialised at, which `write` checks, so the
 * document is byte for byte the one the tree would give.
 */
export const raw = (fragment: SerialisedFragment): XmlElement => ({ name: RAW, attrs: { depth: String(fragment.depth), indent: fragment.indent }, children: [fragment.xml] });

export type SerialisedFragment = { readonly xml: string; readonly depth: number; readonly indent: string };

/** One element as `serializeXml` writes it at `depth` (0: the root) with `indent`: for `raw`. */
export const serializeFragment = (node: XmlElement, depth: number, indent = '  '): SerialisedFragment => ({ xml: write(node, depth, indent), depth, indent });

function rawXml(node: XmlElement, depth: number, unit: string): string {
  if (node.attrs.depth !== String(depth) || node.attrs.indent !== unit) throw new Error(`a fragment serialised at depth ${node.attrs.depth ?? '?'} was placed at depth ${depth}`);
  return node.children[0] as string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Serialises a document: XML declaration, the root indented where that cannot change content, a final newline. */
export function serializeXml(root: XmlElement, options: { readonly indent?: string } = {}): string {
  return `${XML_DECLARATION}\n${write(root, 0, options.indent ?? '  ')}\n`;
}
