/** `<title-group>`: the main title and subtitle, then each translated title in its language. */
import type { Article, Title } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { jatsInline } from './inline.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/title-group.html */
export function titleGroup(article: Article): XmlElement {
  const [main, ...translated] = article.titles;
  return el(
    'title-group',
    null,
    el('article-title', null, jatsInline(main.title)),
    main.subtitle && el('subtitle', null, jatsInline(main.subtitle)),
    translated.map(transTitleGroup),
  );
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/trans-title-group.html */
export function transTitleGroup(title: Title): XmlElement {
  return el(
    'trans-title-group',
    { 'xml:lang': title.lang },
    el('trans-title', null, jatsInline(title.title)),
    title.subtitle && el('trans-subtitle', null, jatsInline(title.subtitle)),
  );
}
