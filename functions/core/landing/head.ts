/** What the landing page adds to the site's head: every machine-readable description of the article. */
import type { Element } from 'hast';
import { dublinCoreTags } from './dublin-core.ts';
import { highwireTags } from './highwire.ts';
import { jsonLd } from './json-ld.ts';
import { openGraph } from './open-graph.ts';
import type { PageContext } from './page-context.ts';

export const headTags = (page: PageContext): Element[] => [...highwireTags(page), ...dublinCoreTags(page), ...openGraph(page), jsonLd(page)];
