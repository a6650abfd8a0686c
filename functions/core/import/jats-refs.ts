/**
 * JATS references (`ref-list`/`ref`): the printed form (`mixed-citation`) when there is one,
 * else the parts of `element-citation` (JATS), `citation` (NLM 2.x) or `nlm-citation` (NLM 3.0)
 * in one reading order. The DOI comes from `pub-id`, or from a DOI link.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/ref.html
 */
import { markupOf } from './inline.ts';
import type { Notes } from './notes.ts';
import type { ReferenceInput } from './record.ts';
import { composeCitation, reference } from './references.ts';
import { doiOf } from './values.ts';
import { attr, find, isElement, kid, kids, textOf, type XElement } from './xml.ts';

const CITATIONS = ['mixed-citation', 'element-citation', 'citation', 'nlm-citation'];

function doiIn(cit: XElement, notes: Notes): string | undefined {
  const pub = find(cit, 'pub-id').find((p) => attr(p, 'pub-id-type') === 'doi');
  if (pub) return doiOf(textOf(pub), notes, 'references');
  const link = [...find(cit, 'ext-link'), ...find(cit, 'uri')].map((l) => attr(l, 'href') ?? textOf(l) ?? '').find((h) => /(?:doi\.org\/|^doi:)10\./i.test(h) || attr(cit, 'ext-link-type') === 'doi');
  return link ? doiOf(link, notes, 'references') : undefined;
}

/** "Surname GN" for each name in the citation's (first) author group. */
function authorsOf(cit: XElement): string[] {
  const groups = kids(cit, 'person-group');
  const group = groups.find((g) => (attr(g, 'person-group-type') ?? 'author') === 'author') ?? (groups.length === 0 ? cit : undefined);
  if (!group) return [];
  const out: string[] = [];
  for (const n of group.children) {
    if (!isElement(n)) continue;
    if (n.name === 'name') out.push([textOf(kid(n, 'surname')), textOf(kid(n, 'given-names'))].filter(Boolean).join(' '));
    else if (n.name === 'string-name' || n.name === 'collab') out.push(textOf(n) ?? '');
    else if (n.name === 'etal') out.push('et al.');
  }
  return out.filter((a) => a !== '');
}

function composed(cit: XElement, notes: Notes, field: string): string | undefined {
  const text = (name: string): string | undefined => textOf(kid(cit, name));
  const title = kid(cit, 'article-title') ?? kid(cit, 'chapter-title') ?? kid(cit, 'data-title') ?? kid(cit, 'part-title');
  return composeCitation(
    {
      authors: authorsOf(cit),
      year: text('year'),
      title: markupOf(title?.children, notes, field),
      container: markupOf(kid(cit, 'source')?.children, notes, field),
      edition: text('edition'),
      volume: text('volume'),
      issue: text('issue'),
      firstPage: text('fpage') ?? text('elocation-id'),
      lastPage: text('lpage'),
      publisher: [text('publisher-loc'), text('publisher-name')].filter(Boolean).join(': ') || undefined,
      other: [text('comment'), text('conf-name')].filter((s): s is string => s !== undefined),
    },
    notes,
    field,
  );
}

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
  const doi = doiIn(cit, notes);
  // mixed-citation is the citation as printed; NLM 2.x `citation` is often printed too (it has text between its parts).
  const printedForm = cit.name === 'mixed-citation' || (cit.name === 'citation' && cit.children.some((c) => typeof c === 'string' && /[A-Za-z0-9]/.test(c)));
  const citation = printedForm ? markupOf(cit.children, notes, field) : composed(cit, notes, field);
  return reference(citation, doi, notes, field);
}

/** The article's references (every `ref` in `back`, nested lists included; sub-articles' own lists excluded). */
export function referencesOf(article: XElement, notes: Notes): ReferenceInput[] {
  const back = kid(article, 'back');
  return find(back, 'ref')
    .map((r) => refOf(r, notes))
    .filter((r): r is ReferenceInput => r !== undefined);
}
