/** "How to cite this article": formatted references in named styles, rendered by the caller's engine (citeproc-js). */
import type { Article, InlineText, IssueBundle } from '#core/model/index';
import { plainText } from '#core/model/markup';
import type { CitationEngine } from './citation-engine.ts';
import { itemKey, remembered } from './citation-memo.ts';
import type { CslItem } from './csl-json.ts';
import { engineFingerprint } from './engine-fingerprints.ts';
import { MissingCitationEngineError } from './errors.ts';
import { itemFingerprint, keptCitations, type KeptCitations, type StoredCitations } from './stored-citations.ts';
import { CITATION_STYLE_IDS, CITATION_STYLES, type CitationLocale, type CitationStyle } from './styles.ts';
import { toCsl } from './to-csl.ts';

export type FormattedCitation = {
  readonly style: CitationStyle;
  readonly locale: CitationLocale;
  /** With the style's italics and other formatting, for HTML and other rich outputs. */
  readonly inline: InlineText;
  readonly text: string;
};

/**
 * Without a locale, each style takes the one its guide is written for (`CITATION_STYLES[style].locale`).
 * `stored`: the citations kept with the article's version (stored-citations.ts), used instead of
 * the engine where they are current. `engine`: what renders the others (`citeproc` from engine.ts);
 * without one, a citation neither kept nor remembered throws `MissingCitationEngineError`
 * (`citationEngineNeeded` tells beforehand).
 */
export type HowToCiteOptions = { readonly locale?: CitationLocale; readonly stored?: StoredCitations | undefined; readonly engine?: CitationEngine | undefined };

const citation = (style: CitationStyle, locale: CitationLocale, inline: InlineText): FormattedCitation => Object.freeze({ style, locale, inline: Object.freeze(inline), text: plainText(inline) });

/** Kept with the version when current, else rendered once per item, style and locale in a process (see citation-memo.ts); `key` is `itemKey(item)`. */
function formatted(item: CslItem, key: string, style: CitationStyle, options: HowToCiteOptions, kept?: KeptCitations): FormattedCitation {
  const locale = options.locale ?? CITATION_STYLES[style].locale;
  const stored = kept?.(style, locale);
  if (stored !== undefined) return citation(style, locale, stored);
  return remembered(key, style, locale, () => {
    if (options.engine === undefined) throw new MissingCitationEngineError(`How to Cite has no current ${style} citation of ${item.id} (${locale}) and was given no engine to render one`);
    return citation(style, locale, options.engine.renderEntry(item, style, locale));
  });
}

/**
 * The article's reference in `style` (APA 7 by default), from the same CSL-JSON item as every
 * other citation output (https://docs.citationstyles.org/en/stable/specification.html).
 * Throws `CitationError` only when the processor itself fails, which is a bug.
 */
export function howToCite(bundle: IssueBundle, article: Article, style: CitationStyle = 'apa', options: HowToCiteOptions = {}): FormattedCitation {
  const item = toCsl(bundle, article);
  const key = itemKey(item);
  return formatted(item, key, style, options, keptCitations(options.stored, key));
}

/**
 * The reference in every style Colophon offers, in `CITATION_STYLE_IDS` order, from one CSL item
 * (each style's engine is built once per process and holds one item per pass; see engine.ts;
 * an item met before is not rendered again, see citation-memo.ts; citations kept with the
 * version are not rendered at all, see stored-citations.ts).
 */
export function howToCiteAll(bundle: IssueBundle, article: Article, options: HowToCiteOptions = {}): FormattedCitation[] {
  const item = toCsl(bundle, article);
  const key = itemKey(item);
  const kept = keptCitations(options.stored, key);
  return CITATION_STYLE_IDS.map((style) => formatted(item, key, style, options, kept));
}

/**
 * Whether `howToCiteAll` with these options would have to render a citation: true unless every
 * style's is kept with the version and current.
 * Render asks this before loading citeproc. Citations the process remembers are not counted: the
 * engine is loaded once per process anyway.
 */
export function citationEngineNeeded(bundle: IssueBundle, article: Article, options: Pick<HowToCiteOptions, 'locale' | 'stored'> = {}): boolean {
  const kept = keptCitations(options.stored, itemKey(toCsl(bundle, article)));
  return kept === undefined || CITATION_STYLE_IDS.some((style) => kept(style, options.locale ?? CITATION_STYLES[style].locale) === undefined);
}

/**
 * Every style's citation of the article, to keep with its version (stored-citations.ts): what
 * `howToCiteAll` returns for this bundle and article, with the hashes that tell later whether it
 * is still current. Rendered by `options.engine` unless the process remembers them.
 */
export function citationsToStore(bundle: IssueBundle, article: Article, options: Pick<HowToCiteOptions, 'locale' | 'engine'> = {}): StoredCitations {
  const item = toCsl(bundle, article);
  const key = itemKey(item);
  const entries = CITATION_STYLE_IDS.map((style) => formatted(item, key, style, options)).map(({ style, locale, inline }) => ({ style, locale, engine: engineFingerprint(style, locale), inline }));
  return { item: itemFingerprint(key), entries };
}
