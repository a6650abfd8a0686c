/**
 * The JATS4R errors the re-rendered corpus may still have, each because the source record lacks
 * the data the rule asks for (Colophon writes what the source says, and invents nothing). Any
 * other error fails the corpus test.
 */
import type { Jats4rFinding } from '#tests/helpers/jats4r';

export const JATS4R_SOURCE_GAPS = {
  'no licence': {
    test: /^permissions$/,
    why: 'the source states no licence (and no free-to-read), so there is nothing to put in <permissions>',
  },
  'no copyright holder': {
    test: /^\(copyright-statement\|copyright-year\) and not\(copyright-holder\)$/,
    why: 'the source gives a copyright year but no holder; the year is kept, no holder is invented',
  },
  'preprint without its parts': {
    test: /^(person-group|article-title|year or date\[@date-type='published'\]|source|ext-link or pub-id)$/,
    why: 'a reference typed preprint whose source tags no authors, title, year, server or link: the rule asks for each',
  },
  'dataset without a title or source': {
    test: /^@publication-type='data' and \(not\(source\) and not\(data-title\)\)$/,
    why: 'a reference typed dataset whose source tags neither its title nor its repository',
  },
  'abbreviated last page': {
    test: /^not\(page-range\) and lpage and/,
    why: 'the source prints and tags the last page abbreviated (123–30) or below the first: the printed text is kept as printed',
  },
} as const;

/** The source gap that explains a JATS4R error, or undefined when none does. */
export function sourceGap(finding: Jats4rFinding): keyof typeof JATS4R_SOURCE_GAPS | undefined {
  const test = finding.test.replace(/\s+/g, ' ').trim();
  for (const [gap, { test: re }] of Object.entries(JATS4R_SOURCE_GAPS)) {
    if (re.test(test)) return gap as keyof typeof JATS4R_SOURCE_GAPS;
  }
  return undefined;
}
