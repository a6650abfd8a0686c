/**
 * JATS references (`ref-list`/`ref`): the printed form (`mixed-citation`) when there is one,
 * else the parts of `element-citation` (JATS), `citation` (NLM 2.x) or `nlm-citation` (NLM 3.0)
 * in one reading order; and in every case the parts the citation tags (names by role, year,
 * titles, source, volume, issue, pages, publisher, edition, ISBN/ISSN, DOI, URL) and its type.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/ref.html
 */
import { INLINE_MAP, markupOf } from './inline.ts';
import type { Notes } from './notes.ts';
import type { ReferenceInput } from './record.ts';
import { composeCitation, reference, referenceTypeOf, type CitationParts, type NameInput } from './references.ts';
import { doiOf } from './values.ts';
import { attr, find, isElement, kid, kids, textOf, type XElement } from './xml.ts';

const CITATIONS = ['mixed-citation', 'element-citation', 'citation', 'nlm-citation'];

function doiIn(cit: XElement, notes: Notes): string | undefined {
  const pub = find(cit, 'pub-id').find((p) => attr(p, 'pub-id-type') === 'doi');
  if (pub) return doiOf(textOf(pub), notes, 'references');
  const link = [...find(cit, 'ext-link'), ...find(cit, 'uri')].map((l) => attr(l, 'href') ?? textOf(l) ?? '').find((h) => /(?:doi\.org\/|^doi:)10\./i.test(h) || attr(cit, 'ext-link-type') === 'doi');
  return link ? doiOf(link, notes, 'references') : undefined;
}

/** A name element as the model's cited name. */
function nameOf(n: XElement): NameInput | undefined {
  if (n.name === 'collab') return textOf(n) ? { organization: textOf(n)! } : undefined;
  if (n.name !== 'name' && n.name !== 'string-name') return undefined;
  const surname = textOf(kid(n, 'surname'));
  const given = textOf(kid(n, 'given-names'));
  if (surname) return { family_name: surname, ...(given ? { given_name: given } : {}) };
  const whole = textOf(n);
  return whole ? { family_name: whole } : undefined;
}

/** The names of the citation's groups of one role (`author` also for an untyped group, or names directly in the citation). */
function namesOf(cit: XElement, role: 'author' | 'editor'): NameInput[] {
  const groups = kids(cit, 'person-group');
  const chosen = groups.filter((g) => (attr(g, 'person-group-type') ?? 'author') === role);
  const holders = chosen.length > 0 ? chosen : role === 'author' && groups.length === 0 ? [cit] : [];
  return holders.flatMap((g) => g.children.filter(isElement).map(nameOf)).filter((n): n is NameInput => n !== undefined);
}

/** Every part the citation tags. */
function partsOf(cit: XElement, notes: Notes, field: string): CitationParts {
  const text = (name: string): string | undefined => textOf(kid(cit, name));
  const title = kid(cit, 'article-title') ?? kid(cit, 'chapter-title') ?? kid(cit, 'data-title') ?? kid(cit, 'part-title');
  const declared = referenceTypeOf(attr(cit, 'publication-type') ?? attr(cit, 'citation-type'));
  const url = [...kids(cit, 'ext-link'), ...kids(cit, 'uri')].map((l) => attr(l, 'href') ?? textOf(l)).find((h) => h !== undefined && /^https?:\/\//.test(h) && !/doi\.org\//.test(h));
  return {
    // A book citation with a chapter title cites a chapter.
    type: declared === 'book' && kid(cit, 'chapter-title') ? 'chapter' : declared,
    authors: namesOf(cit, 'author'),
    editors: namesOf(cit, 'editor'),
    year: text('year'),
    title: markupOf(title?.children, notes, field),
    container: markupOf(kid(cit, 'source')?.children, notes, field),
    edition: text('edition'),
    volume: text('volume'),
    issue: text('issue'),
    firstPage: text('fpage'),
    lastPage: text('lpage'),
    articleNumber: text('elocation-id'),
    publisher: text('publisher-name'),
    place: text('publisher-loc'),
    isbn: text('isbn'),
    issn: text('issn'),
    url,
    other: [text('comment'), text('conf-name')].filter((s): s is string => s !== undefined),
  };
}

/** What a printed citation may hold without tagging any part of the reference: inline emphasis (inline.ts) and links. */
const NOT_PARTS = new Set(['underline', 'monospace', 'roman', 'sans-serif', 'overline', 'strike', 'ext-link', 'uri', 'label']);
const tagsParts = (cit: XElement): boolean => cit.children.some((c) => isElement(c) && !(c.name in INLINE_MAP) && !NOT_PARTS.has(c.name));

/** One `ref` → one reference (a ref holding several citations keeps the first printed one). */
function refOf(ref: XElement, notes: Notes): ReferenceInput | undefined {
  const field = 'references';
  const citations = ref.children.filter((c): c is XElement => isElement(c) && CITATIONS.includes(c.name));
  if (citations.length > 1) notes.add(field, 'a reference with several citation forms: the printed one kept');
  const cit = citations.find((c) => c.name === 'mixed-citation') ?? citations[0];
  if (!cit) {
    const text = markupOf(ref.children.filter((c) => !(isElement(c) && c.name === 'label')), notes, field);
    return reference(text, undefined, notes, field);
  }
  // SciELO and others print the reference as mixed-citation and tag its parts and DOI in an
  // element-citation beside it: the DOI from any form, the parts from the tagged form.
  const doi = doiIn(cit, notes) ?? citations.filter((c) => c !== cit).map((c) => doiIn(c, notes)).find((d) => d !== undefined);
  // A printed form that tags no parts of its own (only emphasis) takes them from the tagged form.
  const tagged = citations.find((c) => c.name === 'element-citation');
  const parts = partsOf(tagged !== undefined && cit.name === 'mixed-citation' && !tagsParts(cit) ? tagged : cit, notes, field);
  // mixed-citation is the citation as printed, unless it is only tagged parts with nothing printed
  // between them (PMC's BJC and BMC files): then, as for element-citation, the parts are composed
  // in one reading order, not run together ("Tsugane S2008Reproductive factors…"). NLM 2.x
  // `citation` is often printed too (it has text between its parts).
  const printedBetween = cit.children.some((c) => typeof c === 'string' && /\S/.test(c));
  const printedForm = (cit.name === 'mixed-citation' && (printedBetween || !cit.children.some(isElement))) || (cit.name === 'citation' && cit.children.some((c) => typeof c === 'string' && /[A-Za-z0-9]/.test(c)));
  const citation = printedForm ? markupOf(cit.children, notes, field) : composeCitation(parts, notes, field);
  return reference(citation, doi, notes, field, parts);
}

/** The article's references (every `ref` in `back`, nested lists included; sub-articles' own lists excluded). */
export function referencesOf(article: XElement, notes: Notes): ReferenceInput[] {
  const back = kid(article, 'back');
  return find(back, 'ref')
    .map((r) => refOf(r, notes))
    .filter((r): r is ReferenceInput => r !== undefined);
}
