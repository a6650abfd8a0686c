import { describe, expect, it } from 'vitest';
import { renderArchivePage, renderNotFoundPage } from '#core/site/index';
import { loadBundles } from '../cite/load.ts';
import { all, first, one, parsePage, textOf } from '../landing/page.ts';

const [fixture] = loadBundles('tests/fixtures/metadata');
const [seed] = loadBundles('metadata');
const { journal, issue, articles } = fixture!;
const older = { ...issue, id: '2023-11-2', year: 2023, volume: '11', number: '2', title: undefined, doi: undefined };

describe('the journal home page', () => {
  // Act: the current issue with its articles (as the build and the site handler give it), an older one without.
  const page = parsePage(renderArchivePage(journal, [{ issue: older, articleCount: 7 }, { issue, articleCount: articles.length, articles }]));

  it('is a valid HTML5 document named for the journal, canonical at the journal\'s folder of the site', () => {
    expect(page.parseErrors).toEqual([]);
    expect(all(page, 'h1').map(textOf)).toEqual(['Studia Balcanica Testimonia']);
    expect(one(page, 'link[rel="canonical"]').properties['href']).toBe('https://journal.example.org/sbt/testjournal/');
    expect(textOf(one(page, 'main > p.meta'))).toBe('Institut für Balkanstudien & Partner \u00B7 ISSN 0317-8471 (print) \u00B7 ISSN 2049-3630 (online)');
    expect(first(page, 'nav.breadcrumb')).toBeUndefined();
  });

  it('shows the newest issue as the current one, with its contents', () => {
    const current = one(page, 'section#current-issue');
    expect(textOf(current)).toContain('Vol. 12, No. 3 (2024): Borders & Frontiers');
    expect(all(page, '#current-issue h3 a').map((a) => a.properties['href'])).toEqual(['../doi/10.5555/sbt.2024.001/', '../doi/10.5555/sbt.2024.e7/', '../doi/10.5555/sbt.2024.002/']);
  });

  it('lists every issue in the archive, newest first, with its article count', () => {
    expect(all(page, '#archive li').map(textOf)).toEqual(['Vol. 12, No. 3 (2024): Borders & Frontiers \u00B7 3 articles', 'Vol. 11, No. 2 (2023) \u00B7 7 articles']);
    expect(all(page, '#archive a').map((a) => a.properties['href'])).toEqual(['issues/2024-12-3/', 'issues/2023-11-2/']);
  });

  it('shows no contents when it is given only counts, and says when there is no issue', () => {
    const counts = parsePage(renderArchivePage(journal, [{ issue, articleCount: 3 }]));
    expect(all(counts, '#current-issue h3')).toEqual([]);
    const none = parsePage(renderArchivePage(journal, []));
    expect(first(none, '#current-issue')).toBeUndefined();
    expect(textOf(one(none, '#archive'))).toContain('No issues yet.');
  });
});

describe('the 404 page', () => {
  const page = parsePage(renderNotFoundPage(seed!.journal, seed!.issue));

  it('links home and to the current issue by absolute URL, since it is served at any path', () => {
    expect(all(page, 'main a').map((a) => a.properties['href'])).toEqual(['https://balcanica.rs/balcanica/', 'https://balcanica.rs/balcanica/issues/L-2019/']);
    expect(all(page, 'header.site a').map((a) => a.properties['href'])).toEqual(['https://balcanica.rs/balcanica/', 'https://balcanica.rs/balcanica/']);
  });

  it('asks not to be indexed and claims no canonical URL', () => {
    expect(one(page, 'meta[name="robots"]').properties['content']).toBe('noindex');
    expect(first(page, 'link[rel="canonical"]')).toBeUndefined();
    expect(textOf(one(page, 'h1'))).toBe('Page not found');
  });
});
