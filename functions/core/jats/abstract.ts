/**
 * `<abstract>` in the article's language (or the first one given) and `<trans-abstract>` for the
 * others, one `<p>` per paragraph.
 */
import type { Abstract, Article } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { jatsInline } from './inline.ts';

/** The abstract shown as the article's own, then the translations in the order given. */
function ordered(article: Article): { main?: Abstract; others: Abstract[] } {
  const k = Math.max(0, article.abstracts.findIndex((a) => a.lang === article.language));
  const main = article.abstracts[k];
  return main === undefined ? { others: [] } : { main, others: article.abstracts.filter((_, n) => n !== k) };
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/abstract.html */
export function abstract(article: Article): XmlElement | undefined {
  const { main } = ordered(article);
  return main && el('abstract', { 'xml:lang': main.lang }, paragraphs(main));
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/trans-abstract.html */
export function transAbstracts(article: Article): XmlElement[] {
  return ordered(article).others.map((a) => el('trans-abstract', { 'xml:lang': a.lang }, paragraphs(a)));
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/p.html */
const paragraphs = (a: Abstract): XmlElement[] => a.paragraphs.map((p) => el('p', null, jatsInline(p)));
