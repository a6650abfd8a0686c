/**
 * Walks a served site in Chromium from its home page, following every in-site link: each page
 * is loaded, checked with axe-core, measured on a phone-sized viewport and in print media, and
 * photographed; every other in-site file a page links to is fetched for its status and type.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);

// The page's globals, as far as the callbacks run in the page use them (tests compile without the DOM lib).
type PageElement = { getAttribute(name: string): string | null };
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
};
declare function getComputedStyle(element: PageElement): { readonly display: string };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules (axe's tags), as the brief for the reader's side asks. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** A phone held upright: WCAG 1.4.10 asks that content reflow at 320 CSS pixels. */
export const PHONE = { width: 320, height: 640 } as const;

export type Link = { readonly href: string; readonly raw: string; readonly type: string; readonly text: string };
export type AxeViolation = { readonly id: string; readonly impact: string | null; readonly help: string; readonly targets: readonly string[] };

export type PageReport = {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly title: string;
  readonly h1: string;
  readonly links: readonly Link[];
  /** In-page links (`#id`) whose target is not on the page. */
  readonly missingFragments: readonly string[];
  readonly axe: readonly AxeViolation[];
  /** Console errors and uncaught exceptions. */
  readonly errors: readonly string[];
  /** Requests the page made to any other origin. */
  readonly foreignRequests: readonly string[];
  /** How much wider than a 320 px viewport the page is (0: it reflows). */
  readonly phoneOverflow: number;
  /** In print media, the computed `display` of each `PRINT_HIDDEN` element the page has. */
  readonly printDisplay: Readonly<Record<string, string>>;
  readonly screenshots: readonly string[];
};

export type ResourceReport = { readonly url: string; readonly status: number; readonly contentType: string; readonly linkedAs: string; readonly from: string };

export type CrawlReport = { readonly pages: PageReport[]; readonly resources: ResourceReport[] };

/** What the print stylesheet must hide: the page's navigation. */
export const PRINT_HIDDEN = ['.skip', '.breadcrumb', 'footer.site'] as const;

const isPage = (url: URL): boolean => url.pathname.endsWith('/') || url.pathname.endsWith('.html');

/** `/doi/10.2298/X/` → `doi_10.2298_X`, `/` → `home`. */
export const slug = (path: string): string => path.replace(/^\/+|\/+$/g, '').replace(/\/index\.html$/, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'home';

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, [...AXE_TAGS]);
}

async function inspect(page: Page, url: string, shotDir: string, name: string): Promise<PageReport> {
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  const status = response?.status() ?? 0;
  const contentType = (await response?.headerValue('content-type')) ?? '';
  const title = await page.title();
  // Read at once, not awaited: a page without an h1 reports '' rather than timing out.
  const h1 = await page.evaluate(() => (document.querySelector('h1') as { textContent?: string | null } | null)?.textContent ?? '');
  const links = await page.$$eval('a[href]', (as) => as.map((a) => ({ href: (a as unknown as { href: string }).href, raw: a.getAttribute('href') ?? '', type: a.getAttribute('type') ?? '', text: a.textContent ?? '' })));
  const missingFragments = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => document.getElementById(decodeURIComponent(id)) === null));
  const axe = await runAxe(page);
  const screenshots = [join(shotDir, `${name}.png`), join(shotDir, `${name}-phone.png`), join(shotDir, `${name}-print.png`)];
  mkdirSync(dirname(screenshots[0]!), { recursive: true });
  await page.screenshot({ path: screenshots[0]!, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  const phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: screenshots[1]!, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
  await page.emulateMedia({ media: 'print' });
  const printDisplay = await page.evaluate(
    (selectors) => Object.fromEntries(selectors.flatMap((s) => { const el = document.querySelector(s); return el === null ? [] : [[s, getComputedStyle(el).display]]; })),
    [...PRINT_HIDDEN],
  );
  await page.screenshot({ path: screenshots[2]!, fullPage: true });
  await page.emulateMedia({ media: null });
  return { url, status, contentType, title, h1: h1.trim(), links, missingFragments, axe, errors, foreignRequests, phoneOverflow, printDisplay, screenshots };
}

/**
 * Crawls the site served at `base` (its home page at `${base}/`), breadth first, and also loads
 * `extraPages` (the 404 page at a path that does not exist). Screenshots go to `shotDir`.
 */
export async function crawlSite(context: BrowserContext, base: string, shotDir: string, extraPages: readonly string[] = []): Promise<CrawlReport> {
  const pages: PageReport[] = [];
  const resources: ResourceReport[] = [];
  const seen = new Set<string>();
  const queue: string[] = [`${base}/`, ...extraPages.map((p) => `${base}${p}`)];
  for (const url of queue) seen.add(url);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const page = await context.newPage();
    try {
      const report = await inspect(page, url, shotDir, slug(new URL(url).pathname));
      pages.push(report);
      for (const link of report.links) {
        const target = new URL(link.href);
        target.hash = '';
        if (target.origin !== new URL(base).origin || seen.has(target.href)) continue;
        seen.add(target.href);
        if (isPage(target)) queue.push(target.href);
        else {
          const res = await fetch(target.href);
          await res.arrayBuffer();
          resources.push({ url: target.href, status: res.status, contentType: res.headers.get('content-type') ?? '', linkedAs: link.type, from: url });
        }
      }
    } finally {
      await page.close();
    }
  }
  return { pages, resources };
}
