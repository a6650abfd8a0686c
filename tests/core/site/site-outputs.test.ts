import { describe, expect, it } from 'vitest';
import { latestDay, renderSiteOutputs, SiteError } from '#core/site/index';
import { editable, loadBundles } from '../cite/load.ts';

const seed = loadBundles('metadata');
const fixture = loadBundles('tests/fixtures/metadata');

describe('renderSiteOutputs', () => {
  it('gives the home page, the 404 page, each issue page, the sitemap and robots.txt, typed', () => {
    // Act
    const outputs = renderSiteOutputs(fixture);
    // Assess
    expect(outputs.map((o) => [o.key, o.contentType])).toEqual([
      ['index.html', 'text/html; charset=utf-8'],
      ['404.html', 'text/html; charset=utf-8'],
      ['issues/2024-12-3/index.html', 'text/html; charset=utf-8'],
      ['sitemap.xml', 'application/xml; charset=utf-8'],
      ['robots.txt', 'text/plain; charset=utf-8'],
    ]);
  });

  it('dates each sitemap entry from the metadata: the latest publication date, partial dates from their first day', () => {
    const sitemap = (bundles: typeof seed): [string, string][] =>
      [...renderSiteOutputs(bundles).find((o) => o.key === 'sitemap.xml')!.body.matchAll(/<loc>([^<]+)<\/loc>\s*<lastmod>([^<]+)<\/lastmod>/g)].map((m) => [m[1]!, m[2]!]);
    // Balcanica L: printed 2019, online 2023-02-01.
    expect(sitemap(seed)).toEqual([
      ['https://balcanica.rs/', '2023-02-01'],
      ['https://balcanica.rs/issues/L-2019/', '2023-02-01'],
      ['https://balcanica.rs/doi/10.2298/BALC1950375E/', '2023-02-01'],
    ]);
    // The fixture issue: printed 2024-11 (from 2024-11-01), online 2024-10-15; the review only online.
    expect(sitemap(fixture)).toEqual([
      ['https://journal.example.org/sbt/', '2024-11-01'],
      ['https://journal.example.org/sbt/issues/2024-12-3/', '2024-11-01'],
      ['https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/', '2024-11-01'],
      ['https://journal.example.org/sbt/doi/10.5555/sbt.2024.e7/', '2024-11-01'],
      ['https://journal.example.org/sbt/doi/10.5555/sbt.2024.002/', '2024-10-15'],
    ]);
  });

  it('is deterministic: the same metadata gives the same bytes, whatever the order of rendering', () => {
    const first = renderSiteOutputs(fixture);
    renderSiteOutputs(seed);
    expect(renderSiteOutputs(fixture)).toEqual(first);
  });

  it('renders one journal’s site only, and nothing without issues', () => {
    expect(() => renderSiteOutputs([...seed, ...fixture])).toThrow(SiteError);
    expect(renderSiteOutputs([])).toEqual([]);
  });

  it('shows the newest issue as current on the home and 404 pages, whatever the order given', () => {
    // Prepare: an older issue of the same journal, given after the current one.
    const older = editable({ bundle: fixture[0]!, article: fixture[0]!.articles[0]! }).bundle;
    older.issue.id = '2023-11-2';
    older.issue.year = 2023;
    const outputs = renderSiteOutputs([fixture[0]!, older]);
    // Assess
    const body = (key: string): string => outputs.find((o) => o.key === key)!.body;
    expect(body('404.html')).toContain('https://journal.example.org/sbt/issues/2024-12-3/');
    expect(body('index.html').indexOf('issues/2024-12-3/')).toBeLessThan(body('index.html').indexOf('issues/2023-11-2/'));
  });
});

describe('latestDay', () => {
  it.each([
    [[{ year: 2019 }, { year: 2023, month: 2, day: 1 }], '2023-02-01'],
    [[{ year: 2024, month: 11 }, { year: 2024, month: 10, day: 15 }], '2024-11-01'],
    [[undefined, { year: 2019 }], '2019-01-01'],
    [[undefined], undefined],
  ] as const)('%j → %s', (dates, expected) => {
    expect(latestDay(dates)).toBe(expected);
  });
});
