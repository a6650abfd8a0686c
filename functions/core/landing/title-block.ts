/** The article's header: section, title with subtitle, translated titles. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { subtitleSeparator } from '#core/cite/index';
import type { Title } from '#core/model/index';
import { inlineHtml, text } from './html.ts';
import type { PageContext } from './page-context.ts';

export const sectionName = ({ article }: PageContext): Element | undefined =>
  article.section === undefined ? undefined : h('p', { className: ['section'] }, article.section.title);

/** The one `<h1>`: the title in the article's language, then the subtitle after a colon (so it also reads as one title without styles). */
export function mainTitle({ article }: PageContext): Element {
  const main = article.titles[0];
  const subtitle = main.subtitle === undefined ? [] : [text(subtitleSeparator(main)), h('span', { className: ['subtitle'] }, inlineHtml(main.subtitle))];
  return h('h1', { lang: main.lang }, [...inlineHtml(main.title), ...subtitle]);
}

function translatedTitle(title: Title): Element {
  const subtitle = title.subtitle === undefined ? [] : [text(subtitleSeparator(title)), ...inlineHtml(title.subtitle)];
  return h('p', { className: ['translated-title'], id: `title-${title.lang}`, lang: title.lang }, [...inlineHtml(title.title), ...subtitle]);
}

export const translatedTitles = ({ article }: PageContext): Element[] => article.titles.slice(1).map(translatedTitle);

export const titleBlock = (page: PageContext): (Element | undefined)[] => [sectionName(page), mainTitle(page), ...translatedTitles(page)];
