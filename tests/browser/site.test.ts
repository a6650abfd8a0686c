/**
 * The reader's side in a real browser: `colophon build` of metadata/ and tests/fixtures/metadata/,
 * each journal's folder served by a static server on 127.0.0.1 and crawled in Debian's Chromium
 * (playwright-core, no downloaded browser). Every page renders, every in-site link and download
 * answers with the right type, axe-core finds no WCAG 2.1 A/AA violation, the Nu HTML Checker no
 * error, pages reflow on a phone and print without their navigation. Screenshots of every page
 * (desktop, phone, print) are kept in test-results/browser/ (git-ignored).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../cli/run.ts';
import { repoDir } from '#tests/helpers/shared';
import { crawlSite, type CrawlReport } from './crawl.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { launchChromium, missingTools, type Browser } from './tools.ts';
import { checkHtml, describeMessages } from './vnu.ts';

/** The journals the three metadata trees (metadata, fixtures, examples) build, with their public roots (journal.yaml `base_url`). */
const JOURNALS = [
  { id: 'balcanica', baseUrl: 'https://balcanica.rs' },
  { id: 'testjournal', baseUrl: 'https://journal.example.org/sbt' },
  { id: 'exemplaria', baseUrl: 'https://exemplaria.example.org' },
] as const;

/** The pages each site must have, as paths below its root (written from the metadata, not the crawl). */
const EXPECTED_PAGES: Record<(typeof JOURNALS)[number]['id'], string[]> = {
  balcanica: ['/', '/balcanica/', '/balcanica/issues/L-2019/', '/doi/10.2298/BALC1950375E/'],
  testjournal: ['/', '/testjournal/', '/testjournal/issues/2024-12-3/', '/doi/10.5555/sbt.2024.001/', '/doi/10.5555/sbt.2024.002/', '/doi/10.5555/sbt.2024.e7/'],
  exemplaria: ['/', '/exemplaria/', '/exemplaria/issues/XII-2024/', '/exemplaria/issues/XIII-2025/', ...['xii.editorial', 'xii.1', 'xii.2', 'xii.3', 'xii.4', 'xii.5', 'xiii.1', 'xiii.26', 'xiii.c1', 'xiii.r1', 'xiii.e1', 'xiii.41'].map((s) => `/doi/10.5555/exemplaria.${s}/`)],
};
const MISSING_PATH = '/no/such/page/';
/** Pages the crawl finds that the sitemap leaves out on purpose: a withdrawn article's notice page. */
const NOT_IN_SITEMAP = new Set(['/doi/10.5555/exemplaria.xiii.41/']);

/** The media type each kind of download must be served with (charset aside). */
const DOWNLOAD_TYPES: [RegExp, string][] = [
  [/\.pdf$/, 'application/pdf'],
  [/\/article\.xml$/, 'application/xml'],
  [/\/citation\.ris$/, 'application/x-research-info-systems'],
  [/\/citation\.bib$/, 'application/x-bibtex'],
  [/\/citation\.json$/, 'application/vnd.citationstyles.csl+json'],
  [/\/references\.ris$/, 'application/x-research-info-systems'],
  [/\/references\.bib$/, 'application/x-bibtex'],
  [/\/references\.json$/, 'application/vnd.citationstyles.csl+json'],
];

/** The HTML + CSS budget of one page (the brief: at most 30 KB, CSS inline). */
const PAGE_BUDGET = 30 * 1024;

const SHOTS = join(repoDir, 'test-results/browser');
const essence = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const missing = missingTools();
if (missing.length > 0 && !ci) console.warn(`tests/browser skipped, missing: ${missing.join('; ')}`);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.html') && statSync(f).isFile())
    .sort();
}

