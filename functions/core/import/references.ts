/**
 * References: the model holds each as the citation as printed (with inline markup), its type and
 * its parts. Structured sources (Crossref `citation` parts, REST `reference[]`, JATS citations)
 * keep their parts; when a source has no printed form, the parts are also written out in one
 * plain reading order, so that the text is never empty.
 */
import { referenceObject, REFERENCE_TYPES, type ReferenceType } from '#core/model/index';
import { escapeText } from './inline.ts';
import type { Notes } from './notes.ts';
import type { ReferenceInput } from './record.ts';

/** A cited name as the article file writes it. */
export type NameInput = { family_name: string; given_name?: string } | { organization: string };

export type CitationParts = {
  /** Ready markup (already escaped), for the printed form when the source has one. */
  printed?: string | undefined;
  type?: ReferenceType | undefined;
  authors?: readonly NameInput[];
  editors?: readonly NameInput[];
  year?: string | undefined;
  /** Markup of the cited work's title. */
  title?: string | undefined;
  /** Markup of the journal, book or series the work appeared in. */
  container?: string | undefined;
  edition?: string | undefined;
  volume?: string | undefined;
  issue?: string | undefined;
  firstPage?: string | undefined;
  lastPage?: string | undefined;
  articleNumber?: string | undefined;
  publisher?: string | undefined;
  place?: string | undefined;
  isbn?: string | undefined;
  issn?: string | undefined;
  url?: string | undefined;
  other?: readonly string[];
};

const clean = (v: string | undefined): string | undefined => {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

const nameText = (n: NameInput): string => ('organization' in n ? n.organization : [n.family_name, n.given_name].filter(Boolean).join(' '));

/** "Authors (year). Title. <i>Container</i> edition, volume(issue), pages. Publisher." with only the parts present. */
export function composeCitation(parts: CitationParts, notes: Notes, field: string): string | undefined {
  if (clean(parts.printed)) return clean(parts.printed);
  const esc = (v: string | undefined): string | undefined => (clean(v) === undefined ? undefined : escapeText(clean(v)!, notes, field));
  const sentences: string[] = [];
  const authors = (parts.authors ?? []).map((a) => esc(nameText(a))).filter((a): a is string => a !== undefined);
  const year = esc(parts.year);
  if (authors.length > 0 || year) sentences.push([authors.join(', '), year ? `(${year})` : undefined].filter(Boolean).join(' '));
  const title = clean(parts.title);
  if (title) sentences.push(title);
  const pages = [esc(parts.firstPage ?? parts.articleNumber), esc(parts.lastPage)].filter(Boolean).join('–');
  const volume = [esc(parts.volume), esc(parts.issue) ? `(${esc(parts.issue)})` : undefined].filter(Boolean).join('');
  const container = clean(parts.container);
  const where = [container ? `<i>${container}</i>` : undefined, esc(parts.edition), volume || undefined, pages || undefined].filter(Boolean).join(', ');
  if (where) sentences.push(where);
  const publisher = [esc(parts.place), esc(parts.publisher)].filter(Boolean).join(': ');
  if (publisher) sentences.push(publisher);
  for (const other of [...(parts.other ?? []), ...(parts.isbn ? [`ISBN ${parts.isbn}`] : []), ...(parts.issn ? [`ISSN ${parts.issn}`] : []), ...(parts.url ? [parts.url] : [])]) if (esc(other)) sentences.push(esc(other)!);
  if (sentences.length === 0) return undefined;
  return sentences.map((s) => (/[.?!]$/.test(s.replace(/<\/[a-z]+>$/, '')) ? s : `${s}.`)).join(' ');
}

/** The parts as the article file writes them (only those present). */
function partsInput(parts: CitationParts): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: parts.type,
    authors: parts.authors && parts.authors.length > 0 ? parts.authors : undefined,
    editors: parts.editors && parts.editors.length > 0 ? parts.editors : undefined,
    year: clean(parts.year),
    title: clean(parts.title),
    source: clean(parts.container),
    volume: clean(parts.volume),
    issue: clean(parts.issue),
    first_page: clean(parts.firstPage),
    last_page: clean(parts.lastPage),
    article_number: clean(parts.articleNumber),
    publisher: clean(parts.publisher),
    place: clean(parts.place),
    edition: clean(parts.edition),
    isbn: clean(parts.isbn),
    issn: clean(parts.issn),
    url: clean(parts.url),
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * One reference; a DOI alone is written out as its link so that the reference keeps its place.
 * Every part is checked with the model's own schema: a part it cannot hold is noted and left out,
 * so that what is written always loads.
 */
export function reference(citation: string | undefined, doi: string | undefined, notes: Notes, field: string, parts: CitationParts = {}): ReferenceInput | undefined {
  let text = citation;
  if (!text && doi) {
    notes.add(field, 'references given only by their DOI: the DOI link is written as the citation text');
    text = `https://doi.org/${doi}`;
  }
  if (!text) {
    notes.add(field, 'an empty reference (no text, parts or DOI): left out');
    return undefined;
  }
  const candidate: Record<string, unknown> = { citation: text, ...(doi ? { doi } : {}), ...partsInput(parts) };
  for (let round = 0; round < 5; round += 1) {
    const checked = referenceObject.safeParse(candidate);
    if (checked.success) break;
    // A refinement across parts (pages and an article number) names one of them: dropping it settles it.
    const bad = new Set(checked.error.issues.map((i) => String(i.path[0] ?? '')).filter((k) => k !== 'citation' && k !== '' && k in candidate));
    if (bad.size === 0) break;
    for (const key of bad) {
      notes.add(field, `reference part "${key}" (${JSON.stringify(candidate[key])}) is not one the model takes: left out`);
      delete candidate[key];
    }
  }
  return candidate as ReferenceInput;
}

/** A source's own word for the kind of work, mapped onto the model's types (JATS publication-type, Crossref citation type, CSL type). */
const SOURCE_TYPES: Readonly<Record<string, ReferenceType>> = {
  journal: 'journal-article', 'journal-article': 'journal-article', journal_article: 'journal-article', 'article-journal': 'journal-article', article: 'journal-article',
  book: 'book', monograph: 'book', collection: 'book',
  chapter: 'chapter', book_chapter: 'chapter', 'book-chapter': 'chapter', inbook: 'chapter',
  confproc: 'conference-paper', conference: 'conference-paper', conference_paper: 'conference-paper', 'paper-conference': 'conference-paper', 'conf-proc': 'conference-paper', conference_proceedings: 'conference-paper',
  thesis: 'thesis', dissertation: 'thesis',
  report: 'report', gov: 'report', 'working-paper': 'report',
  data: 'dataset', dataset: 'dataset', database: 'dataset',
  software: 'software', 'computer-program': 'software',
  preprint: 'preprint', 'posted-content': 'preprint',
  webpage: 'web-page', web: 'web-page', website: 'web-page', web_resource: 'web-page', blog_post: 'web-page', blog: 'web-page',
  other: 'other',
};

export function referenceTypeOf(value: string | undefined): ReferenceType | undefined {
  const type = value === undefined ? undefined : SOURCE_TYPES[value.trim().toLowerCase()];
  return type !== undefined && (REFERENCE_TYPES as readonly string[]).includes(type) ? type : undefined;
}
