/**
 * JATS vocabularies used by the renderer, each with the Tag Library page that defines or
 * suggests it (NISO JATS Journal Publishing 1.4, https://jats.nlm.nih.gov/publishing/tag-library/1.4/).
 */
import type { ContributorRole } from '../model/contributors.ts';
import type { InlineTag } from '../model/markup.ts';
import type { ReferenceType } from '../model/reference-types.ts';
import type { RelationType, UpdateType } from '../model/relations.ts';

/** `@dtd-version` on `<article>` (https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/dtd-version.html). */
export const DTD_VERSION = '1.4';

/** Namespaces declared once on the root so that every descendant may use the prefix. */
export const NAMESPACES = {
  'xmlns:xlink': 'http://www.w3.org/1999/xlink',
  'xmlns:mml': 'http://www.w3.org/1998/Math/MathML',
  'xmlns:ali': 'http://www.niso.org/schemas/ali/1.0/',
} as const;

/** Inline markup → JATS emphasis elements (https://jats.nlm.nih.gov/publishing/tag-library/1.4/pe/emphasis.class.html). */
export const INLINE_NAMES = { i: 'italic', b: 'bold', sub: 'sub', sup: 'sup', sc: 'sc' } as const satisfies Record<InlineTag, string>;

/** `@contrib-type` (https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/contrib-type.html). */
export const CONTRIB_TYPES = { author: 'author', editor: 'editor', translator: 'translator' } as const satisfies Record<ContributorRole, string>;

/**
 * `@related-article-type`, naming what the other DOI is from this article's side
 * (https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/related-article-type.html).
 * `corrected-article` and `retracted-article` are Tag Library suggestions; the Tag Library suggests
 * nothing for translations, so `translated-article` follows SciELO's usage.
 */
export const RELATED_ARTICLE_TYPES = {
  'correction-of': 'corrected-article',
  'retraction-of': 'retracted-article',
  'expression-of-concern-for': 'object-of-concern',
  'translation-of': 'translated-article',
} as const satisfies Record<RelationType, string>;

/**
 * The same links seen from the updated article, pointing forward to its notice (JATS4R
 * recommendations on corrections and retractions: https://jats4r.niso.org/retractions/).
 */
export const FORWARD_ARTICLE_TYPES = {
  'correction-of': 'correction-forward',
  'retraction-of': 'retraction-forward',
  'expression-of-concern-for': 'concern-forward',
} as const satisfies Record<UpdateType, string>;

/**
 * `@article-type` (https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/article-type.html):
 * a notice that corrects or retracts another article is a `correction` or `retraction`; everything
 * else is a `research-article`, because the model has no article type and section ids are the
 * journal's own words.
 */
export const ARTICLE_TYPES = {
  'correction-of': 'correction',
  'retraction-of': 'retraction',
  'expression-of-concern-for': 'expression-of-concern',
  default: 'research-article',
} as const;

/** Crossref Open Funder Registry, as JATS4R names it on `<institution-id>` (https://jats4r.niso.org/funding). */
export const FUNDER_REGISTRY = { vocab: 'open-funder-registry', 'vocab-identifier': '10.13039/open_funder_registry' } as const;

/**
 * `@publication-type` of a citation, per reference type (JATS4R citations,
 * https://jats4r.niso.org/general-citations/, and the Tag Library's suggested values,
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/publication-type.html).
 * A chapter is part of a `book` (its title is a `chapter-title`); a dataset is `data` (JATS4R data citations).
 */
export const PUBLICATION_TYPES = {
  'journal-article': 'journal',
  book: 'book',
  chapter: 'book',
  'conference-paper': 'confproc',
  thesis: 'thesis',
  report: 'report',
  dataset: 'data',
  software: 'software',
  preprint: 'preprint',
  'web-page': 'webpage',
  other: 'other',
} as const satisfies Record<ReferenceType, string>;
