/**
 * Crossref REST API `/works` messages → records. Takes the response envelope
 * (`{status, message-type: "work", message}`), a bare message, a work-list response
 * (`message.items`), a single list item, or an array of items; also the CSL-JSON that Crossref's
 * content negotiation returns (same keys, strings instead of one-element lists).
 * https://api.crossref.org/swagger-ui/index.html , https://github.com/CrossRef/rest-api-doc/blob/master/api_format.md
 */
import type { ArticleInput } from '#core/model/index';
import { paragraphsOf, markupOf } from './inline.ts';
import { parseFragment } from './html.ts';
import { Notes } from './notes.ts';
import { affiliation, checkSequence, organization, person, type AffiliationInput } from './people.ts';
import type { ContributorInput, FundingInput, ImportOutcome, IssueFacts, JournalFacts, ReferenceInput, RelationInput, SourceRecord } from './record.ts';
import { composeCitation, reference, referenceTypeOf, type CitationParts } from './references.ts';
import { assemble, UNKNOWN_LANG } from './assemble.ts';
import { dateText, doiOf, isoDateText, issnOf, labelText, langOf, pagesOf, printedText, urlOf } from './values.ts';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
/** REST gives lists of one string; CSL gives the string. */
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : str(v) !== undefined ? [str(v)!] : []);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Keys Crossref adds about its own index (counts, timestamps, scores): not metadata of the work. */
const BOOKKEEPING = new Set(['indexed', 'created', 'deposited', 'score', 'is-referenced-by-count', 'reference-count', 'references-count', 'source', 'member', 'prefix', 'URL', 'content-domain', 'alternative-id', 'issued', 'published', 'type', 'id', 'citation-key']);
const MAPPED = new Set(['DOI', 'title', 'subtitle', 'original-title', 'language', 'author', 'editor', 'translator', 'abstract', 'page', 'article-number', 'volume', 'issue', 'journal-issue', 'published-print', 'published-online', 'assertion', 'license', 'funder', 'reference', 'relation', 'update-to', 'container-title', 'short-container-title', 'container-title-short', 'ISSN', 'issn-type', 'publisher', 'publisher-location', 'link']);

/** `{date-parts: [[2017, 5, 24]]}` → `2017-05-24`. */
function dateParts(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  const parts = Array.isArray(v['date-parts']) ? (v['date-parts'][0] as unknown[] | undefined) : undefined;
  if (Array.isArray(parts) && parts.length > 0) return dateText(parts[0], parts[1], parts[2]);
  return isoDateText(str(v['date-time']));
}

function markup(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (value === undefined) return undefined;
  const { nodes } = parseFragment(value);
  return markupOf(nodes, notes, field);
}

function affiliations(v: unknown, notes: Notes, field: string): AffiliationInput[] {
  return list(v)
    .map((a, k) => {
      const ror = list(a.id).find((i) => str(i['id-type'])?.toUpperCase() === 'ROR');
      return affiliation({ name: str(a.name), ror: str(ror?.id) }, notes, `${field}.affiliations[${k}]`);
    })
    .filter((a): a is AffiliationInput => a !== undefined);
}

function contributors(m: Json, notes: Notes): ContributorInput[] {
  const out: ContributorInput[] = [];
  for (const role of ['author', 'editor', 'translator'] as const) {
    const people = list(m[role]);
    if (role === 'author') checkSequence(people.map((p) => str(p.sequence)), notes);
    people.forEach((p, k) => {
      const field = `${role}[${k}]`;
      const affs = affiliations(p.affiliation, notes, field);
      const c =
        str(p.name) !== undefined && str(p.family) === undefined
          ? organization(str(p.name), { role, affiliations: affs }, notes, field)
          : person({ given: str(p.given), family: str(p.family), suffix: str(p.suffix), orcid: str(p.ORCID), role, affiliations: affs }, notes, field);
      if (c) out.push(c);
    });
  }
  return out;
}

function abstract(m: Json, lang: string | undefined, notes: Notes): ArticleInput['abstract'] {
  const source = str(m.abstract);
  if (source === undefined) return undefined;
  const { nodes } = parseFragment(source);
  const paragraphs = paragraphsOf(nodes, notes, 'abstract');
  if (paragraphs.length === 0) return undefined;
  return { [lang ?? UNKNOWN_LANG]: paragraphs.join('\n\n') };
}

