/**
 * The frame every page of the site shares: head basics, a skip link, the journal's name with a
 * breadcrumb trail, the `<main>` landmark and a footer naming the publisher. One inline
 * stylesheet (style.ts); no script, no font, no image, so nothing blocks rendering.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtmlFast } from './to-html.ts';
import type { Journal } from '#core/model/index';
import { journalHomeUrl } from '#core/urls';
import { defined, joined, lines, PAGE_LANG, siteHref, text } from './html.ts';
import { STYLE } from './style.ts';

/** One step of the breadcrumb trail: a page above this one, or (without `url`) this page. */
export type Crumb = { readonly label: string; readonly url?: string | undefined };

/** How a page writes a link to one of core/urls.ts's URLs. */
export type Linker = (url: string) => string;

/** Links relative to the page at site key `key` (see `siteHref`). */
export const linkerFor =
  (journal: Journal, key: string): Linker =>
  (url) =>
    siteHref(journal, key, url);

/** Absolute links, for a page served at any path (the 404 page), where relative ones would break. */
export const absoluteLinker: Linker = (url) => url;

export type Shell = {
  readonly journal: Journal;
  readonly href: Linker;
  /** The `<title>`: what the page is, then the journal. */
  readonly title: string;
  /** The absolute URL of the page; absent for the 404 page, which has none. */
  readonly canonical?: string | undefined;
  /** Further head elements (meta tags, JSON-LD), after the canonical link. */
  readonly head?: readonly (Element | undefined)[];
  /** The trail below the home page, this page last. */
  readonly breadcrumbs: readonly Crumb[];
  readonly main: readonly (ElementContent | undefined)[];
};

/** The journal's home page, below its own folder of the stage's site (core/urls.ts). */
export const homeUrl = (journal: Journal): string => journalHomeUrl(journal);

function breadcrumb({ journal, href, breadcrumbs }: Shell): Element | undefined {
  if (breadcrumbs.length === 0) return undefined;
  const trail: Crumb[] = [{ label: 'Home', url: homeUrl(journal) }, ...breadcrumbs];
  return h('nav', { className: ['breadcrumb'], ariaLabel: 'Breadcrumb' }, [
    h(
      'ol',
      trail.map((c) => (c.url === undefined ? h('li', { ariaCurrent: 'page' }, c.label) : h('li', [h('a', { href: href(c.url) }, c.label)]))),
    ),
  ]);
}

/** The journal's name, linking home, and the breadcrumb trail (a `banner` landmark). */
const siteHeader = (shell: Shell): Element =>
  h('header', { className: ['site'] }, lines([h('p', { className: ['journal'] }, [h('a', { href: shell.href(homeUrl(shell.journal)) }, shell.journal.title)]), breadcrumb(shell)]));

/** Publisher and ISSNs: the facts a reader needs to cite or find the journal elsewhere. */
function siteFooter({ journal }: Shell): Element {
  const publisher = defined([journal.publisher.name, journal.publisher.place]).join(', ');
  const issns = defined([journal.issn.print && `ISSN ${journal.issn.print} (print)`, journal.issn.electronic && `ISSN ${journal.issn.electronic} (online)`]);
  return h('footer', { className: ['site'] }, lines([h('p', joined([publisher, ...issns], ' \u00B7 '))]));
}

function head(shell: Pick<Shell, 'title' | 'canonical' | 'head'>): Element {
  return h(
    'head',
    lines([
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', shell.title),
      shell.canonical === undefined ? undefined : h('link', { rel: 'canonical', href: shell.canonical }),
      // An empty icon: browsers would otherwise ask every site for /favicon.ico, a request and a 404.
      h('link', { rel: 'icon', href: 'data:,' }),
      ...(shell.head ?? []),
      h('style', STYLE),
    ]),
  );
}

/** A page's frame without a journal: the stage's own pages (core/site/stage-pages.ts) bring their header and footer. */
export type Frame = Pick<Shell, 'title' | 'canonical' | 'head' | 'main'> & { readonly header: Element; readonly footer: Element };

/** The full HTML5 document: doctype, `<html lang>`, head, skip link, header, main, footer. */
export function renderFrame(frame: Frame): string {
  const body = h('body', lines([h('a', { className: ['skip'], href: '#main' }, 'Skip to main content'), frame.header, h('main', { id: 'main' }, lines(frame.main)), frame.footer]));
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, text('\n'), h('html', { lang: PAGE_LANG }, lines([head(frame), body]))] };
  return `${toHtmlFast(tree)}\n`;
}

/** A journal's page: its name and breadcrumb trail above, its publisher and ISSNs below. */
export const renderDocument = (shell: Shell): string => renderFrame({ ...shell, header: siteHeader(shell), footer: siteFooter(shell) });
