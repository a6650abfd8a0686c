/** Small builders the landing page sections share: inline markup, meta tags, labels. */
import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import type { Inline, InlineText, PartialDate } from '#core/model/index';

/** The language of the page's own words (headings, labels); titles and abstracts carry their own `lang`. */
export const PAGE_LANG = 'en';

export const text = (value: string): Text => ({ type: 'text', value });

/** Inline markup as HTML: i, b, sub and sup are HTML elements; small caps is a styled span. */
export function inlineHtml(content: InlineText): ElementContent[] {
  return content.map((node: Inline): ElementContent => {
    if (typeof node === 'string') return text(node);
    const children = inlineHtml(node.children);
    return node.tag === 'sc' ? h('span', { className: ['sc'] }, children) : h(node.tag, children);
  });
}

/** `<meta name content>`, or nothing when the content is absent or blank. */
export function meta(name: string, content: string | undefined, lang?: string): Element | undefined {
  if (content === undefined || content.trim() === '') return undefined;
  return h('meta', { name, content, lang });
}

/** The kept elements, each on its own line of the page source (diffs of published pages stay readable). */
export function lines(nodes: readonly (ElementContent | undefined)[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) if (node !== undefined) out.push(text('\n'), node);
  if (out.length > 0) out.push(text('\n'));
  return out;
}

export const defined = <T>(values: readonly (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "1 February 2023", "November 2024" or "2019", as much as is known (no locale data, so the page is the same everywhere). */
export function readableDate(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  const month = `${MONTHS[date.month - 1]!} ${date.year}`;
  return date.day === undefined ? month : `${date.day} ${month}`;
}

// Names come from the runtime's ICU data: the same on every machine with the same Node version.
const languageNames = new Intl.DisplayNames([PAGE_LANG], { type: 'language', fallback: 'code' });
const regionNames = new Intl.DisplayNames([PAGE_LANG], { type: 'region', fallback: 'code' });

/** "Serbian" for `sr`, the tag itself when unknown. */
export const languageName = (tag: string): string => languageNames.of(tag) ?? tag;
/** "Russia" for `RU`. */
export const countryName = (code: string): string => regionNames.of(code) ?? code;

/**
 * `https://doi.org/10.2298/…`: the DOI as a link, as Crossref's display guidelines ask
 * (https://www.crossref.org/display-guidelines/); characters a URL path cannot carry (SICI DOIs
 * have `<`, `>`, `;`, `#`) are percent-encoded, as core/urls.ts encodes them.
 */
export const doiUrl = (doi: string): string => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

/** A titled part of the page: `<section>` named by its `<h2>`, or nothing when it has no content. */
export function section(id: string, heading: string, content: readonly (ElementContent | undefined)[]): Element | undefined {
  const kept = defined(content);
  if (kept.length === 0) return undefined;
  return h('section', { id, ariaLabelledBy: `${id}-heading` }, [h('h2', { id: `${id}-heading` }, heading), ...kept]);
}
