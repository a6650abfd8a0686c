/**
 * OJS native XML (import/export plugin) → records: `issues`, `issue` or a single `article`, in
 * the OJS 2.x DTD layout (`section/article`, `firstname`), the OJS 3.0/3.1 layout
 * (`articles/article`, `givenname`) and the OJS 3.2+ layout (`article/publication`).
 * Localised fields carry `locale`; the article's own locale is its language.
 * https://docs.pkp.sfu.ca/admin-guide/en/data-import-and-export , plugins/importexport/native/native.xsd
 */
import type { ArticleInput } from '#core/model/index';
import { assemble } from './assemble.ts';
import { parseFragment } from './html.ts';
import { markupOf, paragraphsOf } from './inline.ts';
import { Notes } from './notes.ts';
import { affiliation, organization, person, type AffiliationInput } from './people.ts';
import type { ContributorInput, ImportOptions, ImportOutcome, IssueFacts, JournalFacts, LicenseInput, ReferenceInput, SourceRecord } from './record.ts';
import { reference } from './references.ts';
import { baseLang, doiOf, isoDateText, labelText, pagesOf, urlOf, yearOf } from './values.ts';
import { slugify } from './files.ts';
import { attr, isElement, kid, kids, parseXml, textOf, type XElement } from './xml.ts';

type Localised = { lang: string | undefined; node: XElement };

/** Every child `name` with its language (from `locale`; an empty locale is the default). */
const localised = (node: XElement | undefined, name: string, fallback: string | undefined): Localised[] =>
  kids(node, name).map((n) => ({ lang: baseLang(attr(n, 'locale')) ?? fallback, node: n }));

/** Text with HTML (OJS stores titles, abstracts and citations as escaped HTML) → markup; markup as elements is read as is. */
const htmlMarkup = (node: XElement | undefined, notes: Notes, field: string): string | undefined => {
  if (node?.children.some(isElement)) return markupOf(node.children, notes, field);
  const text = textOf(node);
  return text === undefined ? undefined : markupOf(parseFragment(text).nodes, notes, field);
};

function titles(pub: XElement, lang: string | undefined, notes: Notes): Pick<ArticleInput, 'title' | 'subtitle' | 'translated_titles'> {
  const prefixes = new Map(localised(pub, 'prefix', lang).map((p) => [p.lang, textOf(p.node)]));
  const subtitles = new Map(localised(pub, 'subtitle', lang).map((s) => [s.lang, htmlMarkup(s.node, notes, 'subtitle')]));
  let title = '';
  let subtitle: string | undefined;
  const translated: NonNullable<ArticleInput['translated_titles']> = {};
  for (const t of localised(pub, 'title', lang)) {
    const prefix = prefixes.get(t.lang);
    const text = htmlMarkup(t.node, notes, 'title');
    if (!text) continue;
    if (prefix) notes.add('prefix', `the title prefix "${prefix}" is written in front of the title`);
    const full = prefix ? `${prefix} ${text}` : text;
    const sub = subtitles.get(t.lang);
    if (t.lang === lang || (!title && t.lang === undefined)) {
      title = full;
      subtitle = sub;
    } else if (t.lang) translated[t.lang] = sub ? { title: full, subtitle: sub } : full;
  }
  if (!title) {
    const [first] = Object.entries(translated);
    if (first) {
      notes.add('title', `no title in the article's locale: the ${first[0]} title is used`);
      title = typeof first[1] === 'string' ? first[1] : first[1].title;
      delete translated[first[0]];
    }
  }
  return { title, ...(subtitle ? { subtitle } : {}), ...(Object.keys(translated).length > 0 ? { translated_titles: translated } : {}) };
}

