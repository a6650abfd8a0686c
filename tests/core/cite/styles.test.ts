/**
 * Each offered style against references written by hand from its guide (styles.cases.yaml), and
 * what the page needs of the set: every style, in order, each with its guide's locale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLE_IDS, howToCite, howToCiteAll, type CitationStyle } from '#core/cite/index';
import type { InlineText } from '#core/model/index';
import { plainText } from '#core/model/index';
import { caseById } from './load.ts';
import { citeproc } from '#core/cite/engine';

type Deviation = { readonly guide: string; readonly csl: string; readonly why: string };
type StyleCase = { readonly article: string; readonly style: CitationStyle; readonly expected: string; readonly italic: readonly string[]; readonly deviations?: readonly Deviation[] };

const cases = parse(readFileSync(join(import.meta.dirname, 'styles.cases.yaml'), 'utf8')) as StyleCase[];

/** The text of every italic run, in order. */
const italics = (content: InlineText): string[] => content.flatMap((n) => (typeof n === 'string' ? [] : n.tag === 'i' ? [plainText(n.children)] : italics(n.children)));

describe.each(cases)('$style for $article', (c) => {
  it('matches the reference written from the guide, with only the listed deviations of the official style', () => {
    // Prepare: the guide's reference with each known deviation of the CSL style applied.
    let accepted = c.expected;
    for (const d of c.deviations ?? []) {
      expect(accepted.split(d.guide), `"${d.guide}" occurs once in the expected reference`).toHaveLength(2);
      accepted = accepted.replace(d.guide, d.csl);
    }
    const { bundle, article } = caseById(c.article);
    // Act
    const citation = howToCite(bundle, article, c.style, { engine: citeproc });
    // Assess
    expect(citation.text).toBe(accepted);
    expect(italics(citation.inline)).toEqual(c.italic);
  });
});

describe('the set of styles', () => {
  it('covers every offered style in the cases, for the seed', () => {
    expect(new Set(cases.filter((c) => c.article === 'edemskiy').map((c) => c.style))).toEqual(new Set(CITATION_STYLE_IDS));
  });

  it('renders every style from one item, in the offered order, each in its guide’s locale', () => {
    const { bundle, article } = caseById('edemskiy');
    const all = howToCiteAll(bundle, article, { engine: citeproc });
    expect(all.map((c) => c.style)).toEqual(['apa', 'chicago', 'mla', 'harvard', 'vancouver']);
    expect(all.map((c) => c.locale)).toEqual(['en-US', 'en-US', 'en-US', 'en-GB', 'en-US']);
    expect(all.map((c) => c.text)).toEqual(CITATION_STYLE_IDS.map((style) => howToCite(bundle, article, style, { engine: citeproc }).text));
  });

  it('takes another locale when asked: Harvard with American quotation marks', () => {
    const { bundle, article } = caseById('edemskiy');
    expect(howToCite(bundle, article, 'harvard', { locale: 'en-US', engine: citeproc }).text).toContain('(2019) “Additional Evidence');
  });
});