function license(m: Json, notes: Notes): ArticleInput['license'] {
  const licenses = list(m.license);
  // The article's licence is the one for the version of record; text-and-data-mining terms are not it.
  const chosen = licenses.find((l) => l['content-version'] === 'vor') ?? licenses.find((l) => l['content-version'] === 'unspecified');
  for (const l of licenses) {
    if (l !== chosen && str(l.URL) !== str(chosen?.URL)) notes.add('license', `licence for "${str(l['content-version']) ?? '?'}" (${str(l.URL) ?? ''}) left out: the model holds the version-of-record licence only`);
  }
  if (!chosen) return undefined;
  const url = urlOf(str(chosen.URL), notes, 'license');
  return url ? { url } : undefined;
}

function funding(m: Json, notes: Notes): FundingInput[] {
  return list(m.funder)
    .map((f, k): FundingInput | undefined => {
      const name = str(f.name)?.trim();
      const awards = strings(f.award).map((a) => a.trim()).filter((a) => a !== '');
      if (!name) {
        if (awards.length === 0) {
          notes.add(`funder[${k}]`, 'a funder without a name or an award: left out');
          return undefined;
        }
        notes.add(`funder[${k}]`, `award ${awards.join(', ')} without a funder name: kept without a funder${str(f.DOI) ? ` (the funder DOI ${String(str(f.DOI))} is left out: the model names a funder by its name)` : ''}; the Crossref deposit cannot carry it`);
        return { awards };
      }
      const doi = doiOf(str(f.DOI), notes, `funder[${k}].DOI`);
      return { funder: { name, ...(doi ? { doi } : {}) }, ...(awards.length > 0 ? { awards } : {}) };
    })
    .filter((f): f is FundingInput => f !== undefined);
}

