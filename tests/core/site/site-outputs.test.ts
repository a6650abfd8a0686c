import { describe, expect, it } from 'vitest';
import { latestDay, renderSiteOutputs, SiteError } from '#core/site/index';
import { editable, loadBundles } from '../cite/load.ts';

const seed = loadBundles('metadata');
const fixture = loadBundles('tests/fixtures/metadata');

describe('renderSiteOutputs', () => {
  it('gives the journal home, each issue page and the journal sitemap under the journal\'s keys, then the root files, typed', () => {
    // Act
    const outputs = renderSiteOutputs(fixture);
    // Assess
    expect(outputs.map((o) => [o.key, o.contentType])).toEqual([
      ['testjournal/index.html', 'text/html; charset=utf-8'],
      ['testjournal/issues/2024-12-3/index.html', 'text/html; charset=utf-8'],
      ['sitemap-testjournal.xml', 'application/xml; charset=utf-8'],
      ['index.html', 'text/html; charset=utf-8'],
      ['404.html', 'text/html; charset=utf-8'],
      ['sitemap.xml', 'application/xml; charset=utf-8'],
      ['robots.txt', 'text/plain; charset=utf-8'],
    ]);
  });

  it('dates each sitemap entry from the metadata: the latest publication date, partial dates from their first day', () => {
    const sitemap = (bundles: typeof seed): [string, string][] =>
      [...renderSiteOutputs(bundles).find((o) => o.key === `sitemap-${bundles[0]!.journal.id}.xml`)!.body.matchAll(/<loc>([^<]+)<\/loc>\s*<lastmod>([^<]+)<\/lastmod>/g)].map((m) => [m[1]!, m[2]!]);
    // Balcanica L: printed 2019, online 2023-02-01.
    expect(sitemap(seed)).toEqual([
      ['https://balcanica.rs/balcanica/', '2023-02-01'],
      ['https://balcanica.rs/balcanica/issues/L-2019/', '2023-02-01'],
      ['https://balcanica.rs/doi/10.2298/BALC1950375E/', '2023-02-01'],
    ]);
    // The fixture issue: printed 2024-11 (from 2024-11-01), online 2024-10-15; the review only online.
    expect(sitemap(fixture)).toEqual([
      ['https://journal.example.org/sbt/testjournal/', '2024-11-01'],
      ['https://journal.example.org/sbt/testjournal/issues/2024-12-3/', '2024-11-01'],
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

  it('shows the newest issue as current on the journal home, whatever the order given', () => {
    // Prepare: an older issue of the same journal, given after the current one.
    const older = editable({ bundle: fixture[0]!, article: fixture[0]!.articles[0]! }).bundle;
    older.issue.id = '2023-11-2';
    older.issue.year = 2023;
    const outputs = renderSiteOutputs([fixture[0]!, older]);
    // Assess
    const body = (key: string): string => outputs.find((o) => o.key === key)!.body;
    const home = body('testjournal/index.html');
    expect(home.indexOf('issues/2024-12-3/')).toBeLessThan(home.indexOf('issues/2023-11-2/'));
    expect(body('404.html')).toContain('https://journal.example.org/sbt/testjournal/');
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
