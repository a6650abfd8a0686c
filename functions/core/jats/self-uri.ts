/** `<self-uri>`: where the published files (galleys) of this article can be read. */
import { GALLEY_FORMATS, type Galley } from '../model/galleys.ts';
import type { Journal } from '../model/journal.ts';
import type { Article } from '../model/resolved.ts';
import { galleyUrl } from '../urls.ts';
import { el, type XmlElement } from '../xml/tree.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/self-uri.html */
export function selfUri(journal: Journal, article: Article, galley: Galley): XmlElement {
  const [mimetype, subtype] = GALLEY_FORMATS[galley.format].split('/');
  return el(
    'self-uri',
    { 'xlink:href': galleyUrl(journal, article.doi, galley), 'content-type': galley.format, mimetype, 'mime-subtype': subtype },
    galley.label,
  );
}
