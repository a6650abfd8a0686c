/**
 * Formatted citations kept per CSL item, style and locale: an article version is formatted by
 * citeproc-js once per process, however often its landing page is rendered again (a console
 * preview, a republished issue whose other articles did not change, a re-render after a template
 * change in a warm Lambda). citeproc-js spends ~1.5 ms per style on an entry (its bibliography
 * rendering, not its set-up: see engine.ts), so five styles cost more than the rest of the page.
 *
 * The key is the whole CSL item as citeproc is given it, with the style and the locale: any change
 * to what a style could print is a new key, and a hit returns what citeproc returned for that
 * same input. The engine holds one item at a time and keeps nothing from one item to the next
 * (tests/core/cite/plain-citeproc.test.ts), so its output is a function of the key alone;
 * tests/core/cite/citation-memo.test.ts compares remembered citations with a fresh engine per
 * article on the corpus. Pure: no clock, no I/O; bounded, oldest first out.
 */
import type { CslItem } from './csl-json.ts';
import type { CitationLocale, CitationStyle } from './styles.ts';

/**
 * Articles kept: enough for the articles a warm process meets in a render batch, a republished
 * issue or a console session. Each costs its item's JSON (~1–5 KB with the abstract) and five
 * citations (~1 KB each): ~10 MB at most.
 */
const CAPACITY = 1_000;

/** Per item (its JSON), the citations rendered from it, per `style locale`. */
const memo = new Map<string, Map<string, unknown>>();
let citations = 0;

/** The item as a key (its variables are written in a fixed order by `toCsl`, so equal items give equal keys). */
export const itemKey = (item: CslItem): string => JSON.stringify(item);

/** The value kept for `key` in `style` and `locale`, computed by `compute` on first sight. */
export function remembered<T>(key: string, style: CitationStyle, locale: CitationLocale, compute: () => T): T {
  const variant = `${style} ${locale}`;
  let forItem = memo.get(key);
  if (forItem?.has(variant)) return forItem.get(variant) as T;
  const value = compute();
  if (forItem === undefined) {
    if (memo.size >= CAPACITY) {
      const oldest = memo.keys().next().value!;
      citations -= memo.get(oldest)!.size;
      memo.delete(oldest);
    }
    forItem = new Map();
    memo.set(key, forItem);
  }
  forItem.set(variant, value);
  citations += 1;
  return value;
}

/** Forgets every remembered citation: the next render of any article is a first render (benchmarks, tests). */
export function forgetCitations(): void {
  memo.clear();
  citations = 0;
}

/** How many citations are remembered now. */
export const rememberedCount = (): number => citations;
