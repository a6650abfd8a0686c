/**
 * The seed issue (Balcanica L, 2019) through the bundled Ingest, Render and Site functions on the
 * emulators, then the same metadata again: the second publish must write nothing at all.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { DOWNLOAD_NAMES } from '#core/publish/downloads';
import { articleOutputs, CONTENT_TYPES } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { FAVICON_CONTENT_TYPE, faviconBytes } from '#core/site/favicon';
import { cacheControlFor, SITE_CONTENT_TYPES } from '#core/site/index';
import { publishFolder } from '#infra/local/publish';
import { METADATA_DIR } from '#infra/local/paths';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { invocations, itemKeys, siteKeys, siteSnapshot, siteText, tableItems, type ObjectSnapshot } from './inspect.ts';

const DOI = '10.2298/BALC1950375E';
// The article's objects: its page, its JATS and its six citation downloads in one object (issue 16; the seed cites nothing, so it has no reference lists).
const ARTICLE_KEYS = ['index.html', 'article.xml', 'downloads.json'].map((f) => `doi/${DOI}/${f}`);

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

describe('publishing the seed issue', () => {
  let first: Record<string, ObjectSnapshot>;

  it('writes the article files, the issue page and the site files with their headers', async () => {
    // Act
    await publishFolder(stage.stack, METADATA_DIR);
    await stage.stack.drain();

    // Assess
    expect(stage.errors).toEqual([]);
    expect(await siteKeys(stage.stack)).toEqual([...ARTICLE_KEYS, '404.html', 'balcanica/index.html', 'balcanica/issues/L-2019/index.html', 'favicon.ico', 'index.html', 'robots.txt', 'sitemap-balcanica.xml', 'sitemap.xml'].sort());
    first = await siteSnapshot(stage.stack);
    const types = [CONTENT_TYPES.landing, CONTENT_TYPES.jats, 'application/json'];
    ARTICLE_KEYS.forEach((key, k) => expect(first[key]).toMatchObject({ contentType: types[k], cacheControl: cacheControlFor(key) }));
    expect(first['sitemap.xml']).toMatchObject({ contentType: SITE_CONTENT_TYPES.xml, cacheControl: cacheControlFor('sitemap.xml') });
    expect(first['balcanica/issues/L-2019/index.html']!.contentType).toBe(SITE_CONTENT_TYPES.html);
    // The root icon browsers ask for by themselves (core/site/favicon.ts), served as written.
    expect(first['favicon.ico']).toMatchObject({ contentType: FAVICON_CONTENT_TYPE, cacheControl: cacheControlFor('favicon.ico') });
    const icon = await fetch(`${stage.stack.siteUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(new Uint8Array(await icon.arrayBuffer())).toEqual(faviconBytes());
  });

  it('keeps version 1 of the article with the hash of every file it rendered', async () => {
    // Act
    const items = await tableItems(stage.stack);

    // Assess
    const pk = `ART#${DOI.toLowerCase()}`;
    const head = items.find((i) => i.sk === 'HEAD')!;
    // The batch that published the article first counts it (records-counter.ts).
    const counter = `COUNTER#ARTICLES#${String(head.firstBatchId)}`;
    expect(itemKeys(items)).toEqual([`${pk} HEAD`, `${pk} V#000001`, 'ISSUE#balcanica#L-2019 ISSUE', `JOURNAL#balcanica ${counter}`, 'JOURNAL#balcanica JOURNAL', 'SITEMAP#balcanica PARTS']); // the journal's sitemap parts, kept by its site job
    expect(items.find((i) => i.sk === counter)).toMatchObject({ articles: 1 });
    expect(head).toMatchObject({ doi: DOI, version: 1, journalId: 'balcanica', issueId: 'L-2019', gsi1pk: 'ISSUE#balcanica#L-2019', render: { status: 'done', version: 1 } });
    const artifacts = (head.render as { artifacts: Record<string, string> }).artifacts;
    expect(Object.keys(artifacts).sort()).toEqual([...ARTICLE_KEYS].sort());
    for (const key of ARTICLE_KEYS) expect(artifacts[key]).toBe(createHash('sha256').update(await siteText(stage.stack, key)).digest('hex'));
  });

  it('lists the article in the sitemap with its lastmod and serves the landing page locally', async () => {
    // Act
    const index = await siteText(stage.stack, 'sitemap.xml');
    const sitemap = await siteText(stage.stack, 'sitemap-balcanica.xml');
    const landing = await fetch(`${stage.stack.siteUrl}/doi/${DOI}/`);
    const robots = await siteText(stage.stack, 'robots.txt');

    // Assess
    expect(sitemap).toMatch(new RegExp(`<loc>https://balcanica\\.rs/doi/${DOI}/</loc>\\s*<lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
    expect(sitemap).toContain('<loc>https://balcanica.rs/balcanica/issues/L-2019/</loc>');
    expect(index).toContain('<loc>https://balcanica.rs/sitemap-balcanica.xml</loc>');
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toBe(CONTENT_TYPES.landing);
    expect(robots).toContain(`Sitemap: ${stage.stack.siteUrl}/sitemap.xml`);
  });

  it('serves the HTTP API routes and the 404 page on the site origin, as the distribution does', async () => {
    // Act
    const identify = await fetch(`${stage.stack.siteUrl}/api/oai?verb=Identify`);
    const missing = await fetch(`${stage.stack.siteUrl}/doi/10.2298/NOPE/`);

    // Assess
    expect(identify.status).toBe(200);
    expect(await identify.text()).toContain('<Identify>');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('serves the citation downloads from the one object, byte for byte as the renderers give the files, with their headers', async () => {
    // Prepare: what `colophon build` writes for the seed
    const loaded = loadMetadata(METADATA_DIR);
    if (!loaded.ok) throw new Error('the seed metadata does not load');
    const bundle = loaded.bundles[0]!;
    const files = new Map(articleOutputs(bundle, bundle.articles[0]!, { engine: citeproc }).map((o) => [o.key, o]));

    for (const name of DOWNLOAD_NAMES) {
      // Act
      const response = await fetch(`${stage.stack.siteUrl}/doi/${DOI}/${name}`);
      // Assess
      const file = files.get(`doi/${DOI}/${name}`);
      if (file === undefined) {
        expect(response.status, name).toBe(404);
        continue;
      }
      expect(response.status, name).toBe(200);
      expect(await response.text(), name).toBe(file.body);
      expect(response.headers.get('content-type'), name).toBe(file.contentType);
      expect(response.headers.get('cache-control'), name).toBe(cacheControlFor(`doi/${DOI}/${name}`));
    }
  });

  it('writes nothing when the same metadata is published again', async () => {
    // Prepare
    const renders = invocations(stage.stack, 'Render');
    const sites = invocations(stage.stack, 'Site');
    const itemsBefore = await tableItems(stage.stack);

    // Act
    await publishFolder(stage.stack, METADATA_DIR);
    await stage.stack.drain();

    // Assess
    expect(await siteSnapshot(stage.stack)).toEqual(first);
    // Only the issue's record of its latest publish moves (colophon status shows it, issue 13); nothing else.
    const withoutLatest = (items: readonly Record<string, unknown>[]) => items.map(({ publishedAt: _at, publishedBatchId: _batch, ...rest }) => rest);
    const itemsAfter = await tableItems(stage.stack);
    expect(withoutLatest(itemsAfter)).toEqual(withoutLatest(itemsBefore));
    const issueAfter = itemsAfter.find((i) => i.sk === 'ISSUE');
    expect(issueAfter?.publishedAt).not.toBe(itemsBefore.find((i) => i.sk === 'ISSUE')?.publishedAt);
    expect(invocations(stage.stack, 'Render')).toBe(renders);
    expect(invocations(stage.stack, 'Site')).toBe(sites);
    const ingested = stage.logs.filter((l) => l.line.message === 'issue ingested').map((l) => l.line);
    expect(ingested.at(-1)).toMatchObject({ created: 0, unchanged: 1, queued: 0 });
  });
});
