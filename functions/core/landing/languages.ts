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

type Target = { readonly lang: string; readonly id: string; readonly place: number };

/**
 * Where each language other than the article's own begins on the page: its abstract (where a
 * reader of that language starts), else its translated title, else its keywords; listed in the
 * order those places come on the page (titles, then abstracts, then keywords).
 */
export function languageTargets(article: Article): Target[] {
  const places = [
    ...article.titles.slice(1).map((t, k) => ({ lang: t.lang, id: `title-${t.lang}`, place: k, preference: 1 })),
    ...article.abstracts.map((a, k) => ({ lang: a.lang, id: `abstract-${a.lang}`, place: 100 + k, preference: 0 })),
    ...article.keywords.map((g, k) => ({ lang: g.lang, id: `keywords-${g.lang}`, place: 200 + k, preference: 2 })),
  ];
  const best = new Map<string, (typeof places)[number]>();
  for (const p of places) {
    const held = best.get(p.lang);
    if (p.lang !== article.language && (held === undefined || p.preference < held.preference)) best.set(p.lang, p);
  }
  return [...best.values()].sort((a, b) => a.place - b.place).map(({ lang, id, place }) => ({ lang, id, place }));
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
