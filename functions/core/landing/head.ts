/** The page head: charset, viewport, title, canonical link, then every machine-readable description of the article. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { mainTitleText } from '#core/cite/index';
import { dublinCoreTags } from './dublin-core.ts';
import { highwireTags } from './highwire.ts';
import { lines } from './html.ts';
import { jsonLd } from './json-ld.ts';
import { openGraph } from './open-graph.ts';
import type { PageContext } from './page-context.ts';
import { STYLE } from './style.ts';

export function head(page: PageContext): Element {
  return h(
    'head',
    lines([
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', `${mainTitleText(page.article)} | ${page.journal.title}`),
      h('link', { rel: 'canonical', href: page.url }),
      ...highwireTags(page),
      ...dublinCoreTags(page),
      ...openGraph(page),
      jsonLd(page),
      h('style', STYLE),
    ]),
  );
}
