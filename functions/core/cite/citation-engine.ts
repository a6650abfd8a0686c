/**
 * What How to Cite renders a citation with, given by the caller (issue 16, cold start): citeproc-js
 * and its styles are ~640 KiB of a bundle, and Render shows citations kept with the version
 * (stored-citations.ts) far more often than it renders one, so it loads the engine (engine.ts,
 * bundled on its own) only when a citation is stale. Everything else passes `citeproc` from engine.ts.
 */
import type { InlineText } from '#core/model/index';
import type { CslItem } from './csl-json.ts';
import type { CitationLocale, CitationStyle } from './styles.ts';

export type CitationEngine = {
  /** One bibliography entry for `item` in `style` and `locale` (engine.ts `renderEntry`). */
  readonly renderEntry: (item: CslItem, style: CitationStyle, locale: CitationLocale) => InlineText;
};
