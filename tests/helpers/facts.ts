/**
 * Reads the facts every output must agree on back out of each representation, independently of
 * the renderers (fast-xml-parser for XML, hast for HTML), so that a test can compare them.
 */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { all, one, parseXml, text, type XmlNode } from './xml-query.ts';

export type Facts = {
  doi?: string | undefined;
  /** Main title, with `: subtitle` when there is one. */
  title?: string | undefined;
  /** Authors in order: `Surname, Given` for people, the name for organisations. */
  authors?: string[] | undefined;
  /** ORCID iDs of the authors, in author order, `-` where an author has none. */
  orcids?: string[] | undefined;
  issns?: string[] | undefined;
  volume?: string | undefined;
  issue?: string | undefined;
  firstPage?: string | undefined;
  lastPage?: string | undefined;
  /** The year of the printed issue or volume (what citations cite). */
  year?: string | undefined;
  /** The online publication date, YYYY-MM-DD as far as known. */
  onlineDate?: string | undefined;
  license?: string | undefined;
};

/** Runs of breakable whitespace to one space; no-break spaces are text (a name as printed, French ` : `). */
const squash = (s: string): string => s.replace(/[^\S\u00a0\u202f\u2007]+/g, ' ').replace(/^ | $/g, '');
const first = (nodes: XmlNode[]): string | undefined => (nodes[0] ? squash(text(nodes[0])) : undefined);
const dateOf = (node: XmlNode | undefined): string | undefined => {
  if (!node) return undefined;
  return [first(all(node, 'year')), first(all(node, 'month')), first(all(node, 'day'))].filter((p) => p !== undefined).join('-');
};
const joinTitle = (title?: string, subtitle?: string): string | undefined => (subtitle ? `${title}: ${subtitle}` : title);

/** JATS: article-meta. */
export function jatsFacts(xml: string): Facts {
  const meta = one(parseXml(xml), 'front/article-meta');
  const front = one(parseXml(xml), 'front');
  const authors = all(meta, 'contrib-group/contrib').filter((c) => c.attrs['contrib-type'] === 'author');
  const pubDate = (format: string) => all(meta, 'pub-date').find((d) => d.attrs['publication-format'] === format);
  return {
    doi: first(all(meta, 'article-id').filter((a) => a.attrs['pub-id-type'] === 'doi')),
    title: joinTitle(first(all(meta, 'title-group/article-title')), first(all(meta, 'title-group/subtitle'))),
    authors: authors.map((c) => first(all(c, 'collab')) ?? [first(all(c, 'name/surname')), first(all(c, 'name/given-names')), first(all(c, 'name/suffix'))].filter(Boolean).join(', ')),
    orcids: authors.map((c) => first(all(c, 'contrib-id').filter((i) => i.attrs['contrib-id-type'] === 'orcid')) ?? '-'),
    issns: all(front, 'journal-meta/issn').map((n) => text(n)).sort(),
    volume: first(all(meta, 'volume')),
    issue: first(all(meta, 'issue')),
    firstPage: first(all(meta, 'fpage')) ?? first(all(meta, 'elocation-id')),
    lastPage: first(all(meta, 'lpage')),
    // The cited year: the issue's (collection) date where the article's own dates do not state it.
    year: first(all(all(meta, 'pub-date').find((d) => d.attrs['date-type'] === 'collection') ?? pubDate('print') ?? pubDate('electronic')!, 'year')),
    onlineDate: dateOf(pubDate('electronic')),
    license: all(meta, 'permissions/license/ali:license_ref').map(text)[0],
  };
}

/** Crossref: the `journal_article` whose doi_data/doi is `doi`. */
export function crossrefFacts(xml: string, doi: string): Facts {
  const journal = one(parseXml(xml), 'body/journal');
  const article = all(journal, 'journal_article').find((a) => first(all(a, 'doi_data/doi')) === doi);
  if (!article) return {};
  const authors = all(article, 'contributors')
    .flatMap((c) => c.children.filter((n): n is XmlNode => typeof n !== 'string'))
    .filter((c) => c.attrs.contributor_role === 'author');
  const pubDate = (media: string) => all(article, 'publication_date').find((d) => d.attrs.media_type === media);
  const issue = one(journal, 'journal_issue');
  return {
    doi,
    title: joinTitle(first(all(article, 'titles/title')), first(all(article, 'titles/subtitle'))),
    authors: authors.map((c) => (c.name === 'organization' ? squash(text(c)) : [first(all(c, 'surname')), first(all(c, 'given_name')), first(all(c, 'suffix'))].filter(Boolean).join(', '))),
    orcids: authors.map((c) => first(all(c, 'ORCID')) ?? '-'),
    issns: all(journal, 'journal_metadata/issn').map((n) => text(n)).sort(),
    volume: first(all(issue, 'journal_volume/volume')),
    issue: first(all(issue, 'issue')),
    firstPage: first(all(article, 'pages/first_page')) ?? first(all(article, 'publisher_item/item_number')),
    lastPage: first(all(article, 'pages/last_page')),
    year: first(all(pubDate('print') ?? pubDate('online')!, 'year')),
    onlineDate: dateOf(pubDate('online')),
    // In the article, or in its Crossmark record's custom_metadata when the journal names a Crossmark policy.
    license: [...all(article, 'ai:program/ai:license_ref'), ...all(article, 'crossmark/custom_metadata/ai:program/ai:license_ref')].map(text)[0],
  };
}

