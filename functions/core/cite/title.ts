/** The article's full title (title and subtitle) as one run of inline text, for every citation format. */
import { plainText, type Article, type InlineText, type Title } from '#core/model/index';

/**
 * Title and subtitle joined by a colon, as APA, Chicago and MLA join them; a title
 * that already ends in a question or exclamation mark (or a colon) is followed by a space only.
 */
export function fullTitle(title: Title): InlineText {
  return title.subtitle === undefined ? title.title : [...title.title, subtitleSeparator(title), ...title.subtitle];
}

/** What goes between a title and its subtitle: ": ", or a space after a title ending in ? ! : or a full stop. */
export const subtitleSeparator = (title: Title): string => (/[?!:.]$/.test(plainText(title.title)) ? ' ' : ': ');

/** The main title (in the article's language) as plain text, subtitle included. */
export const mainTitleText = (article: Article): string => plainText(fullTitle(article.titles[0]));
