/** Builders the landing page sections share: the site's (core/site/html.ts) and meta tags. */
import type { Element } from 'hast';
import { h } from 'hastscript';

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

/** `<meta name content>`, or nothing when the content is absent or blank. */
export function meta(name: string, content: string | undefined, lang?: string): Element | undefined {
  if (content === undefined || content.trim() === '') return undefined;
  return h('meta', { name, content, lang });
}
