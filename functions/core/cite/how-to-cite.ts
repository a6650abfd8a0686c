/** "How to cite this article": a formatted reference in a named style, rendered by citeproc-js. */
import { plainText, type Article, type InlineText, type IssueBundle } from '#core/model/index';
import { renderEntry } from './engine.ts';
import { DEFAULT_LOCALE, type CitationLocale, type CitationStyle } from './styles.ts';
import { toCsl } from './to-csl.ts';

export type FormattedCitation = {
  readonly style: CitationStyle;
  readonly locale: CitationLocale;
  /** With the style's italics and other formatting, for HTML and other rich outputs. */
  readonly inline: InlineText;
  readonly text: string;
};

export type HowToCiteOptions = { readonly locale?: CitationLocale };

/**
 * The article's reference in `style` (APA 7 by default), from the same CSL-JSON item as every
 * other citation output (https://docs.citationstyles.org/en/stable/specification.html).
 * Throws `CitationError` only when the processor itself fails, which is a bug.
 */
export function howToCite(bundle: IssueBundle, article: Article, style: CitationStyle = 'apa', options: HowToCiteOptions = {}): FormattedCitation {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const inline = renderEntry(toCsl(bundle, article), style, locale);
  return { style, locale, inline, text: plainText(inline) };
}