/** Highwire `citation_*` tags and Dublin Core, as Google Scholar reads them. */
export function highwireFacts(html: string): Facts {
  const tree = fromHtml(html);
  const metas = (name: string): string[] => selectAll(`meta[name="${name}"]`, tree).map((m) => String(m.properties.content ?? ''));
  const firstMeta = (name: string): string | undefined => metas(name)[0];
  // ORCIDs follow their author in document order (Highwire groups institution/orcid under the preceding author).
  const orcids: string[] = [];
  for (const m of selectAll('meta[name^="citation_author"]', tree)) {
    const name = String(m.properties.name);
    if (name === 'citation_author') orcids.push('-');
    else if (name === 'citation_author_orcid') orcids[orcids.length - 1] = String(m.properties.content);
  }
  const online = firstMeta('citation_online_date');
  return {
    doi: firstMeta('citation_doi'),
    title: firstMeta('citation_title'),
    authors: metas('citation_author'),
    orcids,
    issns: metas('citation_issn').sort(),
    volume: firstMeta('citation_volume'),
    issue: firstMeta('citation_issue'),
    firstPage: firstMeta('citation_firstpage'),
    lastPage: firstMeta('citation_lastpage'),
    year: firstMeta('citation_publication_date')?.slice(0, 4),
    onlineDate: online?.replaceAll('/', '-'),
    license: firstMeta('DC.rights'),
  };
}

type Json = Record<string, unknown>;

/** schema.org JSON-LD. */
export function jsonLdFacts(html: string): Facts {
  const script = select('script[type="application/ld+json"]', fromHtml(html));
  const ld = JSON.parse(script ? hastText(script) : '{}') as Json;
  const chain: Json[] = [];
  for (let part = ld.isPartOf as Json | undefined; part; part = part.isPartOf as Json | undefined) chain.push(part);
  const ofType = (type: string) => chain.find((p) => p['@type'] === type);
  const authors = (ld.author as Json[] | undefined) ?? [];
  return {
    doi: (ld.identifier as Json | undefined)?.value as string | undefined,
    title: ld.headline as string | undefined,
    authors: authors.map((a) => (a['@type'] === 'Organization' ? String(a.name) : [a.familyName, a.givenName, a.honorificSuffix].filter(Boolean).join(', '))),
    orcids: authors.map((a) => (a.sameAs as string | undefined) ?? '-'),
    issns: [...((ofType('Periodical')?.issn as string[] | undefined) ?? [])].sort(),
    volume: ofType('PublicationVolume')?.volumeNumber as string | undefined,
    issue: ofType('PublicationIssue')?.issueNumber as string | undefined,
    firstPage: (ld.pageStart as string | undefined) ?? (ld.pagination as string | undefined),
    lastPage: ld.pageEnd as string | undefined,
    year: String(ld.datePublished ?? '').slice(0, 4) || undefined,
    license: ld.license as string | undefined,
  };
}

/**
 * OAI-PMH `oai_dc` (Simple Dublin Core): DOI from the resolver identifier, the first title,
 * creators in order, ISSNs among the sources, the year of `dc:date`, the licence URL among the
 * rights. Volume, issue and pages live inside the free-text `dc:source` citation, so they are not
 * compared field by field.
 */
export function oaiDcFacts(xml: string): Facts {
  const dc = parseXml(xml);
  const values = (name: string): string[] => all(dc, name).map((n) => squash(text(n)));
  const doi = values('dc:identifier').find((v) => v.startsWith('https://doi.org/'));
  return {
    doi: doi === undefined ? undefined : decodeURIComponent(doi.slice('https://doi.org/'.length)),
    title: values('dc:title')[0],
    authors: values('dc:creator'),
    issns: values('dc:source').filter((v) => /^\d{4}-\d{3}[\dX]$/.test(v)).sort(),
    year: values('dc:date')[0]?.slice(0, 4),
    license: values('dc:rights').find((v) => /^https?:\/\//.test(v)),
  };
}
