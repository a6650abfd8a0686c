/**
 * Abstracts, keywords and classifications, each block marked with its language (WCAG 3.1.2, language of parts)
 * and given an id (`abstract-fr`, `keywords-fr`) the language switch links to.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Abstract, KeywordGroup } from '#core/model/index';
import { inlineHtml, languageName, PAGE_LANG, section } from './html.ts';
import type { PageContext } from './page-context.ts';

/** With more than one language, each gets an `<h3>` naming it; with one, the section heading is enough. */
function inLanguage(id: string, lang: string, several: boolean, content: Element[]): Element {
  return h('div', { id, lang }, several ? [h('h3', { lang: PAGE_LANG }, languageName(lang)), ...content] : content);
}

const abstractBlock = (a: Abstract, several: boolean): Element => inLanguage(`abstract-${a.lang}`, a.lang, several, a.paragraphs.map((p) => h('p', inlineHtml(p))));

export const abstracts = ({ article }: PageContext): Element | undefined =>
  section('abstract', 'Abstract', article.abstracts.map((a) => abstractBlock(a, article.abstracts.length > 1)));

const keywordBlock = (k: KeywordGroup, several: boolean): Element =>
  inLanguage(`keywords-${k.lang}`, k.lang, several, [h('ul', { className: ['keywords'] }, k.terms.map((term) => h('li', term)))]);

export const keywords = ({ article }: PageContext): Element | undefined =>
  section('keywords', 'Keywords', article.keywords.map((k) => keywordBlock(k, article.keywords.length > 1)));

/** Each classification under its scheme's name: "JEL: N44, F51" (a term list, not keywords). */
export const classifications = ({ article }: PageContext): Element | undefined =>
  section('classifications', 'Classification', [
    article.classifications.length === 0
      ? undefined
      : h(
          'dl',
          { className: ['classifications'] },
          article.classifications.flatMap((c) => [h('dt', c.scheme), h('dd', c.lang === undefined ? {} : { lang: c.lang }, [h('ul', { className: ['keywords'] }, c.terms.map((term) => h('li', term)))])]),
        ),
  ]);
