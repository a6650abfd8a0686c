/** `doi_batch`, `body` and `journal`: one journal element per issue (5.4.0 allows one issue per `journal`). */
import type { IssueBundle } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { head, type BatchHead } from './head.ts';
import { journalArticle } from './journal-article.ts';
import { journalIssue } from './journal-issue.ts';
import { journalMetadata } from './journal-metadata.ts';
import type { Selection } from './selection.ts';
import { CROSSREF_SCHEMA_VERSION, NAMESPACES, SCHEMA_LOCATION } from './vocabulary.ts';

export function doiBatch(bundle: IssueBundle, batch: BatchHead, selected: Selection): XmlElement {
  return el(
    'doi_batch',
    {
      version: CROSSREF_SCHEMA_VERSION,
      xmlns: NAMESPACES.crossref,
      'xmlns:xsi': NAMESPACES.xsi,
      'xsi:schemaLocation': SCHEMA_LOCATION,
      'xmlns:jats': NAMESPACES.jats,
      'xmlns:ai': NAMESPACES.ai,
      'xmlns:fr': NAMESPACES.fr,
      'xmlns:rel': NAMESPACES.rel,
    },
    head(bundle.journal, batch),
    body(bundle, selected),
  );
}

export const body = (bundle: IssueBundle, selected: Selection): XmlElement => el('body', null, journal(bundle, selected));

export function journal(bundle: IssueBundle, selected: Selection): XmlElement {
  return el(
    'journal',
    null,
    journalMetadata(bundle.journal),
    journalIssue(bundle.journal, bundle.issue, selected.issueDoi),
    selected.articles.map((article) => journalArticle(bundle.journal, article)),
  );
}
