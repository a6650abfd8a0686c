/**
 * `<notes notes-type="withdrawal">` in `<front>`: a withdrawn article's JATS says so, in the same
 * words as its landing page (landing/relations.ts), so a reader of the XML alone (an aggregator, an
 * archive) sees the notice before the citation. The machine-readable date is in `<history>`
 * (dates.ts, `date-type="withdrawn"`), and Crossref hears of it as a Crossmark `withdrawal`.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/notes.html
 */
import type { Article } from '../model/resolved.ts';
import { withdrawnNotice } from '../model/withdrawn-view.ts';
import { el, type XmlElement } from '../xml/tree.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/notes-type.html (free text; "withdrawal" as Crossmark names it). */
export function withdrawalNotes(article: Article): XmlElement | undefined {
  if (article.withdrawn === undefined) return undefined;
  return el('notes', { 'notes-type': 'withdrawal' }, el('title', null, 'Withdrawn'), el('p', null, withdrawnNotice(article.withdrawn)));
}