function authors(pub: XElement, lang: string | undefined, notes: Notes): ContributorInput[] {
  const list = [...kids(kid(pub, 'authors'), 'author'), ...kids(pub, 'author')];
  const primaryId = attr(pub, 'primary_contact_id');
  const out: ContributorInput[] = [];
  list.forEach((a, k) => {
    const field = `authors[${k}]`;
    const pick = (names: string[]): string | undefined => {
      for (const name of names) {
        const all = localised(a, name, lang);
        const hit = all.find((x) => x.lang === lang) ?? all[0];
        if (hit && textOf(hit.node)) return textOf(hit.node);
      }
      return undefined;
    };
    const given = [pick(['givenname', 'firstname']), pick(['middlename'])].filter(Boolean).join(' ') || undefined;
    const family = pick(['familyname', 'lastname']);
    const affs = localised(a, 'affiliation', lang)
      .filter((x, _n, all) => x.lang === lang || all.length === 1)
      .map((x, n) => affiliation({ name: textOf(x.node), country: textOf(kid(a, 'country')) }, notes, `${field}.affiliation[${n}]`))
      .filter((x): x is AffiliationInput => x !== undefined);
    if (localised(a, 'affiliation', lang).length > affs.length && affs.length > 0) notes.add(field, 'affiliations in other locales left out');
    const role = attr(a, 'user_group_ref');
    const corresponding = attr(a, 'primary_contact') === 'true' || (primaryId !== undefined && attr(a, 'id') === primaryId);
    for (const name of ['biography', 'url', 'competing_interests']) if (kid(a, name) && textOf(kid(a, name))) notes.add(field, `${name} left out`);
    const src = { given, family, orcid: textOf(kid(a, 'orcid')), email: textOf(kid(a, 'email')), role: ojsRole(role), corresponding, affiliations: affs };
    const c = family || given ? person(src, notes, field) : organization(undefined, src, notes, field);
    if (c) out.push(c);
  });
  return out;
}

/** OJS user groups are site-defined names; authors are "Author" (and staff who submitted, e.g. "Journal manager"). */
const ojsRole = (group: string | undefined): string => (group && /translat/i.test(group) ? 'translator' : group && /editor/i.test(group) && !/manager/i.test(group) ? 'editor' : 'author');

function licenseOf(pub: XElement, article: XElement, notes: Notes): LicenseInput | undefined {
  const perms = kid(article, 'permissions');
  const url = urlOf(textOf(kid(pub, 'licenseUrl')) ?? textOf(kid(article, 'licenseUrl')) ?? textOf(kid(perms, 'license_url')), notes, 'licenseUrl');
  const holder = textOf(kid(pub, 'copyrightHolder')) ?? textOf(kid(article, 'copyrightHolder')) ?? textOf(kid(perms, 'copyright_holder')) ?? textOf(kid(article, 'copyright_holder'));
  const yearText = textOf(kid(pub, 'copyrightYear')) ?? textOf(kid(article, 'copyrightYear')) ?? textOf(kid(perms, 'copyright_year')) ?? textOf(kid(article, 'copyright_year'));
  const year = Number(yearText);
  if (!url) {
    if (holder || yearText) notes.add('copyright', 'copyright holder and year left out: the model holds them with a licence URL');
    return undefined;
  }
  return { url, ...(holder ? { copyright_holder: holder } : {}), ...(Number.isInteger(year) && year >= 1000 && year <= 9999 ? { copyright_year: year } : {}) };
}

function galleys(pub: XElement, notes: Notes): NonNullable<ArticleInput['galleys']> {
  const out: NonNullable<ArticleInput['galleys']> = [];
  for (const g of [...kids(pub, 'article_galley'), ...kids(pub, 'galley'), ...kids(pub, 'htmlgalley')]) {
    const label = textOf(kid(g, 'name')) ?? textOf(kid(g, 'label'));
    const remote = attr(kid(g, 'remote'), 'src');
    const url = remote ? urlOf(remote, notes, 'galley') : undefined;
    const format = /html/i.test(label ?? '') ? 'html' : /epub/i.test(label ?? '') ? 'epub' : /xml/i.test(label ?? '') ? 'xml' : 'pdf';
    if (url) out.push({ format, url, ...(label ? { label } : {}) });
    else notes.add('galley', `galley "${label ?? '?'}" is a file inside the export: not imported (copy the file beside the article and add it under galleys)`);
  }
  return out;
}

function referencesOf(pub: XElement, notes: Notes): ReferenceInput[] {
  const citations = kids(kid(pub, 'citations'), 'citation');
  return citations.map((c) => reference(htmlMarkup(c, notes, 'citations'), undefined, notes, 'citations')).filter((r): r is ReferenceInput => r !== undefined);
}

