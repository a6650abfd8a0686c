import { describe, expect, it } from 'vitest';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { issueKey } from '#core/urls';
import { renderArchivePage, renderIssuePage, renderRobots, renderJournalSitemaps, renderSitemapIndex, sitemapEntries, SITEMAP_URL_LIMIT, cacheControlFor, CACHE_CONTROL } from '#core/site/index';
import { fixtureSources } from '../../integration/fixtures.ts';

const fixture = (): IssueBundle => {
  const loaded = loadJournal(fixtureSources()[0]!);
  if (!loaded.ok) throw new Error('fixture does not load');
  return loaded.bundles[0]!;
};

describe('renderIssuePage', () => {
  it('lists every article with relative links, authors, pages with an en dash, and no e-mail', () => {
    // Prepare
    const { journal, issue, articles } = fixture();

    // Act
    const html = renderIssuePage(journal, issue, articles);

    // Assess
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<link rel="canonical" href="https://journal.example.org/sbt/testjournal/issues/${issue.id}/">`);
    for (const a of articles) expect(html).toContain(`href="../../../doi/${a.doi}/"`);
    expect(html).toContain('<i>Acta Bosniaca</i>');
    expect(html).toMatch(/pp\. \w+–\w+/);
    expect(html).not.toContain('@example.org');
    expect(html).toContain('href="../../"');
  });

  it('groups articles under their sections in the order issue.yaml lists them', () => {
    // Prepare
    const { journal, issue, articles } = fixture();
    const sections = issue.sections ?? [];

    // Act
    const html = renderIssuePage(journal, issue, articles);

    // Assess
    const positions = sections.filter((s) => articles.some((a) => a.section?.id === s.id)).map((s) => html.indexOf(`>${s.title}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('renderArchivePage', () => {
  it('lists issues newest first with their article counts', () => {
    // Prepare
    const { journal, issue } = fixture();
    const older = { ...issue, id: '2019-1', year: 2019, volume: '1', number: undefined };

    // Act
    const html = renderArchivePage(journal, [
      { issue: older, articleCount: 1 },
      { issue, articleCount: 3 },
    ]);

    // Assess
    expect(html.indexOf(`issues/${issue.id}/`)).toBeLessThan(html.indexOf('issues/2019-1/'));
    expect(html).toContain('3 articles');
    expect(html).toContain('1 article<');
  });
});

describe('sitemap and robots.txt', () => {
  it('lists home, issue pages and landing pages, each with the day it last changed', () => {
    // Prepare
    const { journal } = fixture();

    // Act
    const entries = sitemapEntries(journal, [{ issueId: '2024-12-3', updatedAt: '2025-01-01T10:00:00.000Z', articles: [{ doi: '10.5555/sbt.2024.001', updatedAt: '2025-02-03T04:05:06.000Z' }] }]);
    const [file] = renderJournalSitemaps(journal, entries).files;

    // Assess
    expect(entries.map((e) => [e.loc, e.lastmod])).toEqual([
      ['https://journal.example.org/sbt/testjournal/', '2025-02-03T04:05:06.000Z'],
      ['https://journal.example.org/sbt/testjournal/issues/2024-12-3/', '2025-02-03T04:05:06.000Z'],
      ['https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/', '2025-02-03T04:05:06.000Z'],
    ]);
    expect(file!.key).toBe('sitemap-testjournal.xml');
    expect(file!.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(file!.body).toContain('<loc>https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/</loc>\n    <lastmod>2025-02-03</lastmod>');
  });

  it('escapes what XML needs escaped in a location', () => {
    const [file] = renderJournalSitemaps({ id: 'x', base_url: 'https://x.org' } as never, [{ loc: 'https://x.org/a?b=1&c=2' }]).files;
    expect(file!.body).toContain('<loc>https://x.org/a?b=1&amp;c=2</loc>');
  });

  it('splits a journal past 50,000 URLs into numbered parts, each listed by the index', () => {
    // Act
    const { files, parts } = renderJournalSitemaps({ id: 'x', base_url: 'https://x.org' } as never, Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, k) => ({ loc: `https://x.org/${k}`, lastmod: '2025-01-01' })));
    const index = renderSitemapIndex(parts);

    // Assess
    expect(files.map((f) => f.key)).toEqual(['sitemap-x.xml', 'sitemap-x.2.xml']);
    expect(index.key).toBe('sitemap.xml');
    expect(index.body).toContain('<sitemapindex');
    expect(index.body).toContain('<loc>https://x.org/sitemap-x.2.xml</loc>');
  });

  it('allows every crawler and names the sitemap', () => {
    expect(renderRobots('https://x.org')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n');
  });

  it('keeps pages fresh for five minutes and data files for an hour', () => {
    expect([cacheControlFor(issueKey('j', 'L')), cacheControlFor('doi/x/article.xml'), cacheControlFor('sitemap.xml')]).toEqual([CACHE_CONTROL.page, CACHE_CONTROL.data, CACHE_CONTROL.data]);
  });
});
