/**
 * One Crossref `journal_article` (deposit schema 4.x/5.x, unixref, unixsd) → the article file.
 * https://data.crossref.org/reports/help/schema_doc/5.3.1/index.html
 */
import type { ArticleInput } from '#core/model/index';
import { UNKNOWN_LANG } from './assemble.ts';
import { fundingOf, historyOf, licenseOf, otherAssertions, relationsOf } from './crossref-programs.ts';
import { markupOf, paragraphsOf, plainOf } from './inline.ts';
import type { Notes } from './notes.ts';
import { affiliation, checkSequence, organization, person, type AffiliationInput } from './people.ts';
import type { ContributorInput, ReferenceInput } from './record.ts';
import { composeCitation, reference, referenceTypeOf, type CitationParts } from './references.ts';
import { dateText, doiOf, langOf, pagesOf, printedText } from './values.ts';
import { attr, kid, kids, path, textOf, type XElement } from './xml.ts';

/** `publication_date` elements by media type: print, online (`other` counts as online, noted). */
export function publicationDates(parent: XElement | undefined, notes: Notes): { print?: string; online?: string } {
  const out: { print?: string; online?: string } = {};
  for (const d of kids(parent, 'publication_date')) {
    const date = dateText(textOf(kid(d, 'year')), textOf(kid(d, 'month')), textOf(kid(d, 'day')));
    if (!date) continue;
    const media = attr(d, 'media_type') ?? 'print';
    if (media === 'other') notes.add('publication_date', `a date of media type "other" (${date}) written as the online date`);
    const key = media === 'print' ? 'print' : 'online';
    out[key] ??= date;
  }
  return out;
}

function affiliations(p: XElement, notes: Notes, field: string): AffiliationInput[] {
  const out: AffiliationInput[] = [];
  // Schema 4.x: one <affiliation> text per institution.
  kids(p, 'affiliation').forEach((a, k) => {
    const aff = affiliation({ name: textOf(a) }, notes, `${field}.affiliation[${k}]`);
    if (aff) out.push(aff);
  });
  // Schema 5.x: <affiliations><institution> with name, ids, department, place.
  kids(kid(p, 'affiliations'), 'institution').forEach((inst, k) => {
    const name = textOf(kid(inst, 'institution_name'));
    const department = textOf(kid(inst, 'institution_department'));
    const place = textOf(kid(inst, 'institution_place'));
    const ror = kids(inst, 'institution_id').find((i) => attr(i, 'type') === 'ror');
    for (const id of kids(inst, 'institution_id')) if (id !== ror) notes.add(`${field}.affiliations`, `${attr(id, 'type') ?? 'other'} id ${textOf(id) ?? ''} left out (the model holds ROR ids)`);
    if (kid(inst, 'institution_acronym')) notes.add(`${field}.affiliations`, 'institution acronyms left out');
    const full = name ? [department, name, place].filter((p) => p !== undefined).join(', ') : undefined;
    const aff = affiliation({ name: full, ror: textOf(ror) }, notes, `${field}.affiliations[${k}]`);
    if (aff) out.push(aff);
  });
  return out;
}

function contributors(article: XElement, notes: Notes): ContributorInput[] {
  const list = kids(kid(article, 'contributors'));
  checkSequence(list.map((c) => attr(c, 'sequence')), notes);
  const out: ContributorInput[] = [];
  list.forEach((c, k) => {
    const field = `contributors[${k}]`;
    const role = attr(c, 'contributor_role');
    if (c.name === 'person_name') {
      if (kid(c, 'alt-name')) notes.add(field, 'alternative names (alt-name) left out');
      const p = person({ given: textOf(kid(c, 'given_name')), family: textOf(kid(c, 'surname')), suffix: textOf(kid(c, 'suffix')), orcid: textOf(kid(c, 'ORCID')), role, affiliations: affiliations(c, notes, field) }, notes, field);
      if (p) out.push(p);
    } else if (c.name === 'organization') {
      const o = organization(textOf(c), { role }, notes, field);
      if (o) out.push(o);
    } else notes.add(field, `<${c.name}> contributor (${role ?? 'no role'}) is not held by the model: left out`);
  });
  return out;
}

