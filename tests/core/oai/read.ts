/** Reads OAI-PMH responses in tests with fast-xml-parser, independent of the serialiser that wrote them. */
import { XMLParser } from 'fast-xml-parser';
import { renderOai, type OaiContext } from '#core/oai/index';
import { args } from './fixtures.ts';

export type Node = { readonly name: string; readonly attrs: Readonly<Record<string, string>>; readonly children: readonly (Node | string)[] };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Fxp = Record<string, unknown>;
const toNode = (item: Fxp): Node | string => {
  if ('#text' in item) return String(item['#text']);
  const name = Object.keys(item).find((k) => k !== ':@')!;
  return { name, attrs: (item[':@'] ?? {}) as Record<string, string>, children: (item[name] as Fxp[]).map(toNode) };
};

/** The root element of a document. */
export function parseXml(xml: string): Node {
  const root = (parser.parse(xml) as Fxp[]).map(toNode).find((n): n is Node => typeof n !== 'string');
  if (!root) throw new Error('no root element');
  return root;
}

/** Every descendant element with this (local) name, in document order; a prefix in the document is ignored. */
export function all(node: Node, name: string): Node[] {
  const out: Node[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.name === name || child.name.endsWith(`:${name}`)) out.push(child);
    out.push(...all(child, name));
  }
  return out;
}

export function one(node: Node, name: string): Node {
  const found = all(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

export const text = (node: Node): string => node.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
export const elements = (node: Node): Node[] => node.children.filter((c): c is Node => typeof c !== 'string');

/** The error codes of a response, in order (empty when it has none). */
export const errorCodes = (root: Node): string[] => elements(root).filter((e) => e.name === 'error').map((e) => e.attrs.code!);

/** One request's response, as text and parsed. */
export async function ask(ctx: OaiContext, query: string): Promise<{ xml: string; root: Node }> {
  const xml = await renderOai(args(query), ctx);
  return { xml, root: parseXml(xml) };
}

export type HarvestPage = { readonly identifiers: string[]; readonly token: Node | undefined; readonly xml: string };

/**
 * Pages through a list as a harvester does, following resumption tokens until an empty one (or
 * none); `between` runs after each page, before the next request.
 */
export async function harvest(ctx: () => OaiContext, query: string, between: (page: HarvestPage, n: number) => void | Promise<void> = () => {}): Promise<HarvestPage[]> {
  const verb = new URLSearchParams(query).get('verb')!;
  const pages: HarvestPage[] = [];
  let next: string | undefined = query;
  while (next !== undefined) {
    const { xml, root } = await ask(ctx(), next);
    const codes = errorCodes(root);
    if (codes.length > 0) throw new Error(`page ${pages.length + 1} answered ${codes.join(', ')}`);
    const identifiers = all(root, 'header').map((h) => text(one(h, 'identifier')));
    const token = all(root, 'resumptionToken')[0];
    const page = { identifiers, token, xml };
    pages.push(page);
    await between(page, pages.length);
    const value = token === undefined ? '' : text(token);
    next = value === '' ? undefined : `verb=${verb}&resumptionToken=${encodeURIComponent(value)}`;
  }
  return pages;
}
