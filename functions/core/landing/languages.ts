/**
 * The language switch of an article with translated titles, abstracts or keywords.
 *
 * One page holds every language, at one URL (the DOI's resource), so the switch is a list of
 * in-page links to each language's part: its abstract, else its title, else its keywords. Each
 * link names the language in that language ("Српски", "Deutsch") and carries `lang`, so screen
 * readers pronounce it right (WCAG 3.1.2). There is no `<link rel="alternate" hreflang>`: such
 * alternates declare *other URLs* holding the page in another language, and search engines
 * ignore fragment URLs (#abstract-fr) as alternates; pointing them at this same page would
 * claim translations that do not exist. Nor does a link carry `hreflang`: it would describe the
 * linked *resource*, which is this very page, whose language is the page's own.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Article } from '#core/model/index';
import { autonym } from './html.ts';
import type { PageContext } from './page-context.ts';

/** Where each language other than the article's own begins on the page, in order of first appearance. */
export function languageTargets(article: Article): { readonly lang: string; readonly id: string }[] {
  const targets = new Map<string, string>();
  const offer = (lang: string, id: string, better: boolean): void => {
    if (lang === article.language) return;
    if (!targets.has(lang) || better) targets.set(lang, id);
  };
  for (const t of article.titles.slice(1)) offer(t.lang, `title-${t.lang}`, false);
  for (const k of article.keywords) if (!targets.has(k.lang)) offer(k.lang, `keywords-${k.lang}`, false);
  // The abstract is where a reader of that language starts: it wins over title and keywords.
  for (const a of article.abstracts) offer(a.lang, `abstract-${a.lang}`, true);
  return [...targets].map(([lang, id]) => ({ lang, id }));
}

export function languageSwitch({ article }: PageContext): Element | undefined {
  const targets = languageTargets(article);
  if (targets.length === 0) return undefined;
  return h('nav', { className: ['languages'], ariaLabelledBy: 'languages-label' }, [
    h('span', { id: 'languages-label' }, 'Also in:'),
    h(
      'ul',
      targets.map(({ lang, id }) => h('li', [h('a', { href: `#${id}`, lang }, autonym(lang))])),
    ),
  ]);
}
