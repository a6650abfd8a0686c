/** Reads OAI-PMH responses in tests with fast-xml-parser, independent of the serialiser that wrote them. */
import { renderOai, type OaiContext } from '#core/oai/index';
import { descendants, elements, parseXml as parseAny, text, theDescendant, type XmlNode } from '#tests/helpers/xml-query';
import { args } from './fixtures.ts';

export type Node = XmlNode;

/** The root element of a response, its text trimmed (OAI-PMH is data, not mixed content). */
export const parseXml = (xml: string): Node => parseAny(xml, 'trimmed');

/** Every descendant element with this (local) name, in document order; a prefix in the document is ignored. */
export const all = descendants;
export const one = theDescendant;
export { elements, text };

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
