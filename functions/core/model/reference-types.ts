/**
 * What kind of work a reference cites, and the rule that types a reference given only as text.
 * Each output maps these to its own vocabulary (jats/vocab.ts, crossref/vocabulary.ts, cite/reference-types.ts).
 */
import type { InlineText } from './markup.ts';
import { plainText } from './markup.ts';

export const REFERENCE_TYPES = ['journal-article', 'book', 'chapter', 'conference-paper', 'thesis', 'report', 'dataset', 'software', 'preprint', 'web-page', 'other'] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** The parts that decide a type when staff give parts but no type. */
export type TypeHints = { readonly source?: unknown; readonly volume?: unknown; readonly issue?: unknown; readonly publisher?: unknown; readonly isbn?: unknown; readonly editors?: readonly unknown[] | undefined; readonly title?: unknown; readonly url?: unknown; readonly doi?: string | undefined };

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
const PREPRINT = /\barXiv\b|\bbioRxiv\b|\bmedRxiv\b|\bSSRN\b|\bpreprint\b|\bResearch Square\b/i;
const THESIS = /\bthes[ie]s\b|\bdissertation\b|\bPh\.?\s?D\b|\bdoctoral\b|\bMaster'?s\b/i;
const DATASET = /\bdata ?set\b|\[Data\b/i;
const SOFTWARE = /\bsoftware\b|\[Computer (?:software|program)\]|\bgithub\.com\b|\bzenodo\b.*\bversion\b/i;
const CONFERENCE = /\bProceedings\b|\bConference\b|\bSymposium\b|\bWorkshop\b|\bCongress\b|\bColloqui/i;
const EDITOR_MARK = /\b(?:eds?\.|eds\b|edited by|Hrsg\.|\(dir\.\)|\(ur\.\)|\(ред\.\)|ed\.)/i;
const IN = /\bIn:|\bIn\s/;
const REPORT = /\breport\b|\bworking paper\b|\btechnical note\b/i;
/**
 * Any of the words rules 1–7 look for: most references (journal articles) hold none, and one scan
 * then replaces seven (the rule's cost dominated loading reference-heavy issues). A text this does
 * not match fails every one of those rules' text tests, so first-match order is unchanged.
 */
const RULES_1_TO_7 = new RegExp([PREPRINT, THESIS, DATASET, SOFTWARE, CONFERENCE, EDITOR_MARK, REPORT].map((re) => re.source).join('|'), 'i');
const JOURNAL = /\b\d+\s*\(\s*[\dA-Za-z–/-]+\s*\)|\bvol\.\s*\d|\bno\.\s*\d|\bbr\.\s*\d|\bтом\b/i;
const ISBN = /\bISBN\b/i;
const WEB = /https?:\/\//;
const VISITED = /\baccessed\b|\bretrieved\b|\bviewed\b|\bconsulted\b/i;

export function inferReferenceType(citation: InlineText, hints: TypeHints = {}): ReferenceType {
  const text = plainText(citation);
  if (hints.doi !== undefined && /^10\.48550\//i.test(hints.doi)) return 'preprint';
  const chapterParts = (hints.editors?.length ?? 0) > 0 && hints.title !== undefined;
  if (RULES_1_TO_7.test(text)) {
    if (PREPRINT.test(text)) return 'preprint';
    if (THESIS.test(text)) return 'thesis';
    if (DATASET.test(text)) return 'dataset';
    if (SOFTWARE.test(text)) return 'software';
    if (CONFERENCE.test(text)) return 'conference-paper';
    if ((IN.test(text) && EDITOR_MARK.test(text)) || chapterParts) return 'chapter';
    if (REPORT.test(text)) return 'report';
  } else if (chapterParts) return 'chapter';
  if (JOURNAL.test(text) || (hints.source !== undefined && (hints.volume !== undefined || hints.issue !== undefined))) return 'journal-article';
  if (ISBN.test(text) || hints.isbn !== undefined || hints.publisher !== undefined || citation.some((n) => typeof n !== 'string' && n.tag === 'i')) return 'book';
  if ((WEB.test(text) || hints.url !== undefined) && VISITED.test(text)) return 'web-page';
  return 'other';
}
