/** `journal_metadata`: the journal's titles and ISSNs, each ISSN with its medium. */
import type { Journal } from '../model/journal.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';
import { crossrefLanguage } from './vocabulary.ts';

export function journalMetadata(journal: Journal): XmlElement {
  return el(
    'journal_metadata',
    { language: crossrefLanguage(journal.languages[0]!) },
    leaf('full_title', journal.title),
    leaf('abbrev_title', journal.abbrev_title),
    leaf('issn', journal.issn.print, { media_type: 'print' }),
    leaf('issn', journal.issn.electronic, { media_type: 'electronic' }),
  );
}
