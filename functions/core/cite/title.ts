/** The article's full title (title and subtitle) as one run of inline text, for every citation format. */
import { plainText, type Article, type InlineText, type Title } from '#core/model/index';

/**
 * Title and subtitle joined by a colon, as APA, Chicago and MLA join them; a title
 * that already ends in a question or exclamation mark (or a colon) is followed by a space only.
 */
export function fullTitle(title: Title): InlineText {
  if (title.subtitle === undefined) return title.title;
  const separator = /[?!:.]$/.test(plainText(title.title)) ? ' ' : ': ';
  return [...title.title, separator, ...title.subtitle];
}

/** The main title (in the article's language) as plain text, subtitle included. */
export const mainTitleText = (article: Article): string => plainText(fullTitle(article.titles[0]));
