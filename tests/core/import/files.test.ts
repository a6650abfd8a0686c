import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ArticleInput, IssueInput, JournalInput } from '#core/model/index';
import { articleNames, issueFiles, issueFolder, mergeResults, slugify } from '#core/import/files';
import type { ImportResult } from '#core/import/index';

const article = (doi: string, contributor: NonNullable<ArticleInput['contributors']>[number]): ArticleInput => ({ doi, title: 'T', contributors: [contributor] });

describe('import files', () => {
  it.each([
    ['Petrović', 'petrovic'],
    ['van der Meulen', 'van-der-meulen'],
    ['Иванова', ''],
    ['Åström', 'astrom'],
  ])('slug of %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('names one article after its first contributor, several with a running number, Cyrillic names after the DOI', () => {
    // Prepare
    const one = [article('10.2298/BALC1950375E', { family_name: 'Edemskiy' })];
    const several = [article('10.5555/a', { family_name: 'Hoxha' }), article('10.5555/b', { family_name: 'Иванова' }), article('10.5555/c', { organization: 'Balkan Archives' })];

    // Act & Assess
    expect(articleNames(one)).toEqual(['edemskiy.yaml']);
    expect(articleNames(several)).toEqual(['a01-hoxha.yaml', 'a02-b.yaml', 'a03-balkan-archives.yaml']);
  });

  it.each([
    [{ volume: 'L', year: 2019, published: { print: '2019' } }, 'l'],
    [{ volume: '284', number: '1855', year: 2017, published: { print: '2017' } }, '284-1855'],
    [{ number: '27', year: 2016, published: { online: '2016' } }, '27-2016'],
    [{ published: {} }, 'issue'],
    [{ number: '3', published: {} }, '3'],
  ])('issue folder of %j', (issue, folder) => {
    // An importer leaves out the year a source lacks, though the model requires one.
    expect(issueFolder(issue as IssueInput)).toBe(folder);
  });

  it('writes YAML that reads back to the result, placeholders marked in journal.yaml', () => {
    // Prepare
    const result: ImportResult = {
      journal: { title: 'J', issn: { electronic: '0000-0000' }, publisher: { name: 'P' }, doi_prefix: '10.5555', base_url: 'https://journal.example.invalid', languages: ['en'], crossref: { depositor: { name: 'D', email: 'd@example.org' }, registrant: 'P' } },
      issue: { volume: '1', year: 2024, published: { online: '2024-01-02' } },
      articles: [article('10.5555/a', { family_name: 'Hoxha', given_name: 'Arben' })],
      unmapped: [],
      placeholders: ['journal.yaml base_url: placeholder "https://journal.example.invalid" (x); replace it before publishing', 'journal.yaml crossref.registrant: the publisher\'s name "P" (y); check it'],
    };

    // Act
    const files = issueFiles(result, 'source.json');

    // Assess
    expect(files.folder).toBe('1');
    expect(parse(files.journal.text)).toEqual(result.journal);
    expect(parse(files.issue.text)).toEqual(result.issue);
    expect(parse(files.articles[0]!.text)).toEqual(result.articles[0]);
    expect(files.journal.text).toMatch(/^# Imported from source\.json by colophon import/);
    expect(files.journal.text).toContain('base_url: https://journal.example.invalid # PLACEHOLDER: not in the source; replace before publishing');
    expect(files.journal.text).toContain('registrant: P # CHECK: derived, not stated in the source');
  });

  it('shifts the indexes of articles without a DOI when it merges two files of one issue', () => {
    // Prepare: two JATS files of one issue, each with an article without a DOI
    const issue: IssueInput = { volume: '3', number: '1', year: 2021, published: { online: '2021' } };
    const file = (titles: readonly [string, string], without: number): ImportResult => ({
      journal: { title: 'Studia' } as JournalInput,
      issue,
      articles: titles.map((title, k) => ({ doi: k === without ? '' : `10.5555/st.${title.toLowerCase()}`, title })),
      unmapped: [],
      placeholders: [],
      withoutDoi: [{ index: without, label: titles[without]! }],
    });

    // Act
    const merged = mergeResults([file(['Borders', 'Maps'], 1), file(['Roads', 'Rivers'], 0)]);

    // Assess
    expect(merged).toHaveLength(1);
    expect(merged[0]!.withoutDoi).toEqual([
      { index: 1, label: 'Maps' },
      { index: 2, label: 'Roads' },
    ]);
    expect(merged[0]!.withoutDoi!.map((w) => merged[0]!.articles[w.index]!.title)).toEqual(['Maps', 'Roads']);
  });
});
