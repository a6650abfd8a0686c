/**
 * Builders every page of the site shares (the article landing pages, the issue pages, the journal
 * home, the 404 page): inline markup, in-site links, labels and dates. Pages are hast trees
 * serialised once by hast-util-to-html, where all escaping happens.
 */
import { doiUrl } from '../urls.ts';
import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import type { Contributor, Inline, InlineText, Issue, Journal, PartialDate } from '#core/model/index';

/** The language of the pages' own words (headings, labels); titles and abstracts carry their own `lang`. */
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

/** The kept elements, each on its own line of the page source (diffs of published pages stay readable). */
export function lines(nodes: readonly (ElementContent | undefined)[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) if (node !== undefined) out.push(text('\n'), node);
  if (out.length > 0) out.push(text('\n'));
  return out;
}

export const defined = <T>(values: readonly (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

/** The parts joined by `separator` text: `a · b · c`. */
export function joined(parts: readonly (ElementContent | string | undefined)[], separator: string): ElementContent[] {
  return defined(parts).flatMap((p, k): ElementContent[] => [...(k === 0 ? [] : [text(separator)]), typeof p === 'string' ? text(p) : p]);
}

/**
 * A link from the page at site key `fromKey` to one of core/urls.ts's URLs, relative (`article.xml`
 * beside the page, `../../issues/L-2019/` elsewhere), so the site works wherever it is served: the
 * journal's domain, below a path of it (base_url `https://journal.example.org/sbt`), the local
 * stand-in or a test server's root. URLs outside the site stay absolute. Meta tags, canonical
 * links and JSON-LD always take absolute URLs.
 */
export function siteHref(journal: Journal, fromKey: string, url: string): string {
  const root = `${journal.base_url}/`;
  if (!url.startsWith(root)) return url;
  // Compared as URL segments: the key's own segments are raw (core/urls.ts), the URL's encoded.
  const from = fromKey.split('/').slice(0, -1).map(encodeURIComponent);
  const to = url.slice(root.length).split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return `${'../'.repeat(from.length - common)}${to.slice(common).join('/')}` || './';
}

/** "Vol. L (2019)", "Vol. 12, No. 3 (2024)" or "No. 4 (2020)": volume and number as printed. */
export function issueLabel(issue: Issue): string {
  const parts = defined([issue.volume && `Vol. ${issue.volume}`, issue.number && `No. ${issue.number}`]);
  return `${parts.join(', ')} (${issue.year})`;
}

/** "Given names Surname Suffix", the name as a reader sees it (never the e-mail). */
export function displayName(c: Contributor): string {
  if (c.kind === 'organization') return c.name;
  return defined([c.given_names, c.surname, c.suffix]).join(' ');
}

/** "375–396" (en dash), "xiv", or undefined without pages. */
export function pageRange(pages: { readonly first: string; readonly last?: string | undefined } | undefined): string | undefined {
  if (pages === undefined) return undefined;
  return pages.last === undefined || pages.last === pages.first ? pages.first : `${pages.first}\u2013${pages.last}`;
}

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

const autonyms = new Map<string, string>();

/**
 * A language's own name, as a reader of it looks for it in a language switch: "Српски" for `sr`,
 * "Deutsch" for `de` (first letter capitalised, as menus print it); the English name when the
 * runtime has no data for the language, the tag when it has none at all.
 */
export function autonym(tag: string): string {
  const known = autonyms.get(tag);
  if (known !== undefined) return known;
  let name: string;
  try {
    const own = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
    name = own === undefined || own === '' ? languageName(tag) : own.charAt(0).toLocaleUpperCase(tag) + own.slice(1);
  } catch {
    name = languageName(tag); // a tag ICU cannot take (the model's tags are BCP 47, so this is rare)
  }
  autonyms.set(tag, name);
  return name;
}

/**
 * `https://doi.org/10.2298/…`: the DOI as a link, as Crossref's display guidelines ask
 * (https://www.crossref.org/display-guidelines/); characters a URL path cannot carry (SICI DOIs
 * have `<`, `>`, `;`, `#`) are percent-encoded, as core/urls.ts encodes them.
 */
export { doiUrl };

/** The DOI as a link whose text is its URL (Crossref's display guidelines). */
export const doiLink = (doi: string): Element => h('a', { href: doiUrl(doi) }, doiUrl(doi));

/** A titled part of a page: `<section>` named by its `<h2>`, or nothing when it has no content. */
export function section(id: string, heading: string, content: readonly (ElementContent | undefined)[]): Element | undefined {
  const kept = defined(content);
  if (kept.length === 0) return undefined;
  return h('section', { id, ariaLabelledBy: `${id}-heading` }, [h('h2', { id: `${id}-heading` }, heading), ...kept]);
}