function titles(article: XElement, language: string | undefined, notes: Notes): Pick<ArticleInput, 'title' | 'subtitle' | 'translated_titles'> {
  const groups = kids(article, 'titles');
  const first = groups[0];
  if (groups.length > 1) notes.add('titles', `${groups.length - 1} further title group(s) left out`);
  const title = markupOf(kid(first, 'title')?.children, notes, 'title') ?? '';
  const subtitle = markupOf(kid(first, 'subtitle')?.children, notes, 'subtitle');
  if (kids(first, 'title').length > 1) notes.add('title', 'further titles in the same group left out');
  const translated: NonNullable<ArticleInput['translated_titles']> = {};
  for (const o of kids(first, 'original_language_title')) {
    const text = markupOf(o.children, notes, 'original_language_title');
    const lang = langOf(attr(o, 'language'));
    if (!text) notes.add('original_language_title', 'an empty original-language title ignored');
    else if (!lang) notes.add('original_language_title', `original-language title without a language ("${text}"): left out`);
    else if (lang === language) notes.add('original_language_title', `original-language title in the article's own language ${lang}: left out`);
    else translated[lang] = text;
  }
  return { title, ...(subtitle ? { subtitle } : {}), ...(Object.keys(translated).length > 0 ? { translated_titles: translated } : {}) };
}

/** A record whose main title is empty but which has one original-language title: that title is the title, in its language. */
function promoteOriginal(t: Pick<ArticleInput, 'title' | 'subtitle' | 'translated_titles'>, language: string | undefined, notes: Notes): { titles: typeof t; language: string | undefined } {
  const originals = Object.entries(t.translated_titles ?? {});
  if (t.title || originals.length !== 1) return { titles: t, language };
  const [lang, title] = originals[0]!;
  notes.add('title', `the title is empty: the original-language title (${lang}) is written as the title, in ${lang}`);
  return { titles: { title: typeof title === 'string' ? title : title.title }, language: lang };
}