// In CI a missing browser or Java fails the suite (beforeAll throws); it is never skipped there.
describe.skipIf(missing.length > 0 && !ci)('the built site in Chromium', () => {
  let out = '';
  let browser: Browser | undefined;
  const servers = new Map<string, StaticServer>();
  const crawls = new Map<string, CrawlReport>();

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`the browser tests need: ${missing.join('; ')}`);
    // Prepare: one output folder holding every journal's site, as `colophon build` writes them.
    out = tempDir('colophon-site-');
    for (const root of ['metadata', 'tests/fixtures/metadata', 'examples']) {
      const run = await runCli(['build', join(repoDir, root), '--out', out]);
      if (run.code !== 0) throw new Error(`colophon build ${root} failed: ${run.stderr}${run.stdout}`);
    }
    rmSync(SHOTS, { recursive: true, force: true });
    browser = await launchChromium();
    // Act: crawl each site from its home page, and ask each for a page it does not have.
    for (const { id } of JOURNALS) {
      const server = await serveStatic(join(out, id));
      servers.set(id, server);
      crawls.set(id, await crawlSite(browser.context, server.url, join(SHOTS, id), [MISSING_PATH]));
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers.values()) await server.close();
    removeTempDirs();
  });

  const pagesOf = (id: string) => crawls.get(id)!.pages;
  const pathOf = (id: string, url: string): string => url.slice(servers.get(id)!.url.length);

  describe.each(JOURNALS)('$id', ({ id, baseUrl }) => {
    it('renders every page it links to, and no other: title, h1, no script error', () => {
      const found = pagesOf(id).filter((p) => p.status === 200);
      expect(found.map((p) => pathOf(id, p.url)).sort()).toEqual([...EXPECTED_PAGES[id]].sort());
      for (const page of found) {
        expect(essence(page.contentType), page.url).toBe('text/html');
        expect(page.title, page.url).not.toBe('');
        expect(page.h1, page.url).not.toBe('');
        expect(page.errors, page.url).toEqual([]);
      }
    });

    it('resolves every in-site link: pages, files and in-page anchors', () => {
      const broken = crawls.get(id)!.resources.filter((r) => r.status !== 200).map((r) => `${r.url} (${r.status}) from ${r.from}`);
      expect(broken).toEqual([]);
      for (const page of pagesOf(id)) expect(page.missingFragments, page.url).toEqual([]);
    });

    it('serves every download with its media type, the one its link announces', () => {
      const resources = crawls.get(id)!.resources;
      expect(resources.length).toBeGreaterThanOrEqual(4 * EXPECTED_PAGES[id].filter((p) => p.startsWith('/doi/')).length);
      for (const r of resources) {
        const expected = DOWNLOAD_TYPES.find(([pattern]) => pattern.test(r.url))?.[1];
        expect(expected, `no expected type for ${r.url}`).toBeDefined();
        expect(essence(r.contentType), r.url).toBe(expected);
        if (r.linkedAs !== '') expect(essence(r.linkedAs), r.url).toBe(expected);
      }
    });

    it('has no WCAG 2.1 A or AA violation that axe-core finds, on any page', () => {
      const violations = pagesOf(id).flatMap((p) => p.axe.map((v) => `${pathOf(id, p.url)}: ${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.targets.join(', ')}`));
      expect(violations).toEqual([]);
    });

    it('reflows at 320 CSS pixels and prints without its navigation', () => {
      for (const page of pagesOf(id)) {
        expect(page.phoneOverflow, page.url).toBeLessThanOrEqual(0);
        expect(Object.keys(page.printDisplay).length, page.url).toBeGreaterThan(0);
        for (const [selector, display] of Object.entries(page.printDisplay)) expect(display, `${page.url} ${selector}`).toBe('none');
      }
    });

    it('asks nothing of any other site while loading', () => {
      for (const page of pagesOf(id)) expect(page.foreignRequests, page.url).toEqual([]);
    });

    it('answers a missing path with its 404 page', () => {
      const notFound = pagesOf(id).find((p) => p.url.endsWith(MISSING_PATH));
      expect(notFound?.status).toBe(404);
      expect(essence(notFound?.contentType ?? '')).toBe('text/html');
      expect(notFound?.h1).toBe('Page not found');
    });

    it('lists in its sitemap exactly the pages the crawl found (the root page and a withdrawn article aside), and names the sitemap index in robots.txt', async () => {
      const server = servers.get(id)!;
      const index = await (await fetch(`${server.url}/sitemap.xml`)).text();
      expect(index).toContain(`<loc>${baseUrl}/sitemap-${id}.xml</loc>`);
      const sitemap = await fetch(`${server.url}/sitemap-${id}.xml`);
      const robots = await fetch(`${server.url}/robots.txt`);
      expect(essence(sitemap.headers.get('content-type') ?? '')).toBe('application/xml');
      expect(essence(robots.headers.get('content-type') ?? '')).toBe('text/plain');
      const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(baseUrl.length));
      expect(locs.sort()).toEqual(EXPECTED_PAGES[id].filter((p) => p !== '/' && !NOT_IN_SITEMAP.has(p)).sort());
      expect(await robots.text()).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
    });

    it('keeps every page within 30 KB of HTML and CSS', () => {
      const sizes = htmlFiles(join(out, id)).map((f) => [relative(out, f), readFileSync(f).length] as const);
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.filter(([, size]) => size > PAGE_BUDGET)).toEqual([]);
    });

    it('keeps a desktop, a phone and a print screenshot of every page', () => {
      for (const page of pagesOf(id)) for (const shot of page.screenshots) expect(statSync(shot).size, shot).toBeGreaterThan(1000);
    });
  });

  it('passes the Nu HTML Checker on every page of every site', () => {
    // Act: one run over all pages (the checker starts a JVM once).
    const messages = checkHtml(htmlFiles(out));
    // Assess
    expect(describeMessages(messages)).toEqual([]);
  });
});
