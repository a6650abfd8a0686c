/**
 * Citations kept with an article version (issue 16): Ingest renders How to Cite once, when it
 * stores a new version, and the records table keeps the result beside the record; Render then
 * passes it to the landing page, which uses it instead of running citeproc-js (~15 ms of CPU for
 * five styles on a first render, ~70 ms more to build the engines in a cold container).
 *
 * A kept citation is used only while it is current: `item` is a hash of the CSL item it was
 * rendered from (the key of citation-memo.ts, so any change to what a style could print is a new
 * hash) and each entry's `engine` is the fingerprint of the style, locales, citeproc-js and
 * Colophon's handling of them (engine.ts; read from engine-fingerprints.ts, so checking one loads
 * neither citeproc nor the CSL files). Anything else (a version stored before this change,
 * an upgraded style or citeproc, a changed `toCsl`) is rendered again by citeproc, as before.
 */
import type { InlineText } from '#core/model/index';
import { engineFingerprint } from './engine-fingerprints.ts';
import { fnv64 } from './fingerprint.ts';
import type { CitationLocale, CitationStyle } from './styles.ts';

/** One style's entry, as citeproc rendered it (the plain text is derived again from `inline`). */
export type StoredCitation = {
  readonly style: CitationStyle;
  readonly locale: CitationLocale;
  /** `engineFingerprint(style, locale)` when it was rendered. */
  readonly engine: string;
  readonly inline: InlineText;
};

/** Every style's citation of one article version, with the hash of the CSL item they come from. */
export type StoredCitations = { readonly item: string; readonly entries: readonly StoredCitation[] };

/** The hash of a CSL item's key (`itemKey`): what `StoredCitations.item` holds. */
export const itemFingerprint = (key: string): string => fnv64(key);

/** A lookup of the kept entries that are current for the item whose key hash is `item`. */
export type KeptCitations = (style: CitationStyle, locale: CitationLocale) => InlineText | undefined;

/**
 * The entries of `stored` that can stand for citeproc's output on the item with key `key`: none
 * when the item changed; per style and locale, only one rendered by the engine of today.
 */
export function keptCitations(stored: StoredCitations | undefined, key: string): KeptCitations | undefined {
  if (stored === undefined || stored.item !== itemFingerprint(key)) return undefined;
  return (style, locale) => stored.entries.find((e) => e.style === style && e.locale === locale && e.engine === engineFingerprint(style, locale))?.inline;
}
