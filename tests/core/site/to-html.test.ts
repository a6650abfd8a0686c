/**
 * The site's serialiser (core/site/to-html.ts) must write exactly what hast-util-to-html's
 * `toHtml` writes. Every tree the renderers serialise here goes through both (the module is
 * wrapped so that each call compares them): every landing page and site page of the seed, the
 * fixtures, the corpus and synthetic articles. Then hostile trees, built by hand.
 * Test files share a worker's modules (vitest.config.ts: isolate false), so the renderers are
 * imported afresh after `vi.resetModules()`, to load the wrapped module.
 */
import type { Nodes } from 'hast';
import { h, s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { renderLandingPage as renderLandingPageType } from '#core/landing/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import type { renderSiteOutputs as renderSiteOutputsType } from '#core/site/index';
import { corpusBundles } from '#tests/helpers/corpus-bundles';
import { syntheticSources } from '../../../bench/synthetic.ts';
import { loadBundles, METADATA_ROOTS } from '../cite/load.ts';
import { citeproc } from '#core/cite/engine';

const seen = vi.hoisted(() => ({ trees: 0, differences: [] as string[] }));

vi.mock('#core/site/to-html', async (importOriginal) => {
  const real = await importOriginal<{ toHtmlFast: (tree: Nodes) => string }>();
  const { toHtml: reference } = await import('hast-util-to-html');
  return {
    toHtmlFast: (tree: Nodes): string => {
      const fast = real.toHtmlFast(tree);
      const plain = reference(tree);
      seen.trees += 1;
      if (fast !== plain) {
        const at = [...fast].findIndex((ch, k) => ch !== plain[k]);
        seen.differences.push(`at ${at}: fast …${fast.slice(Math.max(0, at - 60), at + 60)}…\n  toHtml …${plain.slice(Math.max(0, at - 60), at + 60)}…`);
      }
      return fast;
    },
  };
});

type Renderers = {
  readonly renderLandingPage: typeof renderLandingPageType;
  readonly renderSiteOutputs: typeof renderSiteOutputsType;
  readonly toHtmlFast: (tree: Nodes) => string;
};
let renderers: Renderers;

beforeAll(async () => {
  vi.resetModules();
  const [landing, site, actual] = await Promise.all([import('#core/landing/index'), import('#core/site/index'), vi.importActual<{ toHtmlFast: (tree: Nodes) => string }>('#core/site/to-html')]);
  renderers = { renderLandingPage: landing.renderLandingPage, renderSiteOutputs: site.renderSiteOutputs, toHtmlFast: actual.toHtmlFast };
});

/** Every landing page and site page of the bundles, rendered (each serialised tree is compared on the way). */
function renderAll(bundles: readonly IssueBundle[]): number {
  const { renderLandingPage, renderSiteOutputs } = renderers;
  let pages = 0;
  for (const bundle of bundles) {
    for (const article of bundle.articles) {
      renderLandingPage(bundle, article, { engine: citeproc });
      pages += 1;
    }
  }
  // Site files one journal at a time, as Site renders them.
  for (const id of new Set(bundles.map((b) => b.journal.id))) {
    for (const output of renderSiteOutputs(bundles.filter((b) => b.journal.id === id))) if (output.key.endsWith('.html')) pages += 1;
  }
  return pages;
}

describe('the site serialiser writes what hast-util-to-html writes', () => {
  it.each([
    ['the seed and fixtures', () => METADATA_ROOTS.flatMap(loadBundles)],
    ['the corpus records', () => corpusBundles().map(({ bundle }) => bundle)],
    [
      '100 synthetic articles',
      () => {
        const loaded = loadJournal(syntheticSources(100, 3));
        if (!loaded.ok) throw new Error('the synthetic journal does not load');
        return loaded.bundles;
      },
    ],
  ])('on every page of %s', { timeout: 600_000 }, (_name, bundles) => {
    // Prepare
    const before = seen.trees;
    seen.differences.length = 0;

    // Act
    const pages = renderAll(bundles());

    // Assess
    expect(pages).toBeGreaterThan(0);
    expect(seen.trees - before).toBeGreaterThanOrEqual(pages);
    expect(seen.differences).toEqual([]);
  });

  const hostile: [string, Nodes][] = [
    ['text to escape', h('p', 'a < b && c > d "quoted" \'single\' `tick` \0 \u00A0 \uD83D\uDE00 \uD800')],
    ['attribute values to escape', h('a', { href: 'https://x.org/?a=1&b="2"\'`<>', title: 'nul\0here', dataNote: 'x & y' }, 'link')],
    ['attribute names to escape', { type: 'element', tagName: 'div', properties: { 'a"b': 'v', 'c d': 'w', 'e=f': 'x', 'g/h': 'y' }, children: [] }],
    ['boolean and overloaded boolean attributes', h('div', [h('input', { type: 'checkbox', checked: true, disabled: false, required: '', hidden: 'hidden' }), h('a', { download: true }, 'a'), h('a', { download: '' }, 'b'), h('a', { download: 'file.pdf' }, 'c'), h('a', { download: 'download' }, 'd'), h('details', { open: 0 }, 'e')])],
    ['numbers, NaN, null and lists', { type: 'element', tagName: 'td', properties: { colSpan: 2, rowSpan: Number.NaN, tabIndex: 0, className: ['a', 'b'], accept: ['image/png', 'image/jpeg', ''], rel: [], id: undefined }, children: [{ type: 'text', value: 'x' }] }],
    ['void elements, empty and not', { type: 'element', tagName: 'div', properties: {}, children: [h('br'), h('img', { src: 'a.png', alt: '' }), { type: 'element', tagName: 'br', properties: {}, children: [{ type: 'text', value: 'odd' }] }, { type: 'element', tagName: 'BR', properties: {}, children: [] }, h('meta', { charSet: 'utf-8' })] }],
    ['script and style text stays raw', h('head', [h('style', 'a > b { content: "&<"; }'), h('script', { type: 'application/ld+json' }, '{"a":"</x> & <y>"}'), h('title', 'a < b & c')])],
    ['foreign content and comments', h('div', [s('svg', { viewBox: '0 0 10 10', xmlns: 'http://www.w3.org/2000/svg' }, [s('path', { d: 'M0 0L10 10', strokeWidth: 2 }), s('foreignObject', [h('p', 'in <html>')])]), { type: 'comment', value: '--> comment <!-- ' }, h('p', 'after')])],
    ['a root with a doctype, text and a comment', { type: 'root', children: [{ type: 'doctype' }, { type: 'text', value: '\n<&>' }, { type: 'comment', value: 'c' }, h('html', { lang: 'en' }, [h('body', [h('template', [h('p', 't')])])])] }],
    ['aria, data and event-like attributes', h('nav', { ariaLabel: 'Breadcrumb', ariaHidden: 'true', dataFooBar: 'baz', role: 'navigation', itemScope: true, itemType: 'https://schema.org/Thing', httpEquiv: 'refresh', acceptCharset: ['utf-8'] }, [])],
  ];

  it.each(hostile)('on %s', (_name, tree) => {
    // Act
    const fast = renderers.toHtmlFast(tree);

    // Assess
    expect(fast).toBe(toHtml(tree));
  });
});