type IssueContext = { node: XElement | undefined; facts: IssueFacts; sections: Map<string, { id: string; title: string }> };

function issueContext(issue: XElement | undefined, notes: Notes): IssueContext {
  const ident = kid(issue, 'issue_identification') ?? issue;
  const volume = labelText(textOf(kid(ident, 'volume')), notes, 'volume');
  const number = labelText(textOf(kid(ident, 'number')), notes, 'number');
  const year = Number(textOf(kid(ident, 'year')));
  const title = htmlMarkup(kid(ident, 'title'), notes, 'issue title');
  const published = isoDateText(textOf(kid(issue, 'date_published')));
  const doi = doiOf(textOf(kids(issue, 'id').find((i) => attr(i, 'type') === 'doi')), notes, 'issue id');
  const sections = new Map<string, { id: string; title: string }>();
  for (const s of [...kids(kid(issue, 'sections'), 'section'), ...kids(issue, 'section')]) {
    const ref = attr(s, 'ref') ?? textOf(kid(s, 'abbrev'));
    const sectionTitle = textOf(kid(s, 'title'));
    const id = slugify(ref ?? sectionTitle ?? '');
    if (ref && id && sectionTitle) sections.set(ref, { id, title: sectionTitle });
  }
  if (kid(issue, 'description')) notes.add('issue description', 'left out (the model has no issue description)');
  const facts: IssueFacts = {
    ...(volume ? { volume } : {}),
    ...(number ? { number } : {}),
    ...(title ? { title } : {}),
    ...(doi ? { doi } : {}),
    published: published ? { online: published } : {},
    ...(Number.isInteger(year) && year >= 1000 ? { year } : {}),
  };
  return { node: issue, facts, sections };
}

function recordOf(article: XElement, issue: IssueContext, sectionRef: string | undefined, options: ImportOptions): SourceRecord | string {
  // OJS 3.2+: the metadata lives in the current publication; earlier: on the article itself.
  const pubs = kids(article, 'publication');
  const pub = pubs.find((p) => attr(p, 'id') === attr(article, 'current_publication_id')) ?? pubs.at(-1) ?? article;
  const lang = baseLang(attr(pub, 'locale') ?? attr(article, 'locale')) ?? baseLang(attr(article, 'language'));
  const name = textOf(kid(pub, 'title')) ?? 'article';
  const ids = [...kids(pub, 'id'), ...kids(article, 'id')];
  const doiText = textOf(ids.find((i) => attr(i, 'type') === 'doi')) ?? textOf(kid(pub, 'doiId'));
  const notes = Notes.create().scoped(doiText ?? name);
  const doi = doiOf(doiText, notes, 'id');
  // Only an article with no DOI at all may get one assigned: a malformed DOI is the source's, and stays reported.
  const withoutDoi = !doi && doiText === undefined && options.keepWithoutDoi ? { label: name, ...submissionId(article, pub) } : undefined;
  if (doiText !== undefined && !doi) return `"${name}" has a DOI the model cannot take (${doiText}): correct it in OJS before exporting, or add it by hand`;
  if (!doi && !withoutDoi) return `"${name}" has no DOI: the model requires one (assign DOIs in OJS before exporting, import with --assign-dois <template>, or add them by hand)`;
  if (pubs.length > 1) notes.add('publication', `${pubs.length - 1} earlier version(s) left out: the current publication is imported`);
  const t = titles(pub, lang, notes);
  const abstracts: Record<string, string> = {};
  for (const a of localised(pub, 'abstract', lang)) {
    const text = textOf(a.node);
    const paragraphs = text ? paragraphsOf(parseFragment(text).nodes, notes, 'abstract') : [];
    if (paragraphs.length > 0 && a.lang) abstracts[a.lang] = paragraphs.join('\n\n');
  }
  const keywords: Record<string, string[]> = {};
  for (const k of localised(pub, 'keywords', lang)) {
    const terms = kids(k.node, 'keyword').map((t) => textOf(t)).filter((t): t is string => t !== undefined);
    if (terms.length > 0 && k.lang) keywords[k.lang] = terms;
  }
  for (const name of ['disciplines', 'subjects', 'agencies', 'languages', 'coverage', 'rights', 'source', 'type', 'indexing', 'sponsor', 'supplementary_file', 'supplemental_file', 'artwork_file', 'covers']) {
    if (kid(pub, name) || kid(article, name)) notes.add(name, 'not held by the model: left out');
  }
  const published = isoDateText(attr(pub, 'date_published') ?? attr(article, 'date_published') ?? textOf(kid(pub, 'date_published')) ?? textOf(kid(article, 'date_published')));
  const pages = pagesOf(textOf(kid(pub, 'pages')), undefined, notes);
  const section = sectionRef ?? attr(pub, 'section_ref') ?? attr(article, 'section_ref');
  const sectionEntry = section ? issue.sections.get(section) : undefined;
  const license = licenseOf(pub, article, notes);
  const refs = referencesOf(pub, notes);
  const files = galleys(pub, notes);
  const articleInput = {
    doi: doi ?? '',
    ...(lang ? { language: lang } : {}),
    ...(sectionEntry ? { section: sectionEntry.id } : {}),
    ...t,
    contributors: authors(pub, lang, notes),
    ...(Object.keys(abstracts).length > 0 ? { abstract: abstracts } : {}),
    ...(Object.keys(keywords).length > 0 ? { keywords } : {}),
    ...(pages ? { pages } : {}),
    ...(published ? { dates: { published: { online: published } } } : {}),
    ...(license ? { license } : {}),
    ...(refs.length > 0 ? { references: refs } : {}),
    ...(files.length > 0 ? { galleys: files } : {}),
  } as ArticleInput;
  const issueFacts: IssueFacts = { ...issue.facts, ...(issue.sections.size > 0 ? { sections: [...issue.sections.values()] } : {}) };
  if (issueFacts.year === undefined && published) issueFacts.year = yearOf(published)!;
  const journal: JournalFacts = { issn: {} };
  return { journal, issue: issueFacts, article: articleInput, notes, ...(withoutDoi ? { withoutDoi } : {}) };
}

