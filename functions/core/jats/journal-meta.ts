/** `<journal-meta>`: who publishes the journal and how it is identified. */
import type { Journal } from '../model/journal.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/journal-meta.html */
export function journalMeta(journal: Journal): XmlElement {
  return el(
    'journal-meta',
    null,
    el('journal-id', { 'journal-id-type': 'publisher-id' }, journal.id),
    journalTitleGroup(journal),
    issn(journal.issn.print, 'print'),
    issn(journal.issn.electronic, 'electronic'),
    publisher(journal),
  );
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/journal-title-group.html */
export function journalTitleGroup(journal: Journal): XmlElement {
  return el(
    'journal-title-group',
    null,
    leaf('journal-title', journal.title),
    leaf('abbrev-journal-title', journal.abbrev_title, { 'abbrev-type': 'publisher' }),
  );
}

/** One ISSN per medium (https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/issn.html). */
export const issn = (value: string | undefined, format: 'print' | 'electronic'): XmlElement | undefined =>
  leaf('issn', value, { 'publication-format': format });

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/publisher.html */
export function publisher(journal: Journal): XmlElement {
  return el('publisher', null, leaf('publisher-name', journal.publisher.name), leaf('publisher-loc', journal.publisher.place));
}
