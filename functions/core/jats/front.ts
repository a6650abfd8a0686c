/** `<front>`: the journal's metadata, then the article's. */
import type { Article, IssueBundle } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { articleMeta } from './article-meta.ts';
import { journalMeta } from './journal-meta.ts';
import { withdrawalNotes } from './notes.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/front.html (notes follow article-meta). */
export const front = (bundle: IssueBundle, article: Article): XmlElement =>
  el('front', null, journalMeta(bundle.journal), articleMeta(bundle, article), withdrawalNotes(article));