/** OJS's own id of the submission (what OJS's DOI patterns call the article id), for a DOI template's {id}. */
function submissionId(article: XElement, pub: XElement): { id?: string } {
  const ids = kids(article, 'id');
  const id = textOf(ids.find((i) => attr(i, 'type') === 'internal') ?? ids.find((i) => attr(i, 'type') === 'public')) ?? (attr(article, 'public_id') || undefined) ?? textOf(kids(pub, 'id').find((i) => attr(i, 'type') === 'public'));
  return id ? { id } : {};
}

/** Maps an OJS native XML export (text) to issue groups. */
export function importOjsNative(text: string, options: ImportOptions = {}): ImportOutcome {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  const root = parsed.root;
  const issues = root.name === 'issues' ? kids(root, 'issue') : root.name === 'issue' ? [root] : [];
  if (issues.length === 0 && root.name !== 'article' && root.name !== 'articles') return { ok: false, error: `not an OJS native export: the root element is <${root.name}>` };
  const fileNotes = Notes.create();
  fileNotes.add('', 'OJS exports carry no journal facts (title, ISSN, publisher): journal.yaml gets placeholders');
  const records: SourceRecord[] = [];
  const take = (article: XElement, issue: IssueContext, section: string | undefined): void => {
    const r = recordOf(article, issue, section, options);
    if (typeof r === 'string') fileNotes.add('', `article skipped: ${r}`);
    else records.push(r);
  };
  for (const issue of issues) {
    const ctx = issueContext(issue, fileNotes);
    for (const a of kids(kid(issue, 'articles'), 'article')) take(a, ctx, undefined);
    for (const s of kids(issue, 'section')) for (const a of kids(s, 'article')) take(a, ctx, attr(s, 'ref') ?? textOf(kid(s, 'abbrev')));
  }
  if (root.name === 'article' || root.name === 'articles') {
    const ctx = issueContext(undefined, fileNotes);
    for (const a of root.name === 'article' ? [root] : kids(root, 'article')) take(a, ctx, undefined);
  }
  const skipped = fileNotes.list.filter((n) => n.startsWith('article skipped'));
  if (records.length === 0) return { ok: false, error: `no importable article: ${skipped.join('; ') || 'the export holds none'}` };
  return { ok: true, results: assemble(records, fileNotes) };
}
