/**
 * Crossref XML → records: a deposit (`doi_batch`, schema 4.x and 5.x, any namespace version),
 * a registered record (`unixref` `doi_records`/`crossref`, an OAI-PMH `record` or response
 * around them, or `unixsd` `crossref_result`). Every `journal` in the file is read; other
 * record types (posted content, peer reviews, books) are listed and skipped.
 * https://www.crossref.org/documentation/schema-library/
 */
import { assemble } from './assemble.ts';
import { articleOf, publicationDates } from './crossref-article.ts';
import { Notes } from './notes.ts';
import type { ImportOutcome, IssueFacts, JournalFacts, SourceRecord } from './record.ts';
import { doiOf, issnOf, labelText, langOf } from './values.ts';
import { markupOf } from './inline.ts';
import { attr, find, isElement, kid, kids, parseXml, path, textOf, type XElement } from './xml.ts';

const ROOTS = new Set(['doi_batch', 'doi_records', 'doi_record', 'crossref', 'crossref_result', 'record', 'OAI-PMH']);
const OTHER_WORKS = ['book', 'conference', 'posted_content', 'peer_review', 'database', 'dissertation', 'report-paper', 'standard', 'sa_component', 'pending_publication', 'grant'];

function journalFacts(meta: XElement | undefined, head: XElement | undefined, publisher: string | undefined, notes: Notes): JournalFacts {
  const issn: JournalFacts['issn'] = {};
  for (const i of kids(meta, 'issn')) {
    const value = issnOf(textOf(i), notes, 'journal_metadata.issn');
    if (!value) continue;
    const media = attr(i, 'media_type') ?? 'print';
    if (media === 'electronic') issn.electronic ??= value;
    else issn.print ??= value;
  }
  if (kids(meta, 'issn').some((i) => attr(i, 'media_type') === undefined)) notes.add('journal_metadata.issn', 'an ISSN without media_type written as print (Crossref\'s default)');
  if (kid(meta, 'coden')) notes.add('journal_metadata.coden', 'CODEN left out');
  const journalDoi = textOf(path(meta, 'doi_data', 'doi'));
  if (journalDoi) notes.add('journal_metadata.doi_data', `the journal's own DOI ${journalDoi} is not held by the model: left out`);
  const depositorName = textOf(path(head, 'depositor', 'depositor_name'));
  const depositorEmail = textOf(path(head, 'depositor', 'email_address'));
  const registrant = textOf(kid(head, 'registrant'));
  const title = textOf(kid(meta, 'full_title'));
  const abbrev = textOf(kid(meta, 'abbrev_title'));
  const name = publisher ?? registrant;
  if (!publisher && registrant) notes.add('publisher', `no publisher in the source: the registrant "${registrant}" is written as publisher`);
  return {
    ...(title ? { title } : {}),
    ...(abbrev ? { abbrev_title: abbrev } : {}),
    issn,
    ...(langOf(attr(meta, 'language')) ? { language: langOf(attr(meta, 'language'))! } : {}),
    ...(name ? { publisher: { name } } : {}),
    ...(depositorName && depositorEmail ? { depositor: { name: depositorName, email: depositorEmail } } : {}),
    ...(registrant ? { registrant } : {}),
  };
}

function issueFacts(issue: XElement | undefined, notes: Notes): IssueFacts {
  const volume = labelText(textOf(path(issue, 'journal_volume', 'volume')), notes, 'volume');
  const number = labelText(textOf(kid(issue, 'issue')), notes, 'issue');
  const published = publicationDates(issue, notes);
  const doi = doiOf(textOf(path(issue, 'doi_data', 'doi')), notes, 'journal_issue.doi');
  const title = markupOf(path(issue, 'titles', 'title')?.children, notes, 'journal_issue.title');
  if (kid(issue, 'special_numbering')) notes.add('journal_issue.special_numbering', `"${textOf(kid(issue, 'special_numbering')) ?? ''}" left out`);
  if (kid(issue, 'contributors')) notes.add('journal_issue.contributors', 'issue editors are not held by the model: left out');
  return { ...(volume ? { volume } : {}), ...(number ? { number } : {}), ...(doi ? { doi } : {}), ...(title ? { title } : {}), published };
}

/** The publisher name unixsd gives beside each record (`crm-item name="publisher-name"`). */
const crmPublisher = (query: XElement | undefined): string | undefined => textOf(kids(query, 'crm-item').find((c) => attr(c, 'name') === 'publisher-name'));

function recordsOf(root: XElement, fileNotes: Notes): SourceRecord[] {
  const head = root.name === 'doi_batch' ? kid(root, 'head') : undefined;
  const records: SourceRecord[] = [];
  const journals: { journal: XElement; publisher: string | undefined }[] = [];
  const queries = find(root, 'query');
  if (queries.length > 0) for (const q of queries) for (const j of find(q, 'journal')) journals.push({ journal: j, publisher: crmPublisher(q) });
  else for (const j of find(root, 'journal')) journals.push({ journal: j, publisher: undefined });
  for (const name of OTHER_WORKS) {
    const count = find(root, name).filter((w) => !journals.some((j) => j.journal === w)).length;
    if (count > 0) fileNotes.add('', `${count} <${name}> record(s) skipped: only journal articles are imported`);
  }
  for (const { journal, publisher } of journals) {
    const meta = kid(journal, 'journal_metadata');
    const issue = kid(journal, 'journal_issue');
    const articles = kids(journal, 'journal_article');
    if (articles.length === 0) fileNotes.add('', `a journal record without articles (${textOf(kid(meta, 'full_title')) ?? 'no title'}) skipped: issue-only records are not imported`);
    for (const a of articles) {
      const id = textOf(path(a, 'doi_data', 'doi')) ?? textOf(path(a, 'titles', 'title')) ?? 'journal_article';
      const notes = Notes.create().scoped(id);
      const article = articleOf(a, notes);
      if (typeof article === 'string') {
        fileNotes.add('', `record skipped: ${article}`);
        continue;
      }
      records.push({ journal: journalFacts(meta, head, publisher, notes), issue: issueFacts(issue, notes), article, notes });
    }
  }
  return records;
}

/** Maps Crossref deposit or record XML (text) to issue groups. */
export function importCrossrefXml(text: string): ImportOutcome {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  const root = parsed.root;
  if (!ROOTS.has(root.name)) return { ok: false, error: `not Crossref XML: the root element is <${root.name}> (expected doi_batch, doi_records, crossref or crossref_result)` };
  if (root.name === 'doi_batch' && kid(root, 'body') && kids(kid(root, 'body')).some((c) => isElement(c) && c.name.endsWith('_data'))) {
    return { ok: false, error: 'a resource-only deposit (doi_resources): it adds to existing records and holds no article metadata' };
  }
  const fileNotes = Notes.create();
  const records = recordsOf(root, fileNotes);
  if (records.length === 0) return { ok: false, error: `no journal article in the file${fileNotes.list.length > 0 ? ` (${fileNotes.list.join('; ')})` : ''}` };
  return { ok: true, results: assemble(records, fileNotes) };
}
