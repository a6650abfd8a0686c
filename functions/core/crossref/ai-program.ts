/**
 * `ai:program`: the licence, for the version of record and for text and data mining. The model has
 * one licence per article, the one that governs every use, so it is declared for both; Crossref's
 * TDM consumers look for `applies_to="tdm"`.
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/license-information/
 */
import { isoDate, type PartialDate } from '../model/dates.ts';
import type { PublicationDates } from '../model/issue.ts';
import type { License } from '../model/license.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

const LICENSE_APPLIES_TO = ['vor', 'tdm'] as const;

export function aiProgram(license: License | undefined, published: PublicationDates, freeToRead = false): XmlElement | undefined {
  if (license === undefined && !freeToRead) return undefined;
  const start = licenseStart(published);
  return el(
    'ai:program',
    { name: 'AccessIndicators' },
    freeToRead && el('ai:free_to_read'),
    license && LICENSE_APPLIES_TO.map((appliesTo) => leaf('ai:license_ref', license.url, { applies_to: appliesTo, start_date: start })),
  );
}

/** `start_date` is an `xsd:date`: given only when the first publication's full day is known. */
function licenseStart(published: PublicationDates): string | undefined {
  const first = published.online ?? published.print;
  const complete = (d: PartialDate | undefined): d is PartialDate => d?.month !== undefined && d.day !== undefined;
  return complete(first) ? isoDate(first) : undefined;
}
