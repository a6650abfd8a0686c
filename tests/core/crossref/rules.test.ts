import { describe, expect, it } from 'vitest';
import { crossrefRules } from '#core/crossref/index';
import type { Article, IssueBundle, Person } from '#core/model/index';
import { richIssue, seedIssue } from './load.ts';

/** Replaces the first article of the rich fixture's issue (Petrović: people, affiliations, references). */
const withArticle = (bundle: IssueBundle, change: (a: Article) => Article): IssueBundle => ({ ...bundle, articles: [change(bundle.articles[0]!), ...bundle.articles.slice(1)] });
const withPerson = (bundle: IssueBundle, change: (p: Person) => Person): IssueBundle =>
  withArticle(bundle, (a) => ({ ...a, contributors: a.contributors.map((c, k) => (k === 0 && c.kind === 'person' ? change(c) : c)) }));

type Case = readonly [name: string, change: (b: IssueBundle) => IssueBundle, where: 'journal' | 'issue' | number, path: readonly (string | number)[]];

const CASES: readonly Case[] = [
  ['a journal title over 255 characters', (b) => ({ ...b, journal: { ...b.journal, title: 'T'.repeat(256) } }), 'journal', ['title']],
  ['a volume over 32 characters', (b) => ({ ...b, issue: { ...b.issue, volume: 'V'.repeat(33) } }), 'issue', ['volume']],
  ['an issue printed before 1400', (b) => ({ ...b, issue: { ...b.issue, published: { print: { year: 1399 } } } }), 'issue', ['published', 'print']],
  ['an article accepted after 2200', (b) => withArticle(b, (a) => ({ ...a, dates: { ...a.dates, accepted: { year: 2201 } } })), 0, ['dates', 'accepted']],
  ['a page label over 32 characters', (b) => withArticle(b, (a) => ({ ...a, pages: { first: '1'.repeat(33) } })), 0, ['pages', 'first']],
  ['an article DOI suffix over 200 characters', (b) => withArticle(b, (a) => ({ ...a, doi: `10.5555/${'x'.repeat(201)}` })), 0, ['doi']],
  ['a reference DOI suffix over 200 characters', (b) => withArticle(b, (a) => ({ ...a, references: [{ id: 'ref1', type: 'other', authors: [], editors: [], citation: ['x'], doi: `10.1/${'x'.repeat(201)}` }] })), 0, ['references', 0, 'doi']],
  ['a family name over 60 characters', (b) => withPerson(b, (p) => ({ ...p, surname: 'S'.repeat(61) })), 0, ['contributors', 0, 'family_name']],
  ['a given name starting with "?"', (b) => withPerson(b, (p) => ({ ...p, given_names: '?Jelena' })), 0, ['contributors', 0, 'given_name']],
  ['a given name with digits in two words', (b) => withPerson(b, (p) => ({ ...p, given_names: '2nd Jelena 3' })), 0, ['contributors', 0, 'given_name']],
  // U+1369 ETHIOPIC DIGIT ONE: a digit (Nd) for libxml2's Unicode tables, no longer one (No) in today's (found by the property test).
  ['a given name with an Ethiopic digit in a second word', (b) => withPerson(b, (p) => ({ ...p, given_names: '10th \u1369' })), 0, ['contributors', 0, 'given_name']],
  ['a suffix over 10 characters', (b) => withPerson(b, (p) => ({ ...p, suffix: 'the Younger' })), 0, ['contributors', 0, 'suffix']],
  ['an institution name over 1024 characters', (b) => withPerson(b, (p) => ({ ...p, affiliations: [{ name: 'I'.repeat(1025) }] })), 0, ['contributors', 0, 'affiliations', 0, 'name']],
  ['an issue with no DOI and no articles', (b) => ({ ...b, issue: { ...b.issue, doi: undefined }, articles: [] }), 'issue', []],
];

describe('crossrefRules', () => {
  it('finds nothing in the seed', () => {
    // Act
    const problems = crossrefRules(seedIssue());

    // Assess
    expect(problems).toEqual([]);
  });

  it('finds nothing in the rich fixture', () => {
    // Act
    const problems = crossrefRules(richIssue());

    // Assess
    expect(problems).toEqual([]);
  });

  it.each(CASES)('reports %s', (_name, change, where, path) => {
    // Prepare
    const bundle = change(richIssue());

    // Act
    const problems = crossrefRules(bundle);

    // Assess
    expect(problems).toEqual([expect.objectContaining({ where, path })]);
  });

  it.each([
    ['a name with digits in one word', '3ric'],
    ['a name ending in "?"', 'Ab?'],
    ['a name of 60 characters', 'N'.repeat(60)],
    ['a name in Cyrillic', 'Ольга'],
  ])('accepts %s, as the XSD does', (_name, given) => {
    // Prepare
    const bundle = withPerson(richIssue(), (p) => ({ ...p, given_names: given }));

    // Act
    const problems = crossrefRules(bundle).filter((p) => p.path.includes('given_name'));

    // Assess
    expect(problems).toEqual([]);
  });
});

describe('update notices (issue 11, item 4)', () => {
  it('needs the journal’s Crossmark policy DOI for a correction, a retraction or an expression of concern, not for a translation', () => {
    // Prepare
    const withoutPolicy = (bundle: ReturnType<typeof richIssue>) => ({ ...bundle, journal: { ...bundle.journal, crossref: { depositor: bundle.journal.crossref.depositor, registrant: bundle.journal.crossref.registrant } } });
    const bundle = withArticle(withoutPolicy(richIssue()), (a) => ({ ...a, relations: [{ type: 'translation-of', doi: '10.1234/x.1' }, { type: 'retraction-of', doi: '10.5555/x.2' }, { type: 'expression-of-concern-for', doi: '10.5555/x.3' }] }));

    // Act
    const problems = crossrefRules(bundle).filter((p) => p.where === 0 && p.path[0] === 'relations');

    // Assess
    expect(problems.map((p) => p.path)).toEqual([['relations', 1, 'type'], ['relations', 2, 'type']]);
    expect(problems[0]!.hint).toContain('crossref.crossmark_policy');
    expect(crossrefRules(richIssue()).filter((p) => p.path[0] === 'relations')).toEqual([]);
    expect(crossrefRules(seedIssue())).toEqual([]);
  });
});
