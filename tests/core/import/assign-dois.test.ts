import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { issueFiles } from '#core/import/files';
import { DoiAssignmentError, assignDois, importMetadata, parseDoiTemplate, type DoiTemplate, type ImportResult } from '#core/import/index';
import { loadProblems } from './load.ts';
import { ojsArticle, ojsIssue } from './ojs-xml.ts';

const issue = (articles: string): string => ojsIssue(articles);
const article = (title: string, ids: string, pages = '1-10'): string => ojsArticle(title, ids, pages);

const template = (text: string): DoiTemplate => {
  const parsed = parseDoiTemplate(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.template;
};

/** Imports an OJS issue, keeping its articles without a DOI, and assigns theirs from `text`. */
const assign = (xml: string, text: string) => {
  const imported = importMetadata('ojs-native', xml, { keepWithoutDoi: true });
  if (!imported.ok) throw new Error(imported.error);
  return assignDois(imported.results, template(text), { journal: 'sbt' });
};
const results = (outcome: ReturnType<typeof assign>): ImportResult[] => {
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.results;
};

describe('assigning DOIs from a template', () => {
  it('gives an article without a DOI the template\'s, and never replaces the source\'s', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="internal">11</id><id type="doi">10.5555/sbt.v1i2.1</id>') + article('Maps', '<id type="internal">12</id>', '11-20'));

    // Act
    const [result] = results(assign(xml, '10.5555/{journal}.{year}.{volume}.{issue}.{first_page}.{seq}.{id}'));

    // Assess
    expect(result!.articles.map((a) => a.doi)).toEqual(['10.5555/sbt.v1i2.1', '10.5555/sbt.2020.1.2.11.2.12']);
    expect(result!.assigned).toEqual([{ index: 1, doi: '10.5555/sbt.2020.1.2.11.2.12', template: '10.5555/{journal}.{year}.{volume}.{issue}.{first_page}.{seq}.{id}', label: 'Maps' }]);
    expect(result!.withoutDoi).toBeUndefined();
    expect(loadProblems(result!)).toEqual([]);
  });

  it('marks an assigned DOI in the article file, and the source\'s not', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="doi">10.5555/sbt.v1i2.1</id>') + article('Maps', ''));

    // Act
    const files = issueFiles(results(assign(xml, '10.5555/sbt.v{volume}i{issue}.{seq}'))[0]!, 'issue.xml');

    // Assess
    expect(files.articles[0]!.text).toMatch(/^doi: 10\.5555\/sbt\.v1i2\.1$/m);
    expect(files.articles[1]!.text).toMatch(/^doi: 10\.5555\/sbt\.v1i2\.2 # ASSIGNED by colophon import from the template 10\.5555\/sbt\.v\{volume\}i\{issue\}\.\{seq\}: the source has no DOI$/m);
    expect((parse(files.articles[1]!.text) as { doi: string }).doi).toBe('10.5555/sbt.v1i2.2');
  });

  it('takes the journal\'s DOI prefix from the template when the source has no DOI at all', () => {
    // Prepare
    const xml = issue(article('Borders', '') + article('Maps', ''));

    // Act
    const [result] = results(assign(xml, '10.1234/sbt.{seq}'));

    // Assess
    expect(result!.journal?.doi_prefix).toBe('10.1234');
    expect(result!.placeholders.filter((p) => p.startsWith('journal.yaml doi_prefix'))).toEqual(['journal.yaml doi_prefix: "10.1234" from the DOI template 10.1234/sbt.{seq} (no DOI in the source); check it is the journal\'s Crossref prefix']);
    expect(issueFiles(result!, 'issue.xml').journal.text).toContain('doi_prefix: "10.1234" # CHECK: the prefix of the DOI template given to colophon import, not in the source');
    expect(loadProblems(result!)).toEqual([]);
  });

  it('refuses a template that gives two articles one DOI, naming them and suggesting {seq}', () => {
    // Prepare
    const xml = issue(article('Borders', '') + article('Maps', ''));

    // Act
    const outcome = assign(xml, '10.5555/sbt.{volume}.{issue}');

    // Assess
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      'the template gives 10.5555/sbt.1.2 to 2 articles: "Borders" (issue 1-2, article 1), "Maps" (issue 1-2, article 2); add {seq} (the article\'s position in its issue) so that each article\'s DOI differs',
    ]);
  });

  it('refuses a template that gives an article a DOI the source gives another', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="doi">10.5555/sbt.2</id>') + article('Maps', ''));

    // Act
    const outcome = assign(xml, '10.5555/sbt.{seq}');

    // Assess
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      'the template gives 10.5555/sbt.2 to "Maps" (issue 1-2, article 2), but it is already the source\'s DOI of article 1 (issue 1-2); change the template\'s fixed text so that no assigned DOI can equal one of the source\'s',
    ]);
  });

  it('refuses a template whose prefix is not the one of the source\'s DOIs', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="doi">10.5555/sbt.v1i2.1</id>') + article('Maps', ''));

    // Act
    const outcome = assign(xml, '10.1234/sbt.{seq}');

    // Assess
    expect(outcome.ok ? [] : outcome.problems).toEqual(['the source\'s DOIs use the prefix 10.5555 and the template 10.1234: a journal has one DOI prefix (doi_prefix), so use 10.5555 in the template']);
  });

  it('leaves an import whose articles all have DOIs as it is', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="doi">10.5555/sbt.v1i2.1</id>'));

    // Act
    const [result] = results(assign(xml, '10.1234/other.{seq}'));

    // Assess
    expect(result!.articles[0]!.doi).toBe('10.5555/sbt.v1i2.1');
    expect(result!.journal?.doi_prefix).toBe('10.5555');
    expect(result!.assigned).toBeUndefined();
  });

  it('skips an article without a DOI unless asked to keep it, with a hint naming --assign-dois', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="doi">10.5555/sbt.v1i2.1</id>') + article('Maps', ''));

    // Act
    const outcome = importMetadata('ojs-native', xml);

    // Assess
    expect(outcome.ok && outcome.results[0]!.articles.map((a) => a.doi)).toEqual(['10.5555/sbt.v1i2.1']);
    expect(outcome.ok && outcome.results[0]!.unmapped).toContain('article skipped: "Maps" has no DOI: the model requires one (assign DOIs in OJS before exporting, import with --assign-dois <template>, or add them by hand)');
  });

  it('does not replace a DOI the source has but the model cannot take', () => {
    // Prepare
    const xml = issue(article('Borders', '<id type="doi">not-a-doi</id>') + article('Maps', ''));

    // Act
    const [result] = results(assign(xml, '10.5555/sbt.{seq}'));

    // Assess
    expect(result!.articles.map((a) => a.doi)).toEqual(['10.5555/sbt.1']);
    expect(result!.unmapped.some((u) => u.includes('"Borders" has a DOI the model cannot take (not-a-doi)'))).toBe(true);
  });

  it('keeps a JATS article without a DOI, with its publisher-id as {id}', () => {
    // Prepare
    const jats = `<article><front><journal-meta><journal-title-group><journal-title>Studia</journal-title></journal-title-group><issn pub-type="epub">2406-0801</issn></journal-meta>
      <article-meta><article-id pub-id-type="publisher-id">ST-0042</article-id><title-group><article-title>Borders</article-title></title-group>
      <pub-date pub-type="epub"><year>2021</year></pub-date><volume>3</volume><issue>1</issue></article-meta></front></article>`;
    const imported = importMetadata('jats', jats, { keepWithoutDoi: true });
    if (!imported.ok) throw new Error(imported.error);

    // Act
    const outcome = assignDois(imported.results, template('10.5555/st.{id}'), { journal: 'studia' });

    // Assess
    expect(outcome.ok && outcome.results[0]!.articles[0]!.doi).toBe('10.5555/st.st-0042');
  });

  it('refuses the assignment when an article lacks a token\'s value, naming the article and the token', () => {
    // Prepare
    const xml = ojsIssue(article('Borders', '<id type="doi">10.5555/sbt.x</id>') + article('Maps', ''), { number: '2' });

    // Act
    const outcome = assign(xml, '10.5555/sbt.{volume}.{issue}.{seq}');

    // Assess
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      '"Maps" (issue 2-2020, article 2): no {volume} in the source, so the template gives it no DOI (leaving a token out would make DOIs ambiguous); use a template without {volume}',
    ]);
  });

  it('says a value without Latin letters or digits is unusable, not missing', () => {
    // Prepare
    const xml = ojsIssue(article('Maps', ''), { volume: 'Том', number: '2' });

    // Act
    const outcome = assign(xml, '10.5555/sbt.{volume}.{issue}.{seq}');

    // Assess
    expect(outcome.ok ? '' : outcome.problems.join('\n')).toContain('"Maps" (issue 2, article 1): {volume} "Том" has no Latin letters or digits, so the template gives it no DOI');
  });

  it('refuses a DOI the journal folder already has, naming the file', () => {
    // Prepare
    const xml = issue(article('Maps', ''));
    const imported = importMetadata('ojs-native', xml, { keepWithoutDoi: true });
    if (!imported.ok) throw new Error(imported.error);

    // Act
    const outcome = assignDois(imported.results, template('10.5555/sbt.{seq}'), { journal: 'sbt', taken: [{ doi: '10.5555/SBT.1', file: 'metadata/sbt/1-1/hoxha.yaml' }] });

    // Assess
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      'the template gives 10.5555/sbt.1 to "Maps" (issue 1-2, article 1), but it is already the DOI in metadata/sbt/1-1/hoxha.yaml; add {volume} and {issue} (or {year}) so that articles of different issues differ',
    ]);
  });

  it('counts the source\'s issue DOI as taken', () => {
    // Prepare
    const result: ImportResult = {
      issue: { volume: '1', year: 2020, doi: '10.5555/sbt.1', published: { online: '2020' } },
      articles: [{ doi: '', title: 'Maps' }],
      unmapped: [],
      placeholders: [],
      withoutDoi: [{ index: 0, label: 'Maps' }],
    };

    // Act
    const outcome = assignDois([result], template('10.5555/sbt.{seq}'), { journal: 'sbt' });

    // Assess
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      'the template gives 10.5555/sbt.1 to "Maps" (issue 1, article 1), but it is already the source\'s DOI of issue 1; change the template\'s fixed text so that no assigned DOI can equal one of the source\'s',
    ]);
  });

  it('throws a bug error rather than replace a DOI an article has', () => {
    // Prepare: withoutDoi points at the article that has a DOI (a caller's bug)
    const result: ImportResult = {
      issue: { volume: '1', year: 2020, published: { online: '2020' } },
      articles: [{ doi: '10.5555/sbt.old', title: 'Borders' }],
      unmapped: [],
      placeholders: [],
      withoutDoi: [{ index: 0, label: 'Borders' }],
    };

    // Act
    const act = () => assignDois([result], template('10.5555/sbt.{volume}.{seq}'), { journal: 'sbt' });

    // Assess
    expect(act).toThrow(DoiAssignmentError);
    expect(act).toThrow(/would replace article 1's DOI 10\.5555\/sbt\.old with 10\.5555\/sbt\.1\.1/);
  });
});
