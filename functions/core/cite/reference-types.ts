/**
 * The model's reference types in each citation download's vocabulary, so that a reference manager
 * files a cited book as a book. Where a format has no word for a type, the nearest it has, and
 * the reason, is given here; the one-truth test reads each type back through the same table.
 */
import type { ReferenceType } from '#core/model/index';

/** CSL 1.0.2 item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types). */
export const CSL_TYPES = {
  'journal-article': 'article-journal',
  book: 'book',
  chapter: 'chapter',
  'conference-paper': 'paper-conference',
  thesis: 'thesis',
  report: 'report',
  dataset: 'dataset',
  software: 'software',
  // CSL's `article`: "a preprint, working paper, or other prepublished material".
  preprint: 'article',
  'web-page': 'webpage',
  // CSL's `document`: "a generic document" (CSL 1.0.2), the type for what no other type fits.
  other: 'document',
} as const satisfies Record<ReferenceType, string>;
export type CslReferenceType = (typeof CSL_TYPES)[ReferenceType];

/** RIS `TY` reference types (the RIS specification's list, as EndNote and Zotero read them). */
export const RIS_TYPES = {
  'journal-article': 'JOUR',
  book: 'BOOK',
  chapter: 'CHAP',
  'conference-paper': 'CPAPER',
  thesis: 'THES',
  report: 'RPRT',
  dataset: 'DATA',
  // "Computer program".
  software: 'COMP',
  // RIS has no preprint type; "unpublished work" is what a preprint is until a journal takes it.
  preprint: 'UNPB',
  'web-page': 'ELEC',
  other: 'GEN',
} as const satisfies Record<ReferenceType, string>;

/**
 * biblatex entry types (biblatex manual §2.1.1), which biber, Zotero and citation.js read; plain
 * BibTeX styles treat the ones they do not know (`thesis`, `dataset`, `software`, `online`) as `misc`.
 */
export const BIBTEX_TYPES = {
  'journal-article': 'article',
  book: 'book',
  chapter: 'incollection',
  'conference-paper': 'inproceedings',
  thesis: 'thesis',
  report: 'report',
  dataset: 'dataset',
  software: 'software',
  // biblatex: a preprint is `online` with its repository (or `unpublished`); `unpublished` keeps the year and note.
  preprint: 'unpublished',
  'web-page': 'online',
  other: 'misc',
} as const satisfies Record<ReferenceType, string>;
