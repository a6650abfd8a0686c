/**
 * JATS (and NLM 2.3/3.0) articles → records: front matter (journal, issue, article metadata)
 * and the reference list. The body is not imported.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/
 */
import type { ArticleInput } from '#core/model/index';
import { assemble } from './assemble.ts';
import { markupOf, paragraphsOf, plainOf } from './inline.ts';
import { affiliationIndex, contributorsOf } from './jats-people.ts';
import { referencesOf } from './jats-refs.ts';
import { Notes } from './notes.ts';
import type { FundingInput, ImportOptions, ImportOutcome, IssueFacts, JournalFacts, LicenseInput, RelationInput, SourceRecord } from './record.ts';
import { dateText, doiOf, issnOf, labelText, langOf, pagesOf, printedText, rorOf, urlOf, yearOf } from './values.ts';
import { attr, find, kid, kids, parseXml, path, textOf, type XElement } from './xml.ts';
import { slugify } from './files.ts';
import { UNKNOWN_LANG } from './assemble.ts';

const dateOf = (d: XElement | undefined): string | undefined => (d ? dateText(textOf(kid(d, 'year')), textOf(kid(d, 'month')), textOf(kid(d, 'day'))) : undefined);

/** Publication dates: `pub-type` (NLM, JATS ≤ 1.0) or `publication-format` + `date-type` (JATS 1.1+). */
function pubDates(meta: XElement, notes: Notes): { print?: string; online?: string; collection?: string } {
  const out: { print?: string; online?: string; collection?: string } = {};
  for (const d of kids(meta, 'pub-date')) {
    const date = dateOf(d) ?? (textOf(kid(d, 'season')) && textOf(kid(d, 'year')) ? dateText(textOf(kid(d, 'year'))) : undefined);
    if (!date) continue;
    const type = (attr(d, 'pub-type') ?? attr(d, 'date-type') ?? 'pub').toLowerCase();
    const format = (attr(d, 'publication-format') ?? '').toLowerCase();
    if (type === 'collection') out.collection ??= date;
    else if (type === 'epub' || format === 'electronic') out.online ??= date;
    else if (type === 'ppub' || type === 'epub-ppub' || format === 'print') out.print ??= date;
    else if (type === 'pub' && format === '') out.online ??= date;
    else if (type === 'original-publication') {
      notes.add('pub-date', `the "original-publication" date ${date} written as the online date`);
      out.online ??= date;
    }
    else notes.add('pub-date', `a "${type}" date (${date}) left out`);
  }
  return out;
}

function journalFacts(jm: XElement | undefined, notes: Notes): JournalFacts {
  const issn: JournalFacts['issn'] = {};
  for (const i of kids(jm, 'issn')) {
    const value = issnOf(textOf(i), notes, 'issn');
    if (!value) continue;
    const kind = (attr(i, 'pub-type') ?? attr(i, 'publication-format') ?? '').toLowerCase();
    if (kind === 'epub' || kind === 'electronic') issn.electronic ??= value;
    else if (kind === 'ppub' || kind === 'print') issn.print ??= value;
    else {
      notes.add('issn', `ISSN ${value} without a print/electronic type written as print`);
      issn.print ??= value;
    }
  }
  let title = textOf(path(jm, 'journal-title-group', 'journal-title')) ?? textOf(kid(jm, 'journal-title'));
  const nlm = textOf(kids(jm, 'journal-id').find((i) => attr(i, 'journal-id-type') === 'nlm-ta'));
  if (!title && nlm) {
    notes.add('journal-title', `no journal title: the NLM title abbreviation "${nlm}" is used`);
    title = nlm;
  }
  const abbrev = textOf(path(jm, 'journal-title-group', 'abbrev-journal-title')) ?? textOf(kid(jm, 'abbrev-journal-title'));
  const publisher = textOf(path(jm, 'publisher', 'publisher-name'));
  const place = textOf(path(jm, 'publisher', 'publisher-loc'));
  return {
    ...(title ? { title } : {}),
    ...(abbrev ? { abbrev_title: abbrev } : {}),
    issn,
    ...(publisher ? { publisher: { name: publisher, ...(place ? { place } : {}) } } : {}),
  };
}

