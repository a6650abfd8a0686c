/**
 * The page served with status 404 for any path the site does not have. It is served at whatever
 * path was asked for, so its links are absolute URLs (relative ones would resolve against the
 * missing path), and it asks search engines not to index it.
 */
import { h } from 'hastscript';
import type { Issue, Journal } from '#core/model/index';
import { issueUrl } from '#core/urls';
import { absoluteLinker, homeUrl, renderDocument } from './chrome.ts';
import { issueLabel, text } from './html.ts';

/** The full HTML of the page at `NOT_FOUND_KEY`; with the current issue, a link to it too. */
export function renderNotFoundPage(journal: Journal, current?: Issue): string {
  return renderDocument({
    journal,
    href: absoluteLinker,
    title: `Page not found | ${journal.title}`,
    head: [h('meta', { name: 'robots', content: 'noindex' })],
    breadcrumbs: [{ label: 'Page not found' }],
    main: [
      h('h1', 'Page not found'),
      h('p', 'There is no page at this address. It may have been mistyped, or the page may have moved.'),
      h('p', [text('Every article can be found by its DOI: '), h('code', 'https://doi.org/…'), text(' leads to its page here.')]),
      h('ul', [
        h('li', [h('a', { href: homeUrl(journal) }, `${journal.title}: home page and archive`)]),
        current === undefined ? undefined : h('li', [h('a', { href: issueUrl(journal, current.id) }, `Current issue: ${issueLabel(current)}`)]),
      ].filter((n) => n !== undefined)),
    ],
  });
}
