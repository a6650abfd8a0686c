/** `<self-uri>`: where the published files (galleys) of this article can be read, each link described. */
import { GALLEY_FORMATS } from '../model/galley-formats.ts';
import type { Galley } from '../model/galleys.ts';
import type { Journal } from '../model/journal.ts';
import type { Article } from '../model/resolved.ts';
import { galleyUrl } from '../urls.ts';
import { el, type XmlElement } from '../xml/tree.ts';

/**
 * Link text says what the file is (JATS4R accessibility: every link needs descriptive text or
 * `xlink:title`, https://jats4r.niso.org/accessibility/): the galley's label, or its format.
 */
export const linkText = (galley: Galley): string => galley.label ?? `Full text (${galley.format.toUpperCase()})`;

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/self-uri.html */
export function selfUri(journal: Journal, article: Article, galley: Galley): XmlElement {
  const [mimetype, subtype] = GALLEY_FORMATS[galley.format].split('/');
  return el(
    'self-uri',
    { 'xlink:href': galleyUrl(journal, article.doi, galley), 'content-type': galley.format, mimetype, 'mime-subtype': subtype },
    linkText(galley),
  );
}

/** One `self-uri` per distinct address: a file listed twice is linked once. */
export function selfUris(journal: Journal, article: Article): XmlElement[] {
  const seen = new Set<string>();
  return article.galleys.flatMap((g) => {
    const href = galleyUrl(journal, article.doi, g);
    if (seen.has(href)) return [];
    seen.add(href);
    return [selfUri(journal, article, g)];
  });
}
