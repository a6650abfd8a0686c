/**
 * References: the model holds each as the citation as printed (with inline markup) and its DOI.
 * Structured sources (Crossref `citation` parts, JATS `element-citation`) are written out in one
 * plain reading order, so that the count and every part survive even without a printed form.
 */
import { escapeText } from './inline.ts';
import type { Notes } from './notes.ts';
import type { ReferenceInput } from './record.ts';

export type CitationParts = {
  /** Ready markup (already escaped), for the printed form when the source has one. */
  printed?: string | undefined;
  authors?: readonly string[];
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
  publisher?: string | undefined;
  other?: readonly string[];
};

const clean = (v: string | undefined): string | undefined => {
  const t = v?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

/** "Authors (year). Title. <i>Container</i> edition, volume(issue), pages. Publisher." with only the parts present. */
export function composeCitation(parts: CitationParts, notes: Notes, field: string): string | undefined {
  if (clean(parts.printed)) return clean(parts.printed);
  const esc = (v: string | undefined): string | undefined => (clean(v) === undefined ? undefined : escapeText(clean(v)!, notes, field));
  const sentences: string[] = [];
  const authors = (parts.authors ?? []).map(esc).filter((a): a is string => a !== undefined);
  const year = esc(parts.year);
  if (authors.length > 0 || year) sentences.push([authors.join(', '), year ? `(${year})` : undefined].filter(Boolean).join(' '));
  const title = clean(parts.title);
  if (title) sentences.push(title);
  const pages = [esc(parts.firstPage), esc(parts.lastPage)].filter(Boolean).join('–');
  const volume = [esc(parts.volume), esc(parts.issue) ? `(${esc(parts.issue)})` : undefined].filter(Boolean).join('');
  const container = clean(parts.container);
  const where = [container ? `<i>${container}</i>` : undefined, esc(parts.edition), volume || undefined, pages || undefined].filter(Boolean).join(', ');
  if (where) sentences.push(where);
  const publisher = esc(parts.publisher);
  if (publisher) sentences.push(publisher);
  for (const other of parts.other ?? []) if (esc(other)) sentences.push(esc(other)!);
  if (sentences.length === 0) return undefined;
  return sentences.map((s) => (/[.?!]$/.test(s.replace(/<\/[a-z]+>$/, '')) ? s : `${s}.`)).join(' ');
}

/** One reference; a DOI alone is written out as its link so that the reference keeps its place. */
export function reference(citation: string | undefined, doi: string | undefined, notes: Notes, field: string): ReferenceInput | undefined {
  if (citation) return doi ? { citation, doi } : { citation };
  if (doi) {
    notes.add(field, 'references given only by their DOI: the DOI link is written as the citation text');
    return { citation: `https://doi.org/${doi}`, doi };
  }
  notes.add(field, 'an empty reference (no text, parts or DOI): left out');
  return undefined;
}
