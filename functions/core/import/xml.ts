/**
 * Source XML as a small read-only tree (local names, attributes, mixed content in order), parsed
 * with fast-xml-parser after its validator has said the text is well-formed. Every importer reads
 * this tree, so namespaces (`jats:`, `ai:`, schema 4.x or 5.x default namespaces) never matter.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XElement = {
  /** Local name, without any namespace prefix: `abstract` for `jats:abstract`. */
  readonly name: string;
  /** The prefix as written (`jats`, `mml`), or '' for none. */
  readonly prefix: string;
  /** Attributes by local name (`href` for `xlink:href`, `lang` for `xml:lang`). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XNode[];
};
export type XNode = XElement | string;

export type XmlParse = { readonly ok: true; readonly root: XElement } | { readonly ok: false; readonly message: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Numeric character references (&#x000e9;) are everywhere in PMC and OJS exports.
  htmlEntities: true,
  processEntities: { enabled: true, maxTotalExpansions: 10_000_000 },
});

/** `<!ENTITY` inside a DOCTYPE's internal subset (general or parameter entities). */
const ENTITY_DECLARATION = /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/;

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const prefixOf = (qname: string): string => (qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '');

type FxpNode = Record<string, unknown>;

function toNode(raw: FxpNode): XNode | undefined {
  const key = Object.keys(raw).find((k) => k !== ':@');
  if (key === undefined) return undefined;
  if (key === '#text') return String(raw[key]);
  if (key.startsWith('?') || key.startsWith('!')) return undefined;
  const attrs: Record<string, string> = {};
  const rawAttrs = (raw[':@'] ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(rawAttrs)) if (!name.startsWith('xmlns')) attrs[localName(name)] = String(value);
  const children = ((raw[key] ?? []) as FxpNode[]).map(toNode).filter((n): n is XNode => n !== undefined);
  return { name: localName(key), prefix: prefixOf(key), attrs, children };
}

/** Explains the validator's error in words an editor can act on. */
function describeError(err: { code: string; msg: string; line: number; col: number }): string {
  const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(err.msg);
  if (unclosed) {
    const tags = unclosed[1]!.replace(/\s+/g, '').replace(/"/g, '').split(',');
    return `the file ends before these elements are closed: ${tags.join(' > ')} (is it truncated?)`;
  }
  return `line ${err.line}, column ${err.col}: ${err.msg}`;
}

/** Parses XML text, or says why it is not well-formed; nothing is guessed from a broken file. */
export function parseXml(text: string): XmlParse {
  // Entities a file declares itself are how XML reads other files (external entities) or blows up
  // in memory (entity expansion); no record from Crossref, PMC or OJS needs them.
  if (ENTITY_DECLARATION.test(text)) return { ok: false, message: 'the file declares its own entities (<!ENTITY …> in its DOCTYPE), which Colophon does not read: export the record again without them' };
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (checked !== true) return { ok: false, message: `not well-formed XML: ${describeError(checked.err)}` };
  let parsed: FxpNode[];
  try {
    parsed = parser.parse(text) as FxpNode[];
  } catch (error) {
    // The parser's own limits (nesting depth, entity counts): a refusal, not a crash.
    return { ok: false, message: `cannot be read safely: ${error instanceof Error ? error.message : String(error)}` };
  }
  const roots = parsed.map(toNode).filter((n): n is XElement => n !== undefined && typeof n !== 'string');
  const root = roots[0];
  if (!root) return { ok: false, message: 'not well-formed XML: no root element' };
  return { ok: true, root };
}

export const isElement = (node: XNode | undefined): node is XElement => node !== undefined && typeof node !== 'string';

/** Child elements, optionally only those with one of the given local names. */
export function kids(node: XElement | undefined, ...names: string[]): XElement[] {
  if (!node) return [];
  return node.children.filter((c): c is XElement => isElement(c) && (names.length === 0 || names.includes(c.name)));
}

/** The first child element with one of the given local names. */
export const kid = (node: XElement | undefined, ...names: string[]): XElement | undefined => kids(node, ...names)[0];

/** The first element at a path of local names below `node` (`path(meta, 'journal_volume', 'volume')`). */
export function path(node: XElement | undefined, ...names: string[]): XElement | undefined {
  let at = node;
  for (const name of names) at = kid(at, name);
  return at;
}

/** Every descendant element with the local name (document order, not descending into matches). */
export function find(node: XElement | undefined, name: string): XElement[] {
  if (!node) return [];
  const out: XElement[] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === name) out.push(child);
    else out.push(...find(child, name));
  }
  return out;
}

/** All text below a node, as written (no whitespace changes). */
export function rawText(node: XNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(rawText).join('');
}

/** Collapses runs of white space (including the no-break space kept as is) and trims. */
export const squash = (value: string): string => value.replace(/[ \t\r\n]+/g, ' ').trim();

/** The trimmed, white-space-collapsed text of a node, or undefined when empty. */
export function textOf(node: XNode | undefined): string | undefined {
  const value = squash(rawText(node));
  return value === '' ? undefined : value;
}

export const attr = (node: XElement | undefined, name: string): string | undefined => node?.attrs[name];
