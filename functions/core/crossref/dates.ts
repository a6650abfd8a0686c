/** `publication_date` (one per medium) and `acceptance_date`: month, day, year as far as they are known. */
import type { PartialDate } from '../model/dates.ts';
import type { PublicationDates } from '../model/issue.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Crossref's date parts, in schema order (month, day, year), two-digit month and day. */
function dateParts(date: PartialDate): (XmlElement | undefined)[] {
  const month = date.month === undefined ? undefined : pad(date.month);
  const day = month === undefined || date.day === undefined ? undefined : pad(date.day);
  return [leaf('month', month), leaf('day', day), leaf('year', String(date.year))];
}

/** `media_type` takes `print` or `online`, the two media the model knows. */
export function publicationDate(date: PartialDate | undefined, medium: 'print' | 'online'): XmlElement | undefined {
  return date === undefined ? undefined : el('publication_date', { media_type: medium }, dateParts(date));
}

export const publicationDates = (dates: PublicationDates): (XmlElement | undefined)[] => [publicationDate(dates.print, 'print'), publicationDate(dates.online, 'online')];

export function acceptanceDate(date: PartialDate | undefined): XmlElement | undefined {
  return date === undefined ? undefined : el('acceptance_date', null, dateParts(date));
}
