/** OpenGraph tags for link previews (https://ogp.me/): `property`, not `name`, as the protocol defines. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { mainAbstract, mainTitleText } from '#core/cite/index';
import type { Article } from '#core/model/index';
import { compareDates, isoDate } from '#core/model/dates';
import { defined } from './html.ts';
import type { PageContext } from './page-context.ts';

const og = (property: string, content: string | undefined): Element | undefined => (content === undefined || content === '' ? undefined : h('meta', { property, content }));

/** Previews show a couple of lines: the abstract is cut at a word before `max` characters. */
export function summary(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * `article:published_time` (https://ogp.me/#type_article): when the article first appeared, in
 * print or online, whichever came first, as far as the date is known (ISO 8601: 2019, 2023-02-01).
 */
export function publishedTime(article: Article): string {
  const { print, online } = article.dates.published;
  const first = print && online ? (compareDates(print, online) <= 0 ? print : online) : (print ?? online)!;
  return isoDate(first);
}

export function openGraph(page: PageContext): Element[] {
  const abstract = mainAbstract(page.article);
  return defined([
    og('og:type', 'article'),
    og('og:title', mainTitleText(page.article)),
    og('og:url', page.url),
    og('og:description', abstract === undefined ? undefined : summary(abstract)),
    og('og:site_name', page.journal.title),
    og('article:published_time', publishedTime(page.article)),
  ]);
}
