/**
 * `titles`: one element per title. Crossref 5.4.0 takes up to 20 `titles` in a `journal_article`
 * but no language on `title`; `original_language_title` is reserved for a registered translation's
 * original, which is not what a translated title is. Crossref's advice for metadata in several
 * languages is one `titles` per language, main title first, and that is what this renders.
 * https://data.crossref.org/reports/help/schema_doc/5.4.0/index.html (titles)
 */
import type { InlineText } from '../model/markup.ts';
import { el, inline, type XmlElement } from '../xml/tree.ts';
import { FACE_MARKUP } from './vocabulary.ts';

export type TitleText = { readonly title: InlineText; readonly subtitle?: InlineText | undefined };

export function titles(value: TitleText | undefined): XmlElement | undefined {
  if (value === undefined) return undefined;
  return el('titles', null, title(value.title), subtitle(value.subtitle));
}

export const title = (value: InlineText): XmlElement => el('title', null, inline(value, FACE_MARKUP));

export const subtitle = (value: InlineText | undefined): XmlElement | undefined => (value === undefined ? undefined : el('subtitle', null, inline(value, FACE_MARKUP)));
