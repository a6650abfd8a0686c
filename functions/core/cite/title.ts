/** The article's full title (title and subtitle) as one run of inline text, for every citation format. */
import type { Article, InlineText, Title } from '#core/model/index';
import { plainText } from '#core/model/markup';

/**
 * Title and subtitle joined by a colon, as APA, Chicago and MLA join them; a title
 * that already ends in a question or exclamation mark (or a colon) is followed by a space only.
 */
export function fullTitle(title: Title): InlineText {
  return title.subtitle === undefined ? title.title : [...title.title, subtitleSeparator(title), ...title.subtitle];
}

/**
 * What goes between a title and its subtitle, in the title's language: ": " (English, German and
 * most others), " : " in French, with a no-break space so the colon never starts a line (Lexique
 * des règles typographiques en usage à l'Imprimerie nationale); a space only after a title that
 * ends in ? ! : or a full stop.
 */
export const subtitleSeparator = (title: Pick<Title, 'title' | 'lang'>): string => {
  if (/[?!:.]$/.test(plainText(title.title))) return ' ';
  return /^fr(?:-|$)/i.test(title.lang) ? '\u00A0: ' : ': ';
};

/** The main title (in the article's language) as plain text, subtitle included. */
export const mainTitleText = (article: Article): string => plainText(fullTitle(article.titles[0]));
