/** Rendering a landing page and reading it back with an HTML5 parser independent of the serialiser. */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { renderLandingPage } from '#core/landing/index';
import type { Article, IssueBundle } from '#core/model/index';
import { caseById, type Case } from '../cite/load.ts';
import { citeproc } from '#core/cite/engine';

export type Page = { readonly html: string; readonly tree: Root; readonly parseErrors: readonly string[] };

export function parsePage(html: string): Page {
  const parseErrors: string[] = [];
  const tree = fromHtml(html, {
    onerror: (e) => {
      parseErrors.push(`${e.ruleId ?? ''} ${e.message}`);
    },
  });
  return { html, tree, parseErrors };
}

export const render = (bundle: IssueBundle, article: Article): Page => parsePage(renderLandingPage(bundle, article, { engine: citeproc }));
export const renderCase = (c: Case): Page => render(c.bundle, c.article);
export const renderId = (id: string): Page => renderCase(caseById(id));

/** The text of a node, as the parser sees it. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

export const all = (page: Page, selector: string): Element[] => selectAll(selector, page.tree);

/** Descendants of one element. */
export const within = (element: Element, selector: string): Element[] => selectAll(selector, element);

export function one(page: Page, selector: string): Element {
  const found = all(page, selector);
  if (found.length !== 1) throw new Error(`expected one ${selector}, found ${found.length}`);
  return found[0]!;
}

export const first = (page: Page, selector: string): Element | undefined => select(selector, page.tree);

/** The content of every `<meta name=…>` with this name, in document order. */
export const metas = (page: Page, name: string): string[] => all(page, `meta[name="${name}"]`).map((m) => String(m.properties['content']));

/** `[name, content]` of every Highwire meta tag, in document order. */
export const highwire = (page: Page): [string, string][] =>
  all(page, 'meta[name^="citation_"]').map((m) => [String(m.properties['name']), String(m.properties['content'])]);

/** The parsed JSON-LD object (fails when there is not exactly one block). */
export const jsonLdOf = (page: Page): Record<string, unknown> => JSON.parse(textOf(one(page, 'script[type="application/ld+json"]'))) as Record<string, unknown>;
