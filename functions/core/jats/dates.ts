/** `<pub-date>` per medium and `<history>`: partial dates as known, never padded with invented parts. */
import { isoDate, type PartialDate } from '../model/dates.ts';
import type { Article, IssueBundle } from '../model/resolved.ts';
import { el, leaf, type XmlElement, type XmlNode } from '../xml/tree.ts';

const two = (n: number | undefined): string | undefined => (n === undefined ? undefined : String(n).padStart(2, '0'));

/** day, month, year in the order the date model requires (only what is known). */
const dateParts = (date: PartialDate): (XmlNode | undefined)[] => [
  leaf('day', date.month === undefined ? undefined : two(date.day)),
  leaf('month', two(date.month)),
  leaf('year', String(date.year)),
];

/**
 * One publication date per medium, print first
 * (https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/pub-date.html).
 */
export function pubDates(article: Article): XmlElement[] {
  const { print, online } = article.dates.published;
  return [pubDate(print, 'print'), pubDate(online, 'electronic')].filter((d) => d !== undefined);
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/pub-date.html */
export function pubDate(date: PartialDate | undefined, format: 'print' | 'electronic'): XmlElement | undefined {
  if (date === undefined) return undefined;
  return el('pub-date', { 'publication-format': format, 'date-type': 'pub', 'iso-8601-date': isoDate(date) }, dateParts(date));
}

/**
 * The issue's year as the collection date, when no pub-date of the article states it: an article
 * published online in 2016 in the 2014 volume is cited as 2014 (cite/dates.ts `citedDate`), as
 * RIS, BibTeX, CSL-JSON and the deposit's issue say; without this JATS readers saw only 2016.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/attribute/date-type.html ("collection").
 */
export function collectionDate(issue: IssueBundle['issue'], article: Article): XmlElement | undefined {
  const { print, online } = article.dates.published;
  if (print?.year === issue.year || online?.year === issue.year) return undefined;
  const format = issue.published.print !== undefined ? 'print' : 'electronic';
  return el('pub-date', { 'publication-format': format, 'date-type': 'collection', 'iso-8601-date': String(issue.year) }, leaf('year', String(issue.year)));
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/history.html */
export function history(article: Article): XmlElement | undefined {
  const { received, accepted } = article.dates;
  const withdrawn = article.withdrawn?.date;
  if (received === undefined && accepted === undefined && withdrawn === undefined) return undefined;
  return el('history', null, date(received, 'received'), date(accepted, 'accepted'), date(withdrawn, 'withdrawn'));
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/date.html */
export function date(value: PartialDate | undefined, type: 'received' | 'accepted' | 'withdrawn'): XmlElement | undefined {
  if (value === undefined) return undefined;
  return el('date', { 'date-type': type, 'iso-8601-date': isoDate(value) }, dateParts(value));
}
