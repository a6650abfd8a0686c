/**
 * Which date a citation gives, decided once for every output (APA, RIS, BibTeX, Highwire,
 * Dublin Core, JSON-LD) so that they never disagree.
 */
import type { Article, IssueBundle, PartialDate } from '#core/model/index';

/**
 * The date a reference cites: the year of the volume, with the print month and day when the
 * print date falls in that year.
 *
 * APA 7 (Publication Manual, 7th ed., the date element, p. 289): "for a journal article reference,
 * use the year of the volume, even though it may differ from the copyright year"; an online-first
 * ("advance online publication") date is cited only until the article is placed in an issue. Google Scholar asks the same of
 * `citation_publication_date` ("the date that would normally be cited in references to this
 * paper from other papers"), with the online date going to `citation_online_date`
 * (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing). So Balcanica volume L,
 * printed 2019 and put online on 2023-02-01, is cited as 2019.
 */
export function citedDate(bundle: IssueBundle, article: Article): PartialDate {
  const volumeYear = bundle.issue.year;
  const print = article.dates.published.print;
  return print !== undefined && print.year === volumeYear ? print : { year: volumeYear };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2023/02/01`, `2019/11` or `2019`: the slashed form Google Scholar and RIS `DA` take. */
export function slashedDate(date: PartialDate): string {
  let out = String(date.year);
  if (date.month !== undefined) out += `/${pad(date.month)}`;
  if (date.month !== undefined && date.day !== undefined) out += `/${pad(date.day)}`;
  return out;
}
