import { describe, expect, test } from 'vitest';
import { formatProblem, loadJournal, type JournalSources } from '#core/model/index';
import { nameKey, namesAgree } from '#core/model/orcids';
import { JOURNAL_YAML, ISSUE_YAML } from '#tests/helpers/journal-yaml';

const JOURNAL = JOURNAL_YAML;
const ISSUE = ISSUE_YAML;
const ORCID = '0000-0002-1825-0097';

const person = (given: string, family: string, orcid = ORCID, role = 'author'): string => `  - given_name: ${given}\n    family_name: ${family}\n    orcid: ${orcid}\n    role: ${role}\n`;
const article = (doi: string, ...people: string[]): string => `doi: 10.5555/${doi}\ntitle: A title\ncontributors:\n${people.join('')}`;

function load(issues: Record<string, Record<string, string>>): string[] {
  const sources: JournalSources = {
    id: 'test',
    journal: { path: 'test/journal.yaml', text: JOURNAL },
    issues: Object.entries(issues).map(([id, articles]) => ({
      id,
      issue: { path: `test/${id}/issue.yaml`, text: ISSUE },
      articles: Object.entries(articles).map(([name, text]) => ({ path: `test/${id}/${name}`, text })),
    })),
  };
  const result = loadJournal(sources);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('one ORCID iD, one person', () => {
  test('two people with one iD in one article: refused at the second', () => {
    // Act
    const found = load({ v1: { 'a1.yaml': article('a1', person('Ana', 'Jović'), person('Marko', 'Ilić')) } });
    // Assess
    expect(found).toEqual([
      `test/v1/a1.yaml:10:12: contributors[1].orcid: ORCID iD https://orcid.org/${ORCID} is already given to Ana Jović (earlier in this file), not Marko Ilić (hint: an ORCID iD belongs to one person: look the iD up at https://orcid.org/${ORCID} and correct it; if it is the same person, write the name the same way in both places)`,
    ]);
  });

  test('two people with one iD in two issues of the journal: refused in the later file', () => {
    // Act
    const found = load({ v1: { 'a1.yaml': article('a1', person('Ana', 'Jović')) }, v2: { 'b1.yaml': article('b1', person('Ana', 'Petrović', `https://orcid.org/${ORCID}`)) } });
    // Assess
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('test/v2/b1.yaml:6:12: contributors[0].orcid: ORCID iD https://orcid.org/0000-0002-1825-0097 is already given to Ana Jović (in test/v1/a1.yaml), not Ana Petrović');
  });

  test.each([
    ['an initial for a given name', person('Ana', 'Jović'), person('A.', 'Jović')],
    ['another case and no diacritics', person('Ana', 'Jović'), person('ANA', 'Jovic')],
    ['Serbian Cyrillic and Latin', person('Ana', 'Jović'), person('Ана', 'Јовић')],
    ['two given names and their initials', person('Ana Marija', 'Jović'), person('A. M.', 'Jović')],
  ])('the same person in two articles passes: %s', (_what, a, b) => {
    expect(load({ v1: { 'a1.yaml': article('a1', a), 'a2.yaml': article('a2', b) } })).toEqual([]);
  });

  test('the same person twice in one role in one article is refused; as author and translator it passes', () => {
    // Act
    const twice = load({ v1: { 'a1.yaml': article('a1', person('Ana', 'Jović'), person('Ana', 'Jović')) } });
    const roles = load({ v1: { 'a1.yaml': article('a1', person('Ana', 'Jović'), person('Ana', 'Jović', ORCID, 'translator')) } });
    // Assess
    expect(twice).toEqual(['test/v1/a1.yaml:10:12: contributors[1].orcid: Ana Jović is listed twice as author with ORCID iD https://orcid.org/0000-0002-1825-0097 (hint: list each contributor once: delete one of the two entries)']);
    expect(roles).toEqual([]);
  });

  test('a contributor with another problem still has its iD checked', () => {
    // Act
    const found = load({ v1: { 'a1.yaml': article('a1', person('Ana', 'Jović'), person('Marko', 'Ilić', ORCID, 'reviewer')) } });
    // Assess
    expect(found.map((line) => line.split(': ')[1]).sort()).toEqual(['contributors[1].orcid', 'contributors[1].role']);
  });

  test('names compare without case, diacritics or script', () => {
    expect(nameKey('Đorđević, Jr.')).toBe('djordjevic jr');
    expect(nameKey('Ђорђевић')).toBe('djordjevic');
    expect(namesAgree({ surname: 'Jović', given_names: 'Ana', role: 'author' }, { surname: 'Jović', given_names: 'Anna', role: 'author' })).toBe(false);
  });
});
