/**
 * What the site pages share: inline markup as HTML elements, the page shell, and in-site links.
 * Pages are hast trees serialised once by hast-util-to-html (escaping lives there).
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Root } from 'hast';
import type { Contributor } from '../model/contributors.ts';
import type { Issue } from '../model/issue.ts';
import type { Journal } from '../model/journal.ts';
import type { Inline, InlineText } from '../model/markup.ts';

/** Inline markup → HTML: `sc` has no HTML element, so it is a span styled as small caps. */
export function inlineHtml(content: InlineText): ElementContent[] {
  return content.map((node: Inline): ElementContent => {
    if (typeof node === 'string') return { type: 'text', value: node };
    const children = inlineHtml(node.children);
    return node.tag === 'sc' ? h('span', { className: ['sc'] }, children) : h(node.tag, children);
  });
}

/**
 * A link from the page at site key `fromKey` to one of core/urls.ts's URLs, relative, so it works
 * wherever the site is served (below a path of the journal's domain, or a local server's root).
 */
export function siteHref(journal: Journal, fromKey: string, url: string): string {
  const root = `${journal.base_url}/`;
  if (!url.startsWith(root)) return url;
  const target = url.slice(root.length);
  return `${'../'.repeat(fromKey.split('/').length - 1)}${target}` || './';
}

/** "Vol. L, No. 2 (2019)": volume and number as printed. */
export function issueLabel(issue: Issue): string {
  const parts = [issue.volume === undefined ? undefined : `Vol. ${issue.volume}`, issue.number === undefined ? undefined : `No. ${issue.number}`].filter((p) => p !== undefined);
  return `${parts.join(', ')} (${issue.year})`;
}

/** A contributor's name as shown in a list of authors (never the e-mail). */
export const displayName = (c: Contributor): string =>
  c.kind === 'organization' ? c.name : [c.given_names, c.surname].filter(Boolean).join(' ') + (c.suffix ? `, ${c.suffix}` : '');

const STYLE = 'body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}.sc{font-variant:small-caps}ol{padding-left:1.2rem}li{margin-bottom:1rem}.meta{color:#555;margin:0}';

/** The page shell: language, title, canonical URL, and a header linking home. */
export function page(journal: Journal, options: { readonly key: string; readonly title: string; readonly canonical: string; readonly main: ElementContent[] }): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: journal.languages[0] }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', options.title),
          h('link', { rel: 'canonical', href: options.canonical }),
          h('style', STYLE),
        ]),
        h('body', [h('header', [h('p', [h('a', { href: siteHref(journal, options.key, `${journal.base_url}/`) }, journal.title)])]), h('main', options.main)]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}
