/**
 * The site's HTML serialiser: the same bytes as hast-util-to-html's `toHtml(tree)` with its
 * default options (https://github.com/syntax-tree/hast-util-to-html), in about a third of the
 * time. `toHtml` copies an options object and builds a RegExp lookup per text and per attribute,
 * and looks every property up in the HTML schema again; this keeps one lookup per property name
 * and escapes with fixed expressions. It writes only the HTML subset Colophon's pages use
 * (elements, text, doctype); anything else (SVG, templates, comments, raw nodes) goes to
 * `toHtml` itself, so the output never depends on which path wrote it.
 * tests/core/site/to-html.test.ts compares the two on every page of the seed, the fixtures, the
 * corpus and synthetic articles, and on hostile trees.
 *
 * What `toHtml` does by default, and so this: text escapes `&` and `<`; attribute values are
 * double-quoted and escape NUL, `"`, `&`, `'` and `` ` ``, all as uppercase hexadecimal references
 * (`&#x26;`); void elements get no end tag and no slash; `<script>` and `<style>` text is raw.
 */
import type { Element, Nodes, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { find, html } from 'property-information';

/** hast-util-to-html's void elements (html-void-elements 3). */
const VOIDS = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const reference = (ch: string): string => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`;
const TEXT_ESCAPES = /[<&]/g;
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g;
/** Characters hast-util-to-html escapes in an attribute's name. */
const NAME_ESCAPES = /[\0\t\n\f\r "&'/<=>`]/g;

const escapeText = (value: string): string => value.replace(TEXT_ESCAPES, reference);
const escapeAttribute = (value: string): string => value.replace(ATTRIBUTE_ESCAPES, reference);

type Info = ReturnType<typeof find>;
type Attribute = { readonly info: Info; readonly name: string };
/** Keyed by property name: the renderers use a fixed set of names, so this stays small. */
const attributes = new Map<string, Attribute>();

/** The schema's facts about a property (its attribute name, boolean, list kind), looked up once per name. */
function attributeOf(key: string): Attribute {
  let hit = attributes.get(key);
  if (hit === undefined) {
    const info = find(html, key);
    hit = { info, name: info.attribute.replace(NAME_ESCAPES, reference) };
    attributes.set(key, hit);
  }
  return hit;
}

/** One attribute as `toHtml` writes it, or '' when it is left out (null, false, NaN). */
function attribute(key: string, raw: Properties[string]): string {
  const { info, name } = attributeOf(key);
  let value: unknown = raw;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (value === true) return name;
  let text: string;
  if (Array.isArray(value)) {
    if (info.commaSeparated) {
      // comma-separated-tokens' stringify: a trailing empty token is kept visible.
      const tokens = value.at(-1) === '' ? [...value, ''] : value;
      text = tokens.join(', ').trim();
    } else text = value.join(' ').trim();
  } else text = String(value);
  return `${name}="${escapeAttribute(text)}"`;
}

function attributesOf(properties: Properties): string {
  let out = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    const written = attribute(key, value);
    if (written) out += out ? ` ${written}` : written;
  }
  return out;
}

function element(node: Element): string {
  const name = node.tagName;
  // Whatever this does not write (foreign content, templates, comments, raw HTML) is toHtml's, with its subtree.
  if (name === 'svg' || name === 'template' || !node.children.every((child) => child.type === 'text' || child.type === 'element')) return toHtml(node);
  const attributes = attributesOf(node.properties);
  const raw = name === 'script' || name === 'style';
  let content = '';
  for (const child of node.children) {
    if (child.type === 'text') content += raw ? child.value : escapeText(child.value);
    else if (child.type === 'element') content += element(child);
  }
  const open = attributes ? `<${name} ${attributes}>` : `<${name}>`;
  // A void element with content is written in full, as toHtml does.
  return VOIDS.has(name.toLowerCase()) && !content ? open : `${open}${content}</${name}>`;
}

/** `tree` as HTML: byte for byte what `toHtml(tree)` gives (hast-util-to-html 9, default options). */
export function toHtmlFast(tree: Nodes): string {
  switch (tree.type) {
    case 'root': {
      let out = '';
      for (const child of tree.children) out += toHtmlFast(child);
      return out;
    }
    case 'element':
      return element(tree);
    case 'text':
      return escapeText(tree.value);
    case 'doctype':
      return '<!doctype html>';
    default:
      return toHtml(tree);
  }
}
