/** `journal_issue`: the issue's title, dates, volume and number as printed, and its DOI when this deposit registers it. */
import type { Issue } from '../model/issue.ts';
import type { Journal } from '../model/journal.ts';
import { issueUrl } from '../urls.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';
import { publicationDates } from './dates.ts';
import { doiData } from './doi-data.ts';
import { titles } from './titles.ts';

export function journalIssue(journal: Journal, issue: Issue, registerDoi: boolean): XmlElement {
  return el(
    'journal_issue',
    null,
    titles(issue.title === undefined ? undefined : { title: issue.title }),
    publicationDates(issue.published),
    journalVolume(issue.volume),
    leaf('issue', issue.number),
    registerDoi && issue.doi !== undefined ? doiData(issue.doi, issueUrl(journal, issue.id)) : undefined,
  );
}

/** Volume as printed: `L` stays `L`. */
export function journalVolume(volume: string | undefined): XmlElement | undefined {
  return volume === undefined ? undefined : el('journal_volume', null, leaf('volume', volume));
}
