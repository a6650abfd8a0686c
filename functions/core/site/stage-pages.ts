/**
 * The stage's own pages at the root of its site: the page listing every journal on the stage
 * (CloudFront's default root object) and the 404 page, which is served at any missing path, so it
 * names every journal rather than one. Neither belongs to a journal, so publishing one journal
 * changes them only by that journal's line.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Journal } from '#core/model/index';
import { encodePath, journalHomeUrl } from '#core/urls';
import { renderFrame } from './chrome.ts';
import { defined, lines } from './html.ts';

/** Who runs the stage, as its pages name it: the journals' publishers, each once, in journal order. */
export function stageName(journals: readonly Journal[]): string {
  const publishers = [...new Set(journals.map((j) => j.publisher.name))];
  return publishers.length === 0 ? 'Journals' : publishers.join(' \u00B7 ');
}

/** Journals in a stable order: by title, then id (the records store lists them by id). */
const byTitle = (journals: readonly Journal[]): Journal[] => [...journals].sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The root page links each journal's home relatively (`balcanica/`): it sits in the same bucket,
 * so the link works on whatever host serves the stage (the journal's own, the distribution's,
 * the local stand-in). The 404 page, served at any path, links the canonical URL instead.
 */
const relativeHome = (journal: Journal): string => `${encodePath(journal.id)}/`;

function journalItem(journal: Journal, href: (journal: Journal) => string): Element {
  const issns = defined([journal.issn.print && `ISSN ${journal.issn.print} (print)`, journal.issn.electronic && `ISSN ${journal.issn.electronic} (online)`]);
  return h('li', [h('a', { href: href(journal) }, journal.title), h('span', { className: ['meta'] }, ` \u00B7 ${[journal.publisher.name, ...issns].join(' \u00B7 ')}`)]);
}

const journalList = (journals: readonly Journal[], href: (journal: Journal) => string): Element =>
  journals.length === 0 ? h('p', 'No journal is published here yet.') : h('ul', { className: ['journals'] }, byTitle(journals).map((j) => journalItem(j, href)));

const header = (name: string, home: string): Element => h('header', { className: ['site'] }, lines([h('p', { className: ['journal'] }, [h('a', { href: home }, name)])]));
const footer = (name: string): Element => h('footer', { className: ['site'] }, lines([h('p', name)]));

/** The root page (`STAGE_HOME_KEY`) of the site at `siteBaseUrl`: every journal, linking to its home. */
export function renderStageHome(journals: readonly Journal[], siteBaseUrl: string): string {
  const name = stageName(journals);
  return renderFrame({
    title: `Journals | ${name}`,
    canonical: `${siteBaseUrl}/`,
    header: header(name, './'),
    main: [h('h1', 'Journals'), journalList(journals, relativeHome)],
    footer: footer(name),
  });
}

/** The 404 page (`NOT_FOUND_KEY`): served at any path, so its links are absolute; not to be indexed. */
export function renderStageNotFound(journals: readonly Journal[], siteBaseUrl: string): string {
  const name = stageName(journals);
  return renderFrame({
    title: `Page not found | ${name}`,
    head: [h('meta', { name: 'robots', content: 'noindex' })],
    header: header(name, `${siteBaseUrl}/`),
    main: [
      h('h1', 'Page not found'),
      h('p', 'There is no page at this address. It may have been mistyped, or the page may have moved.'),
      h('p', ['Every article can be found by its DOI: ', h('code', 'https://doi.org/…'), ' leads to its page here. The journals published here:']),
      journalList(journals, journalHomeUrl),
    ],
    footer: footer(name),
  });
}
