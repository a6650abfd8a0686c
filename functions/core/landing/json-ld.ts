/**
 * schema.org `ScholarlyArticle` as JSON-LD (https://schema.org/ScholarlyArticle; the issue,
 * volume and periodical chain as in https://schema.org/docs/bib-extension.html).
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { citedDate, compact, fullTitle, mainAbstract, withRole } from '#core/cite/index';
import type { Affiliation, Contributor } from '#core/model/index';
import { isoDate } from '#core/model/dates';
import { plainText } from '#core/model/markup';
import { doiUrl } from './html.ts';
import type { PageContext } from './page-context.ts';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

function organization(affiliation: Affiliation): Json {
  return compact({
    '@type': 'Organization',
    name: affiliation.name,
    sameAs: affiliation.ror,
    address: affiliation.country === undefined ? undefined : { '@type': 'PostalAddress', addressCountry: affiliation.country },
  });
}

/** A person with affiliations and ORCID iD (as `sameAs` and as an identifier); an organisation by name. */
export function person(c: Contributor): Json {
  const affiliation = c.affiliations.length === 0 ? undefined : c.affiliations.map(organization);
  if (c.kind === 'organization') return compact({ '@type': 'Organization', name: c.name, affiliation });
  return compact({
    '@type': 'Person',
    name: [c.given_names, c.surname].filter((p) => p !== undefined).join(' '),
    givenName: c.given_names,
    familyName: c.surname,
    honorificSuffix: c.suffix,
    affiliation,
    sameAs: c.orcid,
    identifier: c.orcid === undefined ? undefined : { '@type': 'PropertyValue', propertyID: 'ORCID', value: c.orcid },
  });
}

const people = (list: Contributor[]): Json[] | undefined => (list.length === 0 ? undefined : list.map(person));

/** Periodical ← PublicationVolume ← PublicationIssue, each level present only when the issue has it. */
function isPartOf({ journal, issue }: PageContext): Json {
  const issns = [journal.issn.print, journal.issn.electronic].filter((v) => v !== undefined);
  let part: Json = compact({
    '@type': 'Periodical',
    name: journal.title,
    alternateName: journal.abbrev_title,
    issn: issns,
    publisher: { '@type': 'Organization', name: journal.publisher.name },
  });
  if (issue.volume !== undefined) part = { '@type': 'PublicationVolume', volumeNumber: issue.volume, isPartOf: part };
  if (issue.number !== undefined) part = { '@type': 'PublicationIssue', issueNumber: issue.number, datePublished: String(issue.year), isPartOf: part };
  return part;
}

/**
 * The ScholarlyArticle object: the same facts as the Highwire and Dublin Core tags, so
 * `datePublished` is the cited date (the volume year; cite/dates.ts), like `citation_publication_date`.
 */
export function scholarlyArticle(page: PageContext): Json {
  const { article, journal } = page;
  const title = plainText(fullTitle(article.titles[0]));
  const pages = article.pages;
  const keywords = article.keywords.flatMap((k) => k.terms);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': page.url,
    url: page.url,
    headline: title,
    name: title,
    alternateName: article.titles.length > 1 ? article.titles.slice(1).map((t) => plainText(fullTitle(t))) : undefined,
    author: people(withRole(article, 'author')),
    editor: people(withRole(article, 'editor')),
    translator: people(withRole(article, 'translator')),
    datePublished: isoDate(citedDate(page.bundle, article)),
    isPartOf: isPartOf(page),
    pageStart: pages?.first,
    pageEnd: pages?.last,
    pagination: pages === undefined ? article.article_number : pages.last === undefined ? pages.first : `${pages.first}-${pages.last}`,
    identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: article.doi },
    sameAs: doiUrl(article.doi),
    inLanguage: article.language,
    keywords: keywords.length === 0 ? undefined : keywords,
    abstract: mainAbstract(article),
    license: article.license?.url,
    isAccessibleForFree: article.free_to_read || undefined,
    copyrightHolder: article.license?.copyright_holder,
    copyrightYear: article.license?.copyright_year,
    publisher: { '@type': 'Organization', name: journal.publisher.name },
    // No `citation`: the references are on the page and in `citation_reference` (what Scholar
    // reads); a third copy here would make a page with a long reference list a third heavier.
  });
}

/**
 * JSON text safe inside `<script>`: the HTML serialiser writes script content raw, so `<`, `>`
 * and `&` are written as JSON escapes (`\u003c`…) and no `</script>` or `<!--` can appear.
 * U+2028 and U+2029 are escaped too, for older JavaScript parsers.
 */
export function scriptSafeJson(value: Json): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const jsonLd = (page: PageContext): Element => h('script', { type: 'application/ld+json' }, scriptSafeJson(scholarlyArticle(page)));
