/**
 * Limits in the model (issue 12, Medium 5): what `validate` accepts the records store and the
 * renderers accept. On main a 600 KB abstract loaded (and Ingest failed five times on DynamoDB's
 * 400 KB item limit), and a title nested `<i><b>` 5,000 times overflowed the stack after upload.
 */
import { describe, expect, test } from 'vitest';
import { formatProblem, loadJournal, MODEL_LIMITS, recordBytes, type LoadResult } from '#core/model/index';
import { renderIssueOutputs } from '#core/publish/outputs';
import { ARTICLE_YAML as ARTICLE, articleSources, withAbstract } from '#tests/helpers/article-sources';
import { citeproc } from '#core/cite/engine';

const messages = (result: LoadResult): string[] => (result.ok ? [] : result.problems.map(formatProblem));

describe('the record size limit', () => {
  test('refuses a 600 KB abstract, naming the file, the field and its line', () => {
    // Act
    const result = loadJournal(articleSources(withAbstract(600 * 1024)));
    // Assess
    expect(result.ok).toBe(false);
    expect(messages(result)).toEqual([expect.stringMatching(/^test\/v1\/a1\.yaml:7:3: abstract: the article is 6\d\d KB of metadata; the records store takes at most 352 KB per article \(hint: shorten the largest field/)]);
  });

  test('accepts an article just under the limit and refuses one just over it', () => {
    // Prepare: the record's size without the abstract text, then the largest abstract that fits.
    const base = loadJournal(articleSources(withAbstract(1)));
    if (!base.ok) throw new Error('the base article loads');
    const { journal, issue, articles } = base.bundles[0]!;
    const room = MODEL_LIMITS.recordBytes - recordBytes(journal, issue, articles[0]!) + 1;
    // Act
    const fits = loadJournal(articleSources(withAbstract(room)));
    const over = loadJournal(articleSources(withAbstract(room + 1)));
    // Assess
    expect(messages(fits)).toEqual([]);
    if (fits.ok) expect(recordBytes(fits.bundles[0]!.journal, fits.bundles[0]!.issue, fits.bundles[0]!.articles[0]!)).toBe(MODEL_LIMITS.recordBytes);
    expect(messages(over)).toHaveLength(1);
  });
});

describe('the inline markup depth limit', () => {
  const nested = (depth: number): string => `${'<i><b>'.repeat(depth / 2)}x${'</b></i>'.repeat(depth / 2)}`;

  test('refuses a title nested <i><b> 5,000 times, naming the file, field and line, without overflowing', () => {
    // Act
    const result = loadJournal(articleSources(ARTICLE.replace('title: A title', `title: "${nested(10_000)}"`)));
    // Assess
    expect(messages(result)).toEqual([`test/v1/a1.yaml:2:8: title: markup nested more than ${MODEL_LIMITS.inlineDepth} tags deep: close some tags (<i><b>…</b></i> is two deep) (at character ${6 * (MODEL_LIMITS.inlineDepth / 2) + 1})`]);
  });

  test('accepts markup exactly at the limit, and renders it', () => {
    // Act
    const result = loadJournal(articleSources(ARTICLE.replace('title: A title', `title: "${nested(MODEL_LIMITS.inlineDepth)}"`)));
    // Assess
    expect(messages(result)).toEqual([]);
    if (result.ok) expect(() => renderIssueOutputs(result.bundles[0]!, { timestamp: '20250101000000000', batchId: 'limits-test' }, { engine: citeproc })).not.toThrow();
  });
});

describe('DOIs nested in another DOI\'s folder (issue 12, Low)', () => {
  test('refuses 10.5555/a1/citation.bib beside 10.5555/a1, naming the file, field and line', () => {
    // Prepare
    const sources = articleSources(ARTICLE);
    const second = { path: 'test/v1/a2.yaml', text: ARTICLE.replace('doi: 10.5555/a1', 'doi: 10.5555/a1/citation.bib') };
    const third = { path: 'test/v1/a3.yaml', text: ARTICLE.replace('doi: 10.5555/a1', 'doi: 10.5555/a1-2') };
    // Act
    const result = loadJournal({ ...sources, issues: [{ ...sources.issues[0]!, articles: [...sources.issues[0]!.articles, second, third] }] });
    // Assess
    expect(messages(result)).toEqual([
      'test/v1/a2.yaml:1:6: doi: DOI 10.5555/a1/citation.bib begins with the DOI 10.5555/a1 (test/v1/a1.yaml) and a "/": its pages would sit inside that article\'s folder (hint: a DOI may not be another DOI followed by "/…": choose a suffix that does not start with the other one)',
    ]);
  });
});
