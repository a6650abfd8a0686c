import { describe, expect, test } from 'vitest';
import { formatProblem, loadJournal } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { quoteText, trapOn } from '#core/model/yaml-traps';

const JOURNAL = 'title: T\nissn:\n  electronic: 2049-3630\npublisher:\n  name: P\ndoi_prefix: "10.5555"\nbase_url: https://j.example.org\nlanguages: [en]\ncrossref:\n  depositor:\n    name: O\n    email: o@example.org\n  registrant: P\n';
const ISSUE = 'volume: 1\nyear: 2024\npublished:\n  online: 2024-05-01\n';

function problems(article: string): string[] {
  const result = loadJournal({ id: 'j', journal: { path: 'j/journal.yaml', text: JOURNAL }, issues: [{ id: 'v1', issue: { path: 'j/v1/issue.yaml', text: ISSUE }, articles: [{ path: 'j/v1/a.yaml', text: article }] }] });
  return result.ok ? [] : result.problems.map(formatProblem).sort();
}

describe('YAML traps in plain text', () => {
  test('each trap is one problem with the line in quotes; the file is read on and its other problems are found', () => {
    // Prepare
    const article = [
      'doi: 10.5555/a1',
      'title: The Balkans: A Short History',
      'contributors:',
      '  - family_name: Jović',
      '    orcid: 0000-0002-1825-0098',
      'references:',
      '  - Jelavich, B. History of the Balkans. Cambridge: CUP, 1983.',
      '  - citation: Hoxha, E. Hrushovianët. Tiranë: 8 Nëntori, 1980.',
      '',
    ].join('\n');
    // Act
    const found = problems(article);
    // Assess
    expect(found).toEqual([
      'j/v1/a.yaml:2:8: title: YAML reads the ": " in this text as the start of another field (hint: put the text in quotes: title: "The Balkans: A Short History")',
      'j/v1/a.yaml:5:12: contributors[0].orcid: "0000-0002-1825-0098" is not a valid ORCID iD: expected NNNN-NNNN-NNNN-NNNC with a correct checksum',
      'j/v1/a.yaml:7:5: references[0]: YAML reads this text as a field named "Jelavich, B. History of the Balkans. Cambridge" because of the ": " in it (hint: put the text in quotes: - "Jelavich, B. History of the Balkans. Cambridge: CUP, 1983.")',
      'j/v1/a.yaml:8:15: references[1].citation: YAML reads the ": " in this text as the start of another field (hint: put the text in quotes: - citation: "Hoxha, E. Hrushovianët. Tiranë: 8 Nëntori, 1980.")',
    ]);
  });

  test.each([
    ['title: The Balkans: A Short History', 'The Balkans: A Short History'],
    ['title: Issue #3 of the year # a real comment', 'Issue #3 of the year'],
    ['title: &amp; Co', '&amp; Co'],
    ['title: !Important note', '!Important note'],
    ['title: @home', '@home'],
    ['title: %done', '%done'],
    ['title: `code` and text', '`code` and text'],
    ["title: 'Balkan' Studies: \"a\\b\"", '\'Balkan\' Studies: "a\\b"'],
    ['title: {Draft} notes', '{Draft} notes'],
  ])('%s reads back, once quoted, exactly as written', (line, text) => {
    // Act
    const parsed = parseYaml({ path: 'f.yaml', text: `${line}\n` });
    // Assess
    expect(parsed.ok && parsed.value).toEqual({ title: text });
    expect(parsed.ok && parsed.traps).toHaveLength(1);
  });

  test.each([
    'title: plain text',
    'title: "quoted: text"',
    "title: 'quoted # text'",
    'title: C# and F# # comment',
    'abstract: >-\n  text with: colon and #3',
    'languages: [en, fr]',
    'sr-Latn: Naslov',
  ])('%s is no trap', (text) => {
    // Act
    const parsed = parseYaml({ path: 'f.yaml', text: `${text}\n` });
    // Assess
    expect(parsed.ok && parsed.traps).toEqual([]);
  });

  test('quotes are chosen so that the text reads back unchanged', () => {
    expect(quoteText('a: b')).toBe('"a: b"');
    expect(quoteText('say "hi": now')).toBe(`'say "hi": now'`);
    expect(quoteText(`it's "x"`)).toBe(`'it''s "x"'`);
    expect(trapOn('  - citation: A: B # note')?.fixed).toBe('  - citation: "A: B" # note');
  });
});