function abstracts(article: XElement, language: string | undefined, notes: Notes): ArticleInput['abstract'] {
  const out: Record<string, string> = {};
  for (const a of kids(article, 'abstract')) {
    const lang = langOf(attr(a, 'lang')) ?? language ?? UNKNOWN_LANG;
    const type = attr(a, 'abstract-type');
    if (type || out[lang] !== undefined) {
      notes.add('abstract', `${type ? `a "${type}" abstract` : `a second abstract in ${lang}`} left out: the model holds one abstract per language`);
      continue;
    }
    const paragraphs = paragraphsOf(a.children, notes, 'abstract');
    if (paragraphs.length > 0) out[lang] = paragraphs.join('\n\n');
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A citation: its printed form when deposited, else its parts in one reading order. */
function citation(c: XElement, notes: Notes): ReferenceInput | undefined {
  const field = 'references';
  const doi = doiOf(textOf(kid(c, 'doi')), notes, field);
  const text = (name: string): string | undefined => textOf(kid(c, name));
  const container = kid(c, 'journal_title') ?? kid(c, 'volume_title') ?? kid(c, 'series_title');
  const parts: CitationParts = {
    printed: markupOf(kid(c, 'unstructured_citation')?.children, notes, field),
    type: referenceTypeOf(attr(c, 'type')),
    // Crossref's `author` is the first author, usually the surname alone.
    authors: kids(c, 'author').map((a) => textOf(a)).filter((a): a is string => a !== undefined).map((a) => ({ family_name: a })),
    year: text('cYear'),
    title: markupOf(kid(c, 'article_title')?.children, notes, field),
    container: markupOf(container?.children, notes, field),
    edition: text('edition_number'),
    volume: text('volume'),
    issue: text('issue'),
    firstPage: text('first_page'),
    articleNumber: text('elocation_id'),
    isbn: text('isbn'),
    issn: text('issn'),
    other: [text('component_number'), text('std_designator')].filter((s): s is string => typeof s === 'string'),
  };
  return reference(composeCitation(parts, notes, field), doi, notes, field, parts);
}

/** The article file of one `journal_article`, or a reason it has none. */
export function articleOf(article: XElement, notes: Notes): ArticleInput | string {
  const doiText = textOf(path(article, 'doi_data', 'doi'));
  const doi = doiOf(doiText, notes, 'doi');
  if (!doi) return `a journal_article without a usable DOI (${doiText ?? 'none'})`;
  const stated = langOf(attr(article, 'language'));
  const dates = publicationDates(article, notes);
  const languageForAbstract = stated;
  const accepted = (() => {
    const a = kid(article, 'acceptance_date');
    return a ? dateText(textOf(kid(a, 'year')), textOf(kid(a, 'month')), textOf(kid(a, 'day'))) : historyOf(article, 'accepted');
  })();
  const received = historyOf(article, 'received');
  const pages = kid(article, 'pages');
  if (kid(pages, 'other_pages')) notes.add('pages', `other pages "${textOf(kid(pages, 'other_pages')) ?? ''}" left out`);
  const item = kid(article, 'publisher_item');
  const itemNumber = kids(item, 'item_number').find((n) => (attr(n, 'item_number_type') ?? 'article_number') === 'article_number');
  for (const id of kids(item, 'identifier')) notes.add('publisher_item', `${attr(id, 'id_type') ?? 'other'} identifier ${textOf(id) ?? ''} left out`);
  const articleNumber = printedText(textOf(itemNumber), notes, 'article_number');
  const license = licenseOf(article, notes);
  const funding = fundingOf(article, notes);
  const relations = relationsOf(article, doi, notes);
  otherAssertions(article, notes);
  const references = kids(kid(article, 'citation_list'), 'citation')
    .map((c) => citation(c, notes))
    .filter((r): r is ReferenceInput => r !== undefined);
  for (const name of ['component_list', 'archive_locations', 'scn_policies', 'crossmark_policy']) if (kid(article, name)) notes.add(name, 'not held by the model: left out');
  if (kid(article, 'crossmark')) notes.add('crossmark', 'Crossmark policy and domains left out (they are the journal\'s Crossref settings)');
  const resource = textOf(path(article, 'doi_data', 'resource'));
  if (resource) notes.add('doi_data.resource', `the registered landing page ${resource} is replaced by Colophon's own`);
  const keywords = plainOf(kid(article, 'keywords')?.children, notes, 'keywords');
  if (keywords) notes.add('keywords', 'Crossref keywords are not a list the model reads: left out');
  const { titles: t, language } = promoteOriginal(titles(article, stated, notes), stated, notes);
  if (!t.title) notes.add('title', 'no title in the source: the article file needs one');
  const abs = abstracts(article, language ?? languageForAbstract, notes);
  const p = pagesOf(textOf(kid(pages, 'first_page')), textOf(kid(pages, 'last_page')), notes);
  const hasDates = dates.print || dates.online;
  return {
    doi,
    ...(language ? { language } : {}),
    ...t,
    contributors: contributors(article, notes),
    ...(abs ? { abstract: abs } : {}),
    ...(p ? { pages: p } : {}),
    ...(articleNumber ? { article_number: articleNumber } : {}),
    ...(hasDates || received || accepted ? { dates: { ...(received ? { received } : {}), ...(accepted ? { accepted } : {}), ...(hasDates ? { published: dates } : {}) } } : {}),
    ...(license ? { license } : {}),
    ...(funding.length > 0 ? { funding } : {}),
    ...(references.length > 0 ? { references } : {}),
    ...(relations.length > 0 ? { relations } : {}),
  } as ArticleInput;
}
