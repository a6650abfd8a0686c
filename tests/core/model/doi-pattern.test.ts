/**
 * journal.yaml `doi_pattern` (issue 11, item 7): a new article without a DOI gets one from the
 * journal's pattern, with the import's tokens plus {yy}, {volume_arabic}, {first_page:3} and
 * {initial}; a DOI that collides with another is refused with the file named. On main, an article
 * without `doi` was refused ("is required") and journal.yaml had no doi_pattern.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandDoiTemplate, parseDoiTemplate } from '#core/import/doi-template';
import { formatProblem, loadJournal, type JournalSources, type LoadResult } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';
import { ISSUE_YAML, JOURNAL_YAML } from '#tests/helpers/journal-yaml';

const BALCANICA = join(repoDir, 'metadata/balcanica');
const BALCANICA_PATTERN = '10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial}';
const read = (path: string): string => readFileSync(join(BALCANICA, path), 'utf8');

/** Balcanica's journal and issue L as in the repository, with its seed article given by `article`. */
function balcanica(journalYaml: string, article: string, more: { path: string; text: string }[] = []): JournalSources {
  return {
    id: 'balcanica',
    journal: { path: 'balcanica/journal.yaml', text: journalYaml },
    issues: [{ id: 'L-2019', issue: { path: 'balcanica/L-2019/issue.yaml', text: read('L-2019/issue.yaml') }, articles: [{ path: 'balcanica/L-2019/edemskiy.yaml', text: article }, ...more] }],
  };
}

const withoutDoi = (yaml: string): string => yaml.replace(/^doi: .*\n/m, '');
const withPattern = (yaml: string, pattern: string): string => yaml.replace(/^doi_prefix: .*\n/m, (line) => `${line}doi_pattern: "${pattern}"\n`);
const problems = (result: LoadResult): string[] => (result.ok ? [] : result.problems.map(formatProblem));

describe('doi_pattern', () => {
  it("gives Balcanica's seed its DOI 10.2298/BALC1950375E from the seed's own data (year 2019, volume L, page 375, Edemskiy)", () => {
    // Prepare: the seed article without its doi line; journal.yaml as in the repository (it declares the pattern).
    const seed = read('L-2019/edemskiy.yaml');
    expect(seed).toContain('doi: 10.2298/BALC1950375E');

    // Act
    const result = loadJournal(balcanica(read('journal.yaml'), withoutDoi(seed)));

    // Assess
    expect(problems(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.bundles[0]!.articles[0]!.doi).toBe('10.2298/BALC1950375E');
    expect(result.assigned).toEqual([{ file: 'balcanica/L-2019/edemskiy.yaml', issue: 'L-2019', article: 'edemskiy', doi: '10.2298/BALC1950375E', pattern: BALCANICA_PATTERN }]);
  });

  it('leaves an article with its own DOI alone, and lists nothing as assigned', () => {
    const result = loadJournal(balcanica(read('journal.yaml'), read('L-2019/edemskiy.yaml')));
    expect(result.ok && result.assigned).toBeUndefined();
  });

  it('pads the first page and refuses a page that does not fit the width', () => {
    const t = parseDoiTemplate(BALCANICA_PATTERN);
    if (!t.ok) throw new Error(t.problem);
    expect(expandDoiTemplate(t.template, { yy: '11', volume_arabic: 42, first_page: '7', initial: 'Stojanović' })).toEqual({ ok: true, doi: '10.2298/BALC1142007S' });
    expect(expandDoiTemplate(t.template, { yy: '11', volume_arabic: 42, first_page: '1007', initial: 'Đurić' })).toMatchObject({ ok: false, unusable: [{ token: 'first_page', reason: 'has more than 3 digits, the width of {first_page:3}' }] });
  });

  it('refuses a DOI the pattern would give that another article already has, naming both files', () => {
    // Prepare: a second article on the same first page by an author with the same initial.
    const twin = withoutDoi(read('L-2019/edemskiy.yaml')).replace('family_name: Edemskiy', 'family_name: Eliade').replace('title: Additional', 'title: Other');

    // Act
    const result = loadJournal(balcanica(read('journal.yaml'), read('L-2019/edemskiy.yaml'), [{ path: 'balcanica/L-2019/eliade.yaml', text: twin }]));

    // Assess
    expect(problems(result)).toEqual([
      "balcanica/L-2019/eliade.yaml:2:1: journal.yaml's doi_pattern gives this article the DOI 10.2298/BALC1950375E, which balcanica/L-2019/edemskiy.yaml already has: the pattern cannot tell them apart (hint: give this article its DOI by hand (doi: …), or change doi_pattern in journal.yaml)",
    ]);
  });

  it('refuses two new articles the pattern gives one DOI', () => {
    const seed = withoutDoi(read('L-2019/edemskiy.yaml'));
    const twin = seed.replace('family_name: Edemskiy', 'family_name: Eliade');
    const result = loadJournal(balcanica(read('journal.yaml'), seed, [{ path: 'balcanica/L-2019/eliade.yaml', text: twin }]));
    expect(problems(result)).toEqual([expect.stringMatching(/^balcanica\/L-2019\/eliade\.yaml:2:1: .*gives this article the DOI 10\.2298\/BALC1950375E, which balcanica\/L-2019\/edemskiy\.yaml already has/)]);
  });

  it('says what an article lacks for the pattern', () => {
    const anonymous = withoutDoi(read('L-2019/edemskiy.yaml')).replace(/^contributors:\n(?: {2}.*\n)+/m, '');
    const result = loadJournal(balcanica(read('journal.yaml'), anonymous));
    expect(problems(result)).toEqual([expect.stringContaining("balcanica/L-2019/edemskiy.yaml:2:1: no DOI: journal.yaml's doi_pattern 10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial} cannot give this article one: it has no author for {initial}")]);
  });

  it('asks for a DOI or a pattern when the journal has none', () => {
    const result = loadJournal(balcanica(read('journal.yaml').replace(/^doi_pattern: .*\n/m, ''), withoutDoi(read('L-2019/edemskiy.yaml'))));
    expect(problems(result)).toEqual([expect.stringMatching(/^balcanica\/L-2019\/edemskiy\.yaml:2:1: doi: is required \(hint: give the article's DOI \(under 10\.2298\), or add doi_pattern to journal\.yaml/)]);
  });

  it.each([
    ['10.5555/x{volume}{issue}', /\{volume\}\{issue\} side by side make DOIs ambiguous/],
    ['10.5555/x{first_page:0}', /the width after ":" is a digit from 1 to 9/],
    ['10.5555/x{surname}', /unknown token \{surname\}/],
    ['10.2298/BALC{yy}{volume_arabic}', /doi_pattern starts with 10\.2298, but the journal's doi_prefix is 10\.5555/],
  ])('refuses the pattern %s in journal.yaml, with its line', (pattern, message) => {
    const sources: JournalSources = { id: 't', journal: { path: 't/journal.yaml', text: withPattern(JOURNAL_YAML, pattern) }, issues: [{ id: '1', issue: { path: 't/1/issue.yaml', text: ISSUE_YAML }, articles: [] }] };
    const found = problems(loadJournal(sources));
    expect(found).toEqual([expect.stringMatching(/^t\/journal\.yaml:7:\d+: doi_pattern: /)]);
    expect(found[0]).toMatch(message);
  });

  it('accepts tokens side by side when at most one varies in width', () => {
    expect(parseDoiTemplate(BALCANICA_PATTERN).ok).toBe(true);
    expect(parseDoiTemplate('10.5555/x{volume}{yy}{issue}').ok).toBe(false);
  });
});