function titlesOf(meta: XElement, language: string | undefined, notes: Notes): Pick<ArticleInput, 'title' | 'subtitle' | 'translated_titles'> {
  const group = kid(meta, 'title-group');
  const title = markupOf(kid(group, 'article-title')?.children, notes, 'article-title') ?? '';
  const subtitle = markupOf(kid(group, 'subtitle')?.children, notes, 'subtitle');
  if (kid(group, 'alt-title')) notes.add('alt-title', 'alternative (running) titles left out');
  const translated: NonNullable<ArticleInput['translated_titles']> = {};
  const transGroups = [...kids(group, 'trans-title-group'), ...kids(group, 'trans-title').map((t) => ({ ...t, children: [t] }))];
  for (const g of transGroups) {
    const t = kid(g, 'trans-title');
    const lang = langOf(attr(g, 'lang') ?? attr(t, 'lang'));
    const text = markupOf(t?.children, notes, 'trans-title');
    const sub = markupOf(kid(g, 'trans-subtitle')?.children, notes, 'trans-subtitle');
    if (!text) notes.add('trans-title', 'an empty translated title ignored');
    else if (!lang || lang === language) notes.add('trans-title', `translated title "${text}" ${lang ? `in the article's own language ${lang}` : 'without a language'}: left out`);
    else translated[lang] = sub ? { title: text, subtitle: sub } : text;
  }
  return { title, ...(subtitle ? { subtitle } : {}), ...(Object.keys(translated).length > 0 ? { translated_titles: translated } : {}) };
}

function abstractsOf(meta: XElement, language: string | undefined, notes: Notes): ArticleInput['abstract'] {
  const out: Record<string, string> = {};
  for (const a of [...kids(meta, 'abstract'), ...kids(meta, 'trans-abstract')]) {
    const lang = langOf(attr(a, 'lang')) ?? (a.name === 'abstract' ? (language ?? UNKNOWN_LANG) : undefined);
    const type = attr(a, 'abstract-type');
    if (!lang) {
      notes.add('trans-abstract', 'a translated abstract without a language: left out');
      continue;
    }
    if ((type && type !== 'abstract') || out[lang] !== undefined) {
      notes.add('abstract', `${type ? `a "${type}" abstract` : `a second abstract in ${lang}`} left out: the model holds one abstract per language`);
      continue;
    }
    if (find(a, 'object-id').length > 0) notes.add('abstract', 'component DOIs (object-id) of abstracts left out');
    const paragraphs = paragraphsOf(a.children.filter((c) => !(typeof c !== 'string' && c.name === 'object-id')), notes, 'abstract');
    if (paragraphs.length > 0) out[lang] = paragraphs.join('\n\n');
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A `kwd-group-type` that names the authors' own keywords; any other type is a classification scheme. */
const isAuthorKeywords = (type: string): boolean => /author|keyword/i.test(type);

/** Typed keyword groups (JEL codes, research organisms, subject schemes), kept with their scheme. */
function classificationsOf(meta: XElement, notes: Notes): NonNullable<ArticleInput['classifications']> {
  const out: NonNullable<ArticleInput['classifications']> = [];
  for (const g of kids(meta, 'kwd-group')) {
    const scheme = attr(g, 'kwd-group-type')?.trim();
    if (!scheme || isAuthorKeywords(scheme)) continue;
    const terms = find(g, 'kwd').map((k) => plainOf(k.children, notes, 'kwd')).filter((t): t is string => t !== undefined);
    if (terms.length === 0) continue;
    if (scheme.length > 64) {
      notes.add('kwd-group', `"${scheme.slice(0, 40)}…" keywords left out: a scheme's name is at most 64 characters`);
      continue;
    }
    const lang = langOf(attr(g, 'lang'));
    out.push({ scheme, terms: [...new Set(terms)], ...(lang ? { language: lang } : {}) });
  }
  return out;
}

function keywordsOf(meta: XElement, language: string | undefined, notes: Notes): ArticleInput['keywords'] {
  const out: Record<string, string[]> = {};
  for (const g of kids(meta, 'kwd-group')) {
    const lang = langOf(attr(g, 'lang')) ?? language ?? UNKNOWN_LANG;
    const type = attr(g, 'kwd-group-type');
    if (type && !isAuthorKeywords(type)) continue; // a classification (classificationsOf)
    const terms = find(g, 'kwd').map((k) => plainOf(k.children, notes, 'kwd')).filter((t): t is string => t !== undefined);
    if (terms.length > 0) out[lang] = [...new Set([...(out[lang] ?? []), ...terms])];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function licenseOf(meta: XElement, notes: Notes): LicenseInput | undefined {
  const perms = kid(meta, 'permissions');
  if (!perms) return undefined;
  const lic = kids(perms, 'license')[0];
  if (kids(perms, 'license').length > 1) notes.add('license', 'further licences left out');
  const href = attr(lic, 'href') ?? textOf(find(perms, 'license_ref')[0]) ?? [...find(lic, 'ext-link'), ...find(lic, 'uri')].map((l) => attr(l, 'href') ?? textOf(l)).find((h) => h && /licen[cs]e|creativecommons/i.test(h));
  const holder = textOf(kid(perms, 'copyright-holder'));
  const year = Number(textOf(kid(perms, 'copyright-year')));
  if (kid(perms, 'copyright-statement')) notes.add('copyright-statement', `"${textOf(kid(perms, 'copyright-statement')) ?? ''}" left out (the model holds holder and year)`);
  if (lic && !href) notes.add('license', `a licence without a URL ("${(textOf(lic) ?? '').slice(0, 80)}"): left out`);
  const url = urlOf(href, notes, 'license');
  if (!url) {
    if (holder || year) notes.add('copyright', 'copyright holder and year left out: the model holds them with a licence URL');
    return undefined;
  }
  return { url, ...(holder ? { copyright_holder: holder } : {}), ...(Number.isInteger(year) && year >= 1000 && year <= 9999 ? { copyright_year: year } : {}) };
}

function fundingOf(meta: XElement, notes: Notes): FundingInput[] {
  const out: FundingInput[] = [];
  for (const group of find(meta, 'award-group')) {
    const sources = kids(group, 'funding-source');
    const awards = kids(group, 'award-id').map((a) => textOf(a)).filter((a): a is string => a !== undefined);
    for (const s of sources) {
      const id = find(s, 'institution-id')[0] ?? (attr(s, 'href') ? { name: 'institution-id', prefix: '', attrs: { 'institution-id-type': 'doi' }, children: [attr(s, 'href')!] } : undefined);
      const idText = textOf(id);
      const idType = (attr(id, 'institution-id-type') ?? '').toLowerCase();
      const doi = idText && (idType === 'fundref' || idType === 'doi' || /10\.13039\//.test(idText)) ? doiOf(/^\d+$/.test(idText) ? `10.13039/${idText}` : idText, notes, 'funding') : undefined;
      const ror = idText && (idType === 'ror' || /ror\.org/.test(idText)) ? rorOf(idText, notes, 'funding') : undefined;
      const name = textOf(kid(s, 'institution-wrap') ? kid(kid(s, 'institution-wrap'), 'institution') : { ...s, children: s.children.filter((c) => typeof c === 'string' || c.name !== 'institution-id') });
      if (!name) continue;
      out.push({ funder: { name, ...(doi ? { doi } : {}), ...(ror ? { ror } : {}) }, ...(awards.length > 0 ? { awards } : {}) });
    }
    if (sources.length === 0 && awards.length > 0) {
      out.push({ awards });
      notes.add('funding', `award ${awards.join(', ')} without a funder: kept without one (JATS states it in words; the Crossref deposit cannot carry it)`);
    }
  }
  if (find(meta, 'funding-statement').length > 0) notes.add('funding-statement', 'funding statements left out (the model holds funders and awards)');
  return out;
}

const RELATED: Readonly<Record<string, RelationInput['type']>> = {
  'corrected-article': 'correction-of',
  'retracted-article': 'retraction-of',
  'correction-forward': 'correction-of',
  'retraction-forward': 'retraction-of',
  'partial-retraction': 'retraction-of',
  'translated-article': 'translation-of',
  'object-of-concern': 'correction-of',
};

function relationsOf(meta: XElement, articleType: string | undefined, notes: Notes): RelationInput[] {
  const out: RelationInput[] = [];
  for (const r of kids(meta, 'related-article')) {
    const kind = attr(r, 'related-article-type') ?? '?';
    // A correction notice that points at the corrected article, whatever word the publisher chose.
    const type = RELATED[kind] ?? (articleType === 'correction' && /correct/i.test(kind) ? 'correction-of' : articleType === 'retraction' && /retract/i.test(kind) ? 'retraction-of' : undefined);
    const target = attr(r, 'href') ?? textOf(r);
    const doi = (attr(r, 'ext-link-type') ?? 'doi') === 'doi' || /10\.\d{4,9}\//.test(target ?? '') ? doiOf(target, notes, 'related-article') : undefined;
    if (type && doi && !(kind.endsWith('forward'))) out.push({ type, doi });
    else notes.add('related-article', `"${kind}" link to ${target ?? '?'} is not a relation the model holds: left out`);
  }
  return out;
}

function sectionOf(meta: XElement): { id: string; title: string } | undefined {
  const heading = kids(kid(meta, 'article-categories'), 'subj-group').find((g) => attr(g, 'subj-group-type') === 'heading') ?? kids(kid(meta, 'article-categories'), 'subj-group')[0];
  const title = textOf(kid(heading, 'subject'));
  const id = title ? slugify(title) : '';
  return title && id ? { id, title } : undefined;
}

const LISTED = ['self-uri', 'custom-meta-group', 'counts', 'author-notes', 'product', 'supplementary-material', 'conference', 'isbn', 'issue-id', 'volume-id', 'article-version', 'event'];

function recordOf(article: XElement, options: ImportOptions): SourceRecord | string {
  const front = kid(article, 'front');
  const meta = kid(front, 'article-meta');
  if (!meta) return 'an article without front/article-meta';
  const doiText = textOf(kids(meta, 'article-id').find((i) => attr(i, 'pub-id-type') === 'doi'));
  const notes = Notes.create().scoped(doiText ?? textOf(path(meta, 'title-group', 'article-title')) ?? 'article');
  const doi = doiOf(doiText, notes, 'article-id');
  const title = textOf(path(meta, 'title-group', 'article-title'));
  // Only an article with no DOI at all may get one assigned: a malformed DOI is the source's, and stays reported.
  // A placeholder where the DOI goes ("TBD", "10.xxxx/…") is no DOI: with --assign-dois the article gets one, and the report says so.
  const withoutDoi = !doi && options.keepWithoutDoi ? { label: title ?? 'no title', ...sourceId(meta) } : undefined;
  if (withoutDoi && doiText !== undefined) notes.add('article-id', `"${doiText}" is not a DOI: treated as no DOI, so one is assigned`);
  if (!doi && doiText !== undefined && !withoutDoi) return `an article whose DOI the model cannot take (${title ?? 'no title'}: ${doiText}): correct it in the source, add it by hand, or import with --assign-dois <template> to give it one`;
  if (!doi && !withoutDoi) return `an article without a DOI (${title ?? 'no title'}): the model requires one (import with --assign-dois <template>, or add it by hand)`;
  for (const id of kids(meta, 'article-id')) if (attr(id, 'pub-id-type') !== 'doi') notes.add('article-id', `${attr(id, 'pub-id-type') ?? 'other'} id ${textOf(id) ?? ''} left out`);
  const language = langOf(attr(article, 'lang'));
  const articleType = attr(article, 'article-type');
  if (articleType && !['research-article', 'article', 'other'].includes(articleType)) notes.add('article-type', `"${articleType}" is not held by the model (relations to corrected or retracted articles are)`);
  const dates = pubDates(meta, notes);
  const history = kid(meta, 'history');
  const historyDate = (type: string): string | undefined => dateOf(kids(history, 'date').find((d) => attr(d, 'date-type') === type));
  for (const d of kids(history, 'date')) if (!['received', 'accepted'].includes(attr(d, 'date-type') ?? '')) notes.add('history', `"${attr(d, 'date-type') ?? '?'}" date left out`);
  const received = historyDate('received');
  const accepted = historyDate('accepted');
  const elocation = textOf(kid(meta, 'elocation-id'));
  const pages = pagesOf(textOf(kid(meta, 'fpage')), textOf(kid(meta, 'lpage')), notes);
  if (kid(meta, 'page-range')) notes.add('page-range', `"${textOf(kid(meta, 'page-range')) ?? ''}" left out (first and last page kept)`);
  const articleNumber = printedText(elocation, notes, 'elocation-id');
  const section = sectionOf(meta);
  for (const name of LISTED) if (kid(meta, name)) notes.add(name, 'not held by the model: left out');
  if (kids(article, 'sub-article').length > 0) notes.add('sub-article', `${kids(article, 'sub-article').length} sub-article(s) (reviews, translations, decision letters) not imported`);
  const volume = labelText(textOf(kid(meta, 'volume')), notes, 'volume');
  const number = labelText(textOf(kid(meta, 'issue')), notes, 'issue');
  const issueTitle = markupOf(kid(meta, 'issue-title')?.children, notes, 'issue-title');
  const published = { ...(dates.print ? { print: dates.print } : {}), ...(dates.online ? { online: dates.online } : {}) };
  // The collection date dates the printed issue: kept as the print date beside an online one (as the seed's issue has both).
  if (!dates.print && dates.collection) {
    published.print = dates.collection;
    notes.add('pub-date', `the collection date (${dates.collection}) written as the print date`);
  }
  const issue: IssueFacts = { ...(volume ? { volume } : {}), ...(number ? { number } : {}), ...(issueTitle ? { title: issueTitle } : {}), published: {}, ...(dates.collection ? { year: yearOf(dates.collection)! } : {}), ...(section ? { sections: [section] } : {}) };
  const t = titlesOf(meta, language, notes);
  if (!t.title) notes.add('article-title', 'no title in the source: the article file needs one');
  const abs = abstractsOf(meta, language, notes);
  const kw = keywordsOf(meta, language, notes);
  const classifications = classificationsOf(meta, notes);
  const lic = licenseOf(meta, notes);
  const funds = fundingOf(meta, notes);
  const rels = relationsOf(meta, articleType, notes);
  const refs = referencesOf(article, notes);
  const hasPublished = Object.keys(published).length > 0;
  const articleInput = {
    doi: doi ?? '',
    ...(language ? { language } : {}),
    ...(section ? { section: section.id } : {}),
    ...t,
    contributors: contributorsOf(meta, affiliationIndex(meta), notes),
    ...(abs ? { abstract: abs } : {}),
    ...(kw ? { keywords: kw } : {}),
    ...(classifications.length > 0 ? { classifications } : {}),
    ...(pages ? { pages } : {}),
    ...(articleNumber ? { article_number: articleNumber } : {}),
    ...(hasPublished || received || accepted ? { dates: { ...(received ? { received } : {}), ...(accepted ? { accepted } : {}), ...(hasPublished ? { published } : {}) } } : {}),
    ...(lic ? { license: lic } : {}),
    ...(funds.length > 0 ? { funding: funds } : {}),
    ...(refs.length > 0 ? { references: refs } : {}),
    ...(rels.length > 0 ? { relations: rels } : {}),
  } as ArticleInput;
  return { journal: journalFacts(kid(front, 'journal-meta'), notes), issue, article: articleInput, notes, ...(withoutDoi ? { withoutDoi } : {}) };
}

/** The source's own id of the article, for a DOI template's {id}: its publisher-id, else its first id that is not a DOI. */
function sourceId(meta: XElement): { id?: string } {
  const ids = kids(meta, 'article-id').filter((i) => attr(i, 'pub-id-type') !== 'doi');
  const id = textOf(ids.find((i) => attr(i, 'pub-id-type') === 'publisher-id') ?? ids[0]);
  return id ? { id } : {};
}

/** Maps a JATS or NLM article (text) to issue groups. */
export function importJats(text: string, options: ImportOptions = {}): ImportOutcome {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  const articles = parsed.root.name === 'article' ? [parsed.root] : find(parsed.root, 'article');
  if (articles.length === 0) return { ok: false, error: `not JATS: the root element is <${parsed.root.name}> and holds no <article>` };
  const fileNotes = Notes.create();
  const records: SourceRecord[] = [];
  for (const a of articles) {
    const r = recordOf(a, options);
    if (typeof r === 'string') fileNotes.add('', `article skipped: ${r}`);
    else records.push(r);
  }
  if (records.length === 0) return { ok: false, error: fileNotes.list.join('; ') };
  return { ok: true, results: assemble(records, fileNotes) };
}
