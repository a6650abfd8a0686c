/** Builders the landing page sections share: the site's (core/site/html.ts) and meta tags. */
import type { Element } from 'hast';

export {
  autonym,
  countryName,
  defined,
  doiLink,
  doiUrl,
  inlineHtml,
  joined,
  languageName,
  lines,
  PAGE_LANG,
  pageRange,
  readableDate,
  section,
  text,
} from '#core/site/html';

/**
 * `<meta name content>`, or nothing when the content is absent or blank. Built as the element
 * `h('meta', { name, content, lang })` gives (all three are plain properties, kept as they are)
 * without hastscript's per-property schema lookup: a page has one per Highwire reference and author.
 */
export function meta(name: string, content: string | undefined, lang?: string): Element | undefined {
  if (content === undefined || content.trim() === '') return undefined;
  return { type: 'element', tagName: 'meta', properties: lang === undefined ? { name, content } : { name, content, lang }, children: [] };
}
