/** The abstract that single-abstract outputs (CSL, RIS, BibTeX, JSON-LD, OpenGraph) carry. */
import type { Article } from '#core/model/index';
import { plainText } from '#core/model/markup';

/** The abstract in the article's own language (or the first one given) as plain text, paragraphs separated by a blank line. */
export function mainAbstract(article: Article): string | undefined {
  const abstract = article.abstracts.find((a) => a.lang === article.language) ?? article.abstracts[0];
  return abstract?.paragraphs.map(plainText).join('\n\n');
}
