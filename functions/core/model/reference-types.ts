/**
 * What kind of work a reference cites, and the rule that types a reference given only as text.
 * Each output maps these to its own vocabulary (jats/vocab.ts, crossref/vocabulary.ts, cite/reference-types.ts).
 */
import type { InlineText } from './markup.ts';
import { plainText } from './markup.ts';

export const REFERENCE_TYPES = ['journal-article', 'book', 'chapter', 'conference-paper', 'thesis', 'report', 'dataset', 'software', 'preprint', 'web-page', 'other'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** The parts that decide a type when staff give parts but no type. */
export type TypeHints = { readonly source?: unknown; readonly volume?: unknown; readonly issue?: unknown; readonly publisher?: unknown; readonly isbn?: unknown; readonly editors?: readonly unknown[]; readonly title?: unknown; readonly url?: unknown; readonly doi?: string | undefined };

/**
 * The documented rule for a reference without a stated type, first match wins (README, "References"):
 * 1. a preprint server or arXiv DOI (10.48550/, arXiv:, bioRxiv, medRxiv, SSRN, "preprint") → preprint;
 * 2. "thesis", "dissertation", "Ph.D." → thesis;  3. "dataset", "data set", "[Data" → dataset;
 * 4. "software", "[Computer program]", "version N" with a code host → software;
 * 5. "Proceedings", "Conference", "Symposium", "Workshop", "Congress" → conference-paper;
 * 6. "In:" or "In " before an editor mark ("ed.", "eds", "(Hrsg.)", "(dir.)"), or parts with editors and a title → chapter;
 * 7. "report", "working paper", "technical note" → report;
 * 8. a volume with an issue or year (`50(3)`, `50 (2019)`, `vol. 50`, `no. 3`), or parts with source and volume/issue → journal-article;
 * 9. an ISBN, an italic title without volume, or parts with a publisher → book;
 * 10. a URL with "accessed"/"retrieved"/"viewed" → web-page;
 * otherwise `other`.
 */
export function inferReferenceType(citation: InlineText, hints: TypeHints = {}): ReferenceType {
  const text = plainText(citation);
  const has = (re: RegExp): boolean => re.test(text);
  if ((hints.doi !== undefined && /^10\.48550\//i.test(hints.doi)) || has(/\barXiv\b|\bbioRxiv\b|\bmedRxiv\b|\bSSRN\b|\bpreprint\b|\bResearch Square\b/i)) return 'preprint';
  if (has(/\bthes[ie]s\b|\bdissertation\b|\bPh\.?\s?D\b|\bdoctoral\b|\bMaster'?s\b/i)) return 'thesis';
  if (has(/\bdata ?set\b|\[Data\b/i)) return 'dataset';
  if (has(/\bsoftware\b|\[Computer (?:software|program)\]|\bgithub\.com\b|\bzenodo\b.*\bversion\b/i)) return 'software';
  if (has(/\bProceedings\b|\bConference\b|\bSymposium\b|\bWorkshop\b|\bCongress\b|\bColloqui/i)) return 'conference-paper';
  const editorMark = /\b(?:eds?\.|eds\b|edited by|Hrsg\.|\(dir\.\)|\(ur\.\)|\(ред\.\)|ed\.)/i;
  if ((has(/\bIn:|\bIn\s/) && has(editorMark)) || ((hints.editors?.length ?? 0) > 0 && hints.title !== undefined)) return 'chapter';
  if (has(/\breport\b|\bworking paper\b|\btechnical note\b/i)) return 'report';
  if (has(/\b\d+\s*\(\s*[\dA-Za-z–/-]+\s*\)|\bvol\.\s*\d|\bno\.\s*\d|\bbr\.\s*\d|\bтом\b/i) || (hints.source !== undefined && (hints.volume !== undefined || hints.issue !== undefined))) return 'journal-article';
  if (has(/\bISBN\b/i) || hints.isbn !== undefined || hints.publisher !== undefined || citation.some((n) => typeof n !== 'string' && n.tag === 'i')) return 'book';
  if ((has(/https?:\/\//) || hints.url !== undefined) && has(/\baccessed\b|\bretrieved\b|\bviewed\b|\bconsulted\b/i)) return 'web-page';
  return 'other';
}
