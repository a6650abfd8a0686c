/**
 * Abstract paragraphs come out as the editor wrote them, in every YAML style: a blank line starts
 * a paragraph whether the text is `|`, `|-`, `>`, `>-`, plain or quoted (YAML folds all but `|`,
 * turning the blank line into a single line break), in the JATS, the Crossref deposit and the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { formatProblem, loadJournal, plainText } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';
import { validateXml } from '#tests/helpers/xsd';
import { citeproc } from '#core/cite/engine';

const seed = join(repoDir, 'metadata/balcanica');
const ONE = 'Disagreement between Khrushchev and Enver Hoxha had been ripening since the mid-1950s.';
const TWO = 'Many relevant Soviet documents are not yet declassified.';

/** The abstract as written in each style: two paragraphs, the first wrapped over two lines. */
const STYLES: readonly [string, string][] = [
  ['| literal', `  en: |\n    Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n    ${TWO}\n`],
  ['|- literal, stripped', `  en: |-\n    Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n    ${TWO}\n`],
  ['> folded', `  en: >\n    Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n    ${TWO}\n`],
  ['>- folded, stripped (the seed\'s style)', `  en: >-\n    Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n    ${TWO}\n`],
  ['plain', `  en: Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n    ${TWO}\n`],
  ['double-quoted', `  en: "Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n    ${TWO}"\n`],
  ['folded, two blank lines', `  en: >-\n    Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n\n\n    ${TWO}\n`],
];

function load(abstract: string) {
  const text = readFileSync(join(seed, 'L-2019/edemskiy.yaml'), 'utf8').replace(/^abstract:\n(?: {2}.*\n)+/m, `abstract:\n${abstract}`);
  const result = loadJournal({
    id: 'balcanica',
    journal: { path: 'journal.yaml', text: readFileSync(join(seed, 'journal.yaml'), 'utf8') },
    issues: [{ id: 'L-2019', issue: { path: 'issue.yaml', text: readFileSync(join(seed, 'L-2019/issue.yaml'), 'utf8') }, articles: [{ path: 'edemskiy.yaml', text }] }],
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.bundles[0]!;
}

describe('abstract paragraphs in every YAML style', () => {
  test.each(STYLES)('%s: two paragraphs in the model, the JATS, the deposit and the page', (_style, abstract) => {
    // Act
    const bundle = load(abstract);
    const article = bundle.articles[0]!;
    const jats = renderJats(bundle, article);
    const crossref = renderCrossrefDeposit(bundle, { batchId: 'paragraphs', timestamp: '20240101000000000' });
    const html = renderLandingPage(bundle, article, { engine: citeproc });
    // Assess
    expect(article.abstracts[0]!.paragraphs.map(plainText)).toEqual([ONE, TWO]);
    expect(jats).toContain(`<p>${ONE}</p>`);
    expect(jats).toContain(`<p>${TWO}</p>`);
    expect(crossref).toContain(`<jats:p>${ONE}</jats:p>`);
    expect(crossref).toContain(`<jats:p>${TWO}</jats:p>`);
    expect(html).toContain(`<p>${ONE}</p>`);
    expect(html).toContain(`<p>${TWO}</p>`);
    expect(validateXml('jats', jats).errors).toEqual([]);
    expect(validateXml('crossref', crossref).errors).toEqual([]);
  });

  test('one paragraph wrapped over many lines stays one paragraph in every style', () => {
    for (const style of ['|', '>-', '>']) {
      const bundle = load(`  en: ${style}\n    Disagreement between Khrushchev and Enver Hoxha had been\n    ripening since the mid-1950s.\n`);
      expect(bundle.articles[0]!.abstracts[0]!.paragraphs.map(plainText)).toEqual([ONE]);
    }
  });
});