function references(m: Json, notes: Notes): ReferenceInput[] {
  return list(m.reference)
    .map((r, k) => {
      const field = `reference[${k}]`;
      const doi = doiOf(str(r.DOI), notes, `${field}.DOI`);
      const printed = str(r.unstructured) === undefined ? undefined : markup(str(r.unstructured), notes, field);
      // REST gives the first author as one string (often the surname only): kept as the family name.
      const parts: CitationParts = {
        printed,
        type: referenceTypeOf(str(r.type)),
        authors: strings(r.author).map((a) => ({ family_name: a.trim() })),
        year: str(r.year),
        title: markup(str(r['article-title']) ?? str(r['component-title']), notes, field),
        container: markup(str(r['journal-title']) ?? str(r['volume-title']) ?? str(r['series-title']), notes, field),
        edition: str(r.edition),
        volume: str(r.volume),
        issue: str(r.issue),
        firstPage: str(r['first-page']),
        isbn: str(r.ISBN)?.replace(/^https?:\/\/id\.crossref\.org\/isbn\//, ''),
        issn: str(r.ISSN)?.replace(/^https?:\/\/id\.crossref\.org\/issn\//, ''),
      };
      return reference(composeCitation(parts, notes, field), doi, notes, 'references', parts);
    })
    .filter((r): r is ReferenceInput => r !== undefined);
}

const UPDATE_RELATIONS: Readonly<Record<string, RelationInput['type']>> = { correction: 'correction-of', erratum: 'correction-of', corrigendum: 'correction-of', retraction: 'retraction-of', withdrawal: 'retraction-of', removal: 'retraction-of' };

function relations(m: Json, own: string, notes: Notes): RelationInput[] {
  const out: RelationInput[] = [];
  for (const u of list(m['update-to'])) {
    const type = UPDATE_RELATIONS[str(u.type) ?? ''];
    const doi = doiOf(str(u.DOI), notes, 'update-to');
    if (type && doi && doi.toLowerCase() !== own.toLowerCase()) out.push({ type, doi });
    else notes.add('update-to', `update "${str(u.type) ?? '?'}" of ${str(u.DOI) ?? '?'} is not a relation the model holds (correction-of, retraction-of): left out`);
  }
  const rel = isObj(m.relation) ? m.relation : {};
  for (const [type, targets] of Object.entries(rel)) {
    for (const t of list(targets)) {
      const doi = str(t['id-type']) === 'doi' ? doiOf(str(t.id), notes, `relation.${type}`) : undefined;
      if (type === 'is-translation-of' && doi) out.push({ type: 'translation-of', doi });
      else notes.add('relation', `"${type}" relations are not held by the model: left out`);
    }
  }
  return out;
}

function galleys(m: Json, notes: Notes): NonNullable<ArticleInput['galleys']> {
  const out: NonNullable<ArticleInput['galleys']> = [];
  const formats: Readonly<Record<string, 'pdf' | 'html' | 'xml'>> = { 'application/pdf': 'pdf', 'text/html': 'html', 'application/xml': 'xml', 'text/xml': 'xml' };
  for (const l of list(m.link)) {
    const format = formats[str(l['content-type']) ?? ''];
    const url = urlOf(str(l.URL), notes, 'link');
    // Crossref lists one link per intended application (similarity checking, text mining): one URL is one galley.
    if (format && url && str(l['content-version']) === 'vor') {
      if (out.some((g) => g.url === url)) notes.add('link', `link ${url} is listed more than once: kept once`);
      else out.push({ format, url });
    }
    else if (url) notes.add('link', `link ${url} (${str(l['content-type']) ?? 'no type'}, ${str(l['intended-application']) ?? 'no use'}) is not a published galley: left out`);
  }
  return out;
}

function journalFacts(m: Json, notes: Notes): JournalFacts {
  const types = list(m['issn-type']);
  const issn: JournalFacts['issn'] = {};
  for (const t of types) {
    const value = issnOf(str(t.value), notes, 'ISSN');
    if (value && str(t.type) === 'print') issn.print ??= value;
    else if (value && str(t.type) === 'electronic') issn.electronic ??= value;
  }
  if (types.length === 0) {
    const plain = strings(m.ISSN).map((v) => issnOf(v, notes, 'ISSN')).filter((v): v is string => v !== undefined);
    if (plain[0]) {
      issn.print = plain[0];
      notes.add('ISSN', `the source does not say which ISSN is print and which electronic: ${plain[0]} written as print${plain[1] ? `, ${plain[1]} as electronic` : ''}`);
      if (plain[1]) issn.electronic = plain[1];
    }
  }
  const publisher = str(m.publisher)?.trim();
  const title = strings(m['container-title'])[0]?.trim();
  const abbrev = (strings(m['short-container-title'])[0] ?? strings(m['container-title-short'])[0])?.trim();
  return {
    ...(title ? { title } : {}),
    ...(abbrev ? { abbrev_title: abbrev } : {}),
    issn,
    ...(publisher ? { publisher: { name: publisher, ...(str(m['publisher-location']) ? { place: str(m['publisher-location'])!.trim() } : {}) } } : {}),
  };
}

function issueFacts(m: Json, notes: Notes): IssueFacts {
  const ji = isObj(m['journal-issue']) ? m['journal-issue'] : {};
  const volume = labelText(str(m.volume), notes, 'volume');
  const number = labelText(str(m.issue) ?? str(ji.issue), notes, 'issue');
  const print = dateParts(ji['published-print']);
  const online = dateParts(ji['published-online']);
  return { ...(volume ? { volume } : {}), ...(number ? { number } : {}), published: { ...(print ? { print } : {}), ...(online ? { online } : {}) } };
}

/** One work message → one record. */
function record(m: Json): SourceRecord | string {
  const doiText = str(m.DOI);
  if (!doiText) return 'a work without a DOI';
  const notes = Notes.create().scoped(doiText);
  const doi = doiOf(doiText, notes, 'DOI');
  if (!doi) return `${doiText}: not a DOI the model takes`;
  const type = str(m.type);
  if (type && type !== 'journal-article' && type !== 'article-journal') notes.add('type', `a "${type}" record, imported as a journal article`);
  const titles = strings(m.title);
  const originalTitle = strings(m['original-title'])[0];
  let title = markup(titles[0], notes, 'title');
  const fromOriginal = !title && originalTitle !== undefined;
  if (fromOriginal) {
    title = markup(originalTitle, notes, 'original-title');
    notes.add('title', 'the title is empty: the original-language title is written as the title (set language if it is not the journal\'s)');
  }
  if (titles.length > 1) notes.add('title', `${titles.length - 1} further title(s) left out: the model holds one title per language`);
  const subtitle = markup(strings(m.subtitle)[0], notes, 'subtitle');
  const originals = strings(m['original-title']).filter((t) => t.trim() !== '');
  if (originals.length > (fromOriginal ? 1 : 0)) notes.add('original-title', 'original-language titles carry no language in the REST API: left out (add them under translated_titles by hand)');
  const rawOriginals = Array.isArray(m['original-title']) ? m['original-title'] : [];
  if (rawOriginals.length > originals.length) notes.add('original-title', 'an empty original-language title ignored');
  if (strings(m['short-title']).length > 0) notes.add('short-title', 'short titles are not held by the model: left out');
  const language = langOf(str(m.language));
  const pageText = str(m.page);
  const pages = pagesOf(pageText, undefined, notes, 'page');
  const articleNumber = printedText(str(m['article-number']), notes, 'article-number');
  const print = dateParts(m['published-print']);
  const online = dateParts(m['published-online']);
  const published = print || online ? { ...(print ? { print } : {}), ...(online ? { online } : {}) } : undefined;
  const fallback = published ? undefined : dateParts(m.issued) ?? dateParts(m.published);
  if (fallback) notes.add('issued', `no print or online date, only the "issued" date ${fallback}: written as the online date`);
  const assertions = list(m.assertion);
  const history = (name: string): string | undefined => isoDateText(str(assertions.find((a) => str(a.name) === name)?.value));
  const received = history('received');
  const accepted = history('accepted');
  const lic = license(m, notes);
  const abs = abstract(m, language, notes);
  const refs = references(m, notes);
  const funds = funding(m, notes);
  const rels = relations(m, doi, notes);
  const links = galleys(m, notes);
  const subjects = strings(m.subject);
  if (subjects.length > 0) notes.add('subject', `subject categories (${subjects.join('; ')}) are the journal's classification, not article keywords: left out`);
  const other = Object.keys(m).filter((k) => !BOOKKEEPING.has(k) && !MAPPED.has(k) && k !== 'subject' && k !== 'short-title' && k !== 'resource');
  if (other.length > 0) notes.add('', `fields not held by the model: ${other.join(', ')}`);
  if (!title) notes.add('title', 'no title in the source: the article file needs one');
  const article = {
    doi,
    ...(language ? { language } : {}),
    title: title ?? '',
    ...(subtitle ? { subtitle } : {}),
    contributors: contributors(m, notes),
    ...(abs ? { abstract: abs } : {}),
    ...(pages ? { pages } : {}),
    ...(articleNumber ? { article_number: articleNumber } : {}),
    ...(published || fallback || received || accepted
      ? { dates: { ...(received ? { received } : {}), ...(accepted ? { accepted } : {}), ...(published ? { published } : fallback ? { published: { online: fallback } } : {}) } }
      : {}),
    ...(lic ? { license: lic } : {}),
    ...(funds.length > 0 ? { funding: funds } : {}),
    ...(refs.length > 0 ? { references: refs } : {}),
    ...(links.length > 0 ? { galleys: links } : {}),
    ...(rels.length > 0 ? { relations: rels } : {}),
  } as ArticleInput;
  return { journal: journalFacts(m, notes), issue: issueFacts(m, notes), article, notes };
}

/** The work messages in a parsed document, whatever the wrapping. */
function works(doc: unknown): Json[] | string {
  if (Array.isArray(doc)) return doc.filter(isObj);
  if (!isObj(doc)) return 'not a Crossref REST response: expected a JSON object';
  if (isObj(doc.message)) {
    if (doc['message-type'] === 'work-list' || Array.isArray(doc.message.items)) return list(doc.message.items);
    return [doc.message];
  }
  if (typeof doc.DOI === 'string') return [doc];
  return 'not a Crossref REST response: no "message" and no "DOI"';
}

/** Maps a Crossref REST `/works` response (text) to issue groups. */
export function importCrossrefJson(text: string): ImportOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not well-formed JSON: ${(error as Error).message}` };
  }
  const found = works(doc);
  if (typeof found === 'string') return { ok: false, error: found };
  const fileNotes = Notes.create();
  const records: SourceRecord[] = [];
  for (const m of found) {
    const r = record(m);
    if (typeof r === 'string') fileNotes.add('', `record skipped: ${r}`);
    else records.push(r);
  }
  if (records.length === 0) return { ok: false, error: 'no work with a DOI in the file' };
  return { ok: true, results: assemble(records, fileNotes) };
}
