/** `publisher_item`: the article number of journals that number articles instead of paging them. */
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export function publisherItem(articleNumber: string | undefined): XmlElement | undefined {
  if (articleNumber === undefined) return undefined;
  return el('publisher_item', null, leaf('item_number', articleNumber, { item_number_type: 'article_number' }));
}
