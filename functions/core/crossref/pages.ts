/** `pages`: first and last page exactly as printed (`375`, `xiv`): Crossref takes any label up to 32 characters. */
import type { Article } from '../model/resolved.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export function pages(value: Article['pages']): XmlElement | undefined {
  if (value === undefined) return undefined;
  return el('pages', null, leaf('first_page', value.first), leaf('last_page', value.last));
}
