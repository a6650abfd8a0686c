/**
 * XML as a tree, serialised once by fast-xml-parser's builder: escaping lives there and only
 * there. Renderers build trees with `el()`; nothing assembles markup from strings.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Inline, InlineTag, InlineText } from '../model/markup.ts';

export type XmlNode = XmlElement | string;
export type XmlElement = { readonly name: string; readonly attrs: Readonly<Record<string, string>>; readonly children: readonly XmlNode[] };

type Child = XmlNode | readonly Child[] | undefined | null | false;
type Attrs = Record<string, string | number | undefined | null | false>;

/** An element; absent attributes (undefined, null, false) and absent children are dropped. */
export function el(name: string, attrs: Attrs | null = null, ...children: Child[]): XmlElement {
  const kept: Record<string, string> = {};
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) kept[k] = String(v);
  const flat: XmlNode[] = [];
  const add = (c: Child): void => {
    if (c === undefined || c === null || c === false || c === '') return;
    if (typeof c === 'string' || !Array.isArray(c)) flat.push(c as XmlNode);
    else for (const x of c as readonly Child[]) add(x);
  };
  for (const c of children) add(c);
  return { name, attrs: kept, children: flat };
}

/** An element with text content, or nothing when the text is absent: for optional leaves. */
export const leaf = (name: string, value: string | number | undefined | null, attrs: Attrs | null = null): XmlElement | undefined =>
  value === undefined || value === null || value === '' ? undefined : el(name, attrs, String(value));

/** Maps inline markup to elements, with one element name per inline tag. */
export function inline(content: InlineText, names: Readonly<Record<InlineTag, string>>): XmlNode[] {
  return content.map((node: Inline) => (typeof node === 'string' ? node : el(names[node.tag], null, inline(node.children, names))));
}

/** Adds line breaks and indentation between the children of element-only content; mixed content is left exactly as it is. */
function indent(node: XmlElement, depth: number, unit: string): XmlElement {
  if (node.children.length === 0 || node.children.some((c) => typeof c === 'string')) return node;
  const inner = `\n${unit.repeat(depth + 1)}`;
  const children: XmlNode[] = [];
  for (const child of node.children) children.push(inner, indent(child as XmlElement, depth + 1, unit));
  children.push(`\n${unit.repeat(depth)}`);
  return { ...node, children };
}

type FxpNode = Record<string, unknown>;
const toFxp = (node: XmlNode): FxpNode => {
  if (typeof node === 'string') return { '#text': node };
  const out: FxpNode = { [node.name]: node.children.map(toFxp) };
  const attrs = Object.entries(node.attrs);
  if (attrs.length > 0) out[':@'] = Object.fromEntries(attrs.map(([k, v]) => [`@_${k}`, v]));
  return out;
};

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: false,
  suppressEmptyNode: true,
  processEntities: true,
});

/** Serialises a document: XML declaration, the root indented where that cannot change content, a final newline. */
export function serializeXml(root: XmlElement, options: { readonly indent?: string } = {}): string {
  const tree = indent(root, 0, options.indent ?? '  ');
  return `${XML_DECLARATION}\n${builder.build([toFxp(tree)]) as string}\n`;
}
