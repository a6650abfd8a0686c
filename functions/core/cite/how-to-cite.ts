/** "How to cite this article": formatted references in named styles, rendered by citeproc-js. */
import type { Article, InlineText, IssueBundle } from '#core/model/index';
import { plainText } from '#core/model/markup';
import { itemKey, remembered } from './citation-memo.ts';
import type { CslItem } from './csl-json.ts';
import { renderEntry } from './engine.ts';
import { CITATION_STYLE_IDS, CITATION_STYLES, type CitationLocale, type CitationStyle } from './styles.ts';
import { toCsl } from './to-csl.ts';

export type FormattedCitation = {
  readonly style: CitationStyle;
  readonly locale: CitationLocale;
  /** With the style's italics and other formatting, for HTML and other rich outputs. */
  readonly inline: InlineText;
  readonly text: string;
};

/** Without a locale, each style takes the one its guide is written for (`CITATION_STYLES[style].locale`). */
export type HowToCiteOptions = { readonly locale?: CitationLocale };

/** Rendered once per item, style and locale in a process (see citation-memo.ts); `key` is `itemKey(item)`. */
function formatted(item: CslItem, key: string, style: CitationStyle, options: HowToCiteOptions): FormattedCitation {
  const locale = options.locale ?? CITATION_STYLES[style].locale;
  return remembered(key, style, locale, () => {
    const inline = renderEntry(item, style, locale);
    return Object.freeze({ style, locale, inline: Object.freeze(inline), text: plainText(inline) });
  });
}

/**
 * The article's reference in `style` (APA 7 by default), from the same CSL-JSON item as every
 * other citation output (https://docs.citationstyles.org/en/stable/specification.html).
 * Throws `CitationError` only when the processor itself fails, which is a bug.
 */
export function howToCite(bundle: IssueBundle, article: Article, style: CitationStyle = 'apa', options: HowToCiteOptions = {}): FormattedCitation {
  const item = toCsl(bundle, article);
  return formatted(item, itemKey(item), style, options);
}

/**
 * The reference in every style Colophon offers, in `CITATION_STYLE_IDS` order, from one CSL item
 * (each style's engine is built once per process and holds one item per pass; see engine.ts;
 * an item met before is not rendered again, see citation-memo.ts).
 */
export function howToCiteAll(bundle: IssueBundle, article: Article, options: HowToCiteOptions = {}): FormattedCitation[] {
  const item = toCsl(bundle, article);
  const key = itemKey(item);
  return CITATION_STYLE_IDS.map((style) => formatted(item, key, style, options));
}
