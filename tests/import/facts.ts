/**
 * The facts the corpus round trip compares, read with libxml2 (not with the importer's parser),
 * from a source record and from what the renderers made of it: DOI, titles, contributors
 * (names, ORCIDs, order), ISSNs, volume, issue, pages, publication dates, licence, number of
 * references. The Crossref and JATS readers serve both sides: the source and the rendering.
 */
import { ParseOption, XmlDocument, XmlParseError, type XmlElement, type XmlNode } from 'libxml2-wasm';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element as HastElement } from 'hast';

export type Facts = {
  doi: string;
  title: string;
  subtitle?: string | undefined;
  /** Per role, in order: `Surname|Given|ORCID digits` or `org:Name`. */
  contributors: Record<string, string[]>;
  /** `print:NNNN-NNNN` / `electronic:NNNN-NNNN`, sorted. */
  issns: string[];
  volume?: string | undefined;
  issue?: string | undefined;
  firstPage?: string | undefined;
  lastPage?: string | undefined;
  published: { print?: string | undefined; online?: string | undefined };
  license?: string | undefined;
  references: number;
  /** The cited DOIs, in reference order, lower-cased (DOIs are case-insensitive). */
  referenceDois: string[];
  /** Per reference, in order, the four digits of its year ('' where it states none); absent where the source's references are text only. */
  referenceYears?: string[] | undefined;
};

const yearKey = (v: string | undefined): string => /\d{4}/.exec(v ?? '')?.[0] ?? '';

const doiKey = (v: string | undefined): string | undefined => squash(v)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '').toLowerCase();
/** A JATS reference's DOI: its `pub-id` of type doi, else a link to doi.org (or `doi:`) in it. */
const jatsReferenceDoi = (ref: XmlElement): string | undefined =>
  q.all(ref, './/pub-id').find((p) => q.attr(p, 'pub-id-type') === 'doi')?.content ??
  [...q.all(ref, './/ext-link'), ...q.all(ref, './/uri')].map((l) => q.attr(l, 'href') ?? l.content).find((h) => /(?:doi\.org\/|^doi:\s*)10\./i.test(h));
/** The cited DOIs; a value that is not DOI syntax (`10.111/…`: a registrant code has 4–9 digits) cites no DOI, and the import notes it. */
const dois = (values: (string | undefined)[]): string[] => values.map(doiKey).filter((d): d is string => d !== undefined && /^10\.\d{4,9}\//.test(d));

const squash = (v: string | undefined | null): string | undefined => {
  const t = v?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};
const L = (path: string): string =>
  path
    .split('/')
    .map((p) => (p === '' || p === '.' || p === '..' ? p : p === '*' ? '*' : p.startsWith('@') ? p : `*[local-name()='${p}']`))
    .join('/');

type Q = {
  all: (node: XmlNode, path: string) => XmlElement[];
  one: (node: XmlNode, path: string) => XmlElement | undefined;
  text: (node: XmlNode, path: string) => string | undefined;
  attr: (node: XmlNode | undefined, name: string) => string | undefined;
};
const q: Q = {
  all: (node, path) => node.find(L(path)) as XmlElement[],
  one: (node, path) => (node.get(L(path)) as XmlElement | null) ?? undefined,
  text: (node, path) => squash(q.one(node, path)?.content),
  attr: (node, name) => {
    if (!node) return undefined;
    const el = node as XmlElement;
    const hit = el.attrs.find((a) => a.name === name);
    return hit?.content;
  },
};

/** A parse error made only of undeclared namespace prefixes (`ali:` in some JATS4R test files): the XML itself is well-formed. */
const onlyUndeclaredPrefixes = (e: unknown): boolean => e instanceof XmlParseError && e.details.length > 0 && e.details.every((d) => /^Namespace prefix \S+ on \S+ is not defined/.test(d.message));

/**
 * Parses strictly; a document whose only fault is an undeclared prefix is read again in libxml2's
 * recovery mode (the element keeps its prefixed name), so that its record is compared rather than lost.
 */
function parse(xml: string): XmlDocument {
  try {
    return XmlDocument.fromString(xml);
  } catch (e) {
    if (!onlyUndeclaredPrefixes(e)) throw e;
    return XmlDocument.fromString(xml, { option: ParseOption.XML_PARSE_RECOVER | ParseOption.XML_PARSE_NOERROR });
  }
}

function withDoc<T>(xml: string, fn: (doc: XmlDocument) => T): T {
  const doc = parse(xml);
  try {
    return fn(doc);
  } finally {
    doc.dispose();
  }
}

export const isoDate = (y?: string, m?: string, d?: string): string | undefined => {
  const year = y?.trim();
  if (!year || !/^\d{4}$/.test(year)) return undefined;
  const mm = Number(m);
  if (!m || !Number.isInteger(mm) || mm < 1 || mm > 12) return year;
  const dd = Number(d);
  const ym = `${year}-${String(mm).padStart(2, '0')}`;
  return !d || !Number.isInteger(dd) || dd < 1 ? ym : `${ym}-${String(dd).padStart(2, '0')}`;
};

/** `00142999` → `0014-2999`: ISSNs compare by their digits. */
const issnKey = (v: string | undefined): string => {
  const d = (v ?? '').replace(/[^\dXx]/g, '').toUpperCase();
  return d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4)}` : (v ?? '').trim();
};
const orcidDigits = (v: string | undefined): string => (v ? (/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(v)?.[1] ?? `bad:${v.trim()}`) : '');
const personKey = (surname?: string, given?: string, orcid?: string): string => `${squash(surname) ?? ''}|${squash(given) ?? ''}|${orcidDigits(orcid)}`;
const push = (map: Record<string, string[]>, role: string, value: string): void => {
  (map[role] ??= []).push(value);
};

/** Every `journal_article` of a Crossref deposit or record (and of Colophon's own deposit). */
export function crossrefXmlFacts(xml: string): Facts[] {
  return withDoc(xml, (doc) =>
    q.all(doc.root, '//journal').flatMap((journal) => {
      const issns = q.all(journal, 'journal_metadata/issn').map((i) => `${q.attr(i, 'media_type') ?? 'print'}:${issnKey(i.content)}`);
      const issue = q.one(journal, 'journal_issue');
      return q.all(journal, 'journal_article').map((a): Facts => {
        const contributors: Record<string, string[]> = {};
        for (const c of q.all(a, 'contributors/*')) {
          const role = q.attr(c, 'contributor_role') ?? 'author';
          if (!['author', 'editor', 'translator'].includes(role)) continue;
          if (c.name === 'person_name') push(contributors, role, personKey(q.text(c, 'surname'), q.text(c, 'given_name'), q.text(c, 'ORCID')));
          else if (c.name === 'organization') push(contributors, role, `org:${squash(c.content) ?? ''}`);
        }
        const dates = (parent: XmlNode | undefined): Facts['published'] => {
          const out: Facts['published'] = {};
          for (const d of parent ? q.all(parent, 'publication_date') : []) {
            const key = (q.attr(d, 'media_type') ?? 'print') === 'print' ? 'print' : 'online';
            out[key] ??= isoDate(q.text(d, 'year'), q.text(d, 'month'), q.text(d, 'day'));
          }
          return out;
        };
        const own = dates(a);
        const licenses = q.all(a, './/license_ref');
        const license = licenses.find((l) => q.attr(l, 'applies_to') === 'vor') ?? licenses.find((l) => q.attr(l, 'applies_to') === undefined);
        return {
          doi: q.text(a, 'doi_data/doi') ?? '',
          title: q.text(a, 'titles/title') ?? '',
          subtitle: q.text(a, 'titles/subtitle'),
          contributors,
          issns: issns.sort(),
          volume: issue ? q.text(issue, 'journal_volume/volume') : undefined,
          issue: issue ? q.text(issue, 'issue') : undefined,
          firstPage: q.text(a, 'pages/first_page'),
          lastPage: q.text(a, 'pages/last_page'),
          published: own.print || own.online ? own : dates(issue),
          license: squash(license?.content),
          references: q.all(a, 'citation_list/citation').length,
          referenceDois: dois(q.all(a, 'citation_list/citation').map((c) => q.text(c, 'doi'))),
          referenceYears: q.all(a, 'citation_list/citation').map((c) => yearKey(q.text(c, 'cYear'))),
        };
      });
    }),
  );
}

/** Each `article` of a JATS/NLM file (and Colophon's own JATS). */
export function jatsFacts(xml: string): Facts[] {
  return withDoc(xml, (doc) => {
    const articles = doc.root.name === 'article' ? [doc.root] : q.all(doc.root, '//article');
    return articles.map((article): Facts => {
      const meta = q.one(article, 'front/article-meta')!;
      const jm = q.one(article, 'front/journal-meta');
      const contributors: Record<string, string[]> = {};
      // A `collab-list` group names the members of a group author (JATS 1.4 contrib-group/@content-type), not the article's contributors.
      const groups = q.all(meta, 'contrib-group').filter((g) => q.attr(g, 'content-type') !== 'collab-list');
      for (const c of groups.flatMap((g) => q.all(g, 'contrib'))) {
        const role = q.attr(c, 'contrib-type') ?? 'author';
        if (!['author', 'editor', 'translator'].includes(role)) continue;
        const collab = q.one(c, 'collab');
        if (collab) {
          const own = collab.find("text()|*[local-name()!='contrib-group' and local-name()!='xref' and local-name()!='fn']").map((n) => n.content).join('');
          push(contributors, role, `org:${squash(own) ?? ''}`);
          continue;
        }
        const name = q.one(c, 'name') ?? q.one(c, 'name-alternatives/name') ?? q.one(c, 'string-name');
        const orcid =
          q.all(c, 'contrib-id').find((i) => /orcid/i.test(`${q.attr(i, 'contrib-id-type') ?? ''} ${i.content}`))?.content ??
          [...q.all(c, 'uri'), ...q.all(c, 'ext-link')].map((l) => q.attr(l, 'href') ?? l.content).find((h) => /orcid\.org/.test(h));
        if (name && q.one(name, 'surname')) push(contributors, role, personKey(q.text(name, 'surname'), q.text(name, 'given-names'), orcid));
        else if (name) push(contributors, role, personKey(undefined, squash(name.content), orcid));
      }
      const published: Facts['published'] = {};
      for (const d of q.all(meta, 'pub-date')) {
        const type = (q.attr(d, 'pub-type') ?? q.attr(d, 'date-type') ?? 'pub').toLowerCase();
        const format = (q.attr(d, 'publication-format') ?? '').toLowerCase();
        const date = isoDate(q.text(d, 'year'), q.text(d, 'month'), q.text(d, 'day'));
        if (type === 'epub' || (type === 'pub' && format !== 'print')) published.online ??= date;
        else if (type === 'ppub' || type === 'epub-ppub' || (type === 'pub' && format === 'print')) published.print ??= date;
      }
      const issns = (jm ? q.all(jm, 'issn') : []).map((i) => {
        const kind = (q.attr(i, 'pub-type') ?? q.attr(i, 'publication-format') ?? 'print').toLowerCase();
        return `${kind === 'epub' || kind === 'electronic' ? 'electronic' : 'print'}:${issnKey(i.content)}`;
      });
      const lic = q.one(meta, 'permissions/license');
      // The licence's URL: its xlink:href, an ali:license_ref, or the licence link in its text.
      const link = lic ? [...q.all(lic, './/ext-link'), ...q.all(lic, './/uri')].map((l) => q.attr(l, 'href') ?? l.content).find((h) => /licen[cs]e|creativecommons/i.test(h)) : undefined;
      const license = q.attr(lic, 'href') ?? squash(q.one(meta, 'permissions//license_ref')?.content) ?? link;
      return {
        doi: q.all(meta, 'article-id').find((i) => q.attr(i, 'pub-id-type') === 'doi')?.content.trim() ?? '',
        title: q.text(meta, 'title-group/article-title') ?? '',
        subtitle: q.text(meta, 'title-group/subtitle'),
        contributors,
        issns: issns.sort(),
        volume: q.text(meta, 'volume'),
        issue: q.text(meta, 'issue'),
        firstPage: q.text(meta, 'fpage'),
        lastPage: q.text(meta, 'lpage'),
        published,
        license: squash(license),
        references: q.all(article, 'back//ref').length,
        referenceDois: dois(q.all(article, 'back//ref').map(jatsReferenceDoi)),
        referenceYears: q.all(article, 'back//ref').map((r) => yearKey(q.all(r, './/year')[0]?.content)),
      };
    });
  });
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const first = (v: unknown): string | undefined => squash(Array.isArray(v) ? (v[0] as string | undefined) : (v as string | undefined));
const jsonDate = (v: unknown): string | undefined => {
  const parts = (v as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  return parts ? isoDate(String(parts[0]), parts[1] === undefined ? undefined : String(parts[1]), parts[2] === undefined ? undefined : String(parts[2])) : undefined;
};
/** Plain text of a REST title (which may carry face markup). */
const stripTags = (v: string | undefined): string | undefined => squash(v?.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

/** Every work of a Crossref REST response (envelope, bare message, list item or list). */
export function crossrefJsonFacts(text: string): Facts[] {
  const doc = JSON.parse(text) as Json;
  const message = (doc.message ?? doc) as Json;
  const works = Array.isArray(message.items) ? (message.items as Json[]) : [message];
  return works.map((m): Facts => {
    const contributors: Record<string, string[]> = {};
    for (const role of ['author', 'editor', 'translator']) {
      for (const p of list(m[role])) {
        if (typeof p.name === 'string' && typeof p.family !== 'string') push(contributors, role, `org:${squash(p.name) ?? ''}`);
        else push(contributors, role, typeof p.family === 'string' ? personKey(p.family, p.given as string | undefined, p.ORCID as string | undefined) : personKey(undefined, p.given as string | undefined, p.ORCID as string | undefined));
      }
    }
    const page = typeof m.page === 'string' ? m.page : undefined;
    const [firstPage, lastPage] = page ? (/^(\S+?)\s*[-–]\s*(\S+)$/.exec(page)?.slice(1, 3) ?? [page, undefined]) : [undefined, undefined];
    const licenses = list(m.license);
    const license = licenses.find((l) => l['content-version'] === 'vor') ?? licenses.find((l) => l['content-version'] === 'unspecified');
    const ji = (m['journal-issue'] ?? {}) as Json;
    const published = { print: jsonDate(m['published-print']), online: jsonDate(m['published-online']) };
    return {
      doi: String(m.DOI),
      title: stripTags(first(m.title)) ?? '',
      subtitle: stripTags(first(m.subtitle)),
      contributors,
      issns: list(m['issn-type']).map((t) => `${String(t.type)}:${issnKey(String(t.value))}`).sort(),
      volume: squash(m.volume as string | undefined),
      issue: squash((m.issue ?? ji.issue) as string | undefined),
      firstPage,
      lastPage: lastPage === firstPage ? undefined : lastPage,
      published: published.print || published.online ? published : { print: jsonDate(ji['published-print']), online: jsonDate(ji['published-online']) },
      license: squash(license?.URL as string | undefined),
      references: list(m.reference).length,
      referenceDois: dois(list(m.reference).map((r) => (typeof r.DOI === 'string' ? r.DOI : undefined))),
      referenceYears: list(m.reference).map((r) => yearKey(typeof r.year === 'string' ? r.year : undefined)),
    };
  });
}

/** Each article of an OJS native export that has a DOI (the only ones the model can hold). */
export function ojsFacts(xml: string): Facts[] {
  return withDoc(xml, (doc) =>
    q.all(doc.root, '//article').map((article): Facts => {
      const pubs = q.all(article, 'publication');
      const pub = pubs.at(-1) ?? article;
      const issue = article.get("ancestor::*[local-name()='issue'][1]") ?? undefined;
      const ident = issue ? (q.one(issue, 'issue_identification') ?? issue) : undefined;
      const contributors: Record<string, string[]> = {};
      for (const a of [...q.all(pub, 'authors/author'), ...q.all(pub, 'author')]) {
        const given = [q.text(a, 'givenname') ?? q.text(a, 'firstname'), q.text(a, 'middlename')].filter(Boolean).join(' ');
        push(contributors, 'author', personKey(q.text(a, 'familyname') ?? q.text(a, 'lastname'), given, q.text(a, 'orcid')));
      }
      const date = squash(q.attr(pub, 'date_published') ?? q.attr(article, 'date_published') ?? q.text(pub, 'date_published'));
      const pages = q.text(pub, 'pages');
      const [firstPage, lastPage] = pages ? (/^(\S+?)\s*[-–]\s*(\S+)$/.exec(pages)?.slice(1, 3) ?? [pages, undefined]) : [undefined, undefined];
      const ids = [...q.all(pub, 'id'), ...q.all(article, 'id')];
      return {
        doi: squash(ids.find((i) => q.attr(i, 'type') === 'doi')?.content) ?? '',
        title: [q.text(pub, 'prefix'), q.text(pub, 'title')].filter(Boolean).join(' '),
        subtitle: q.text(pub, 'subtitle'),
        contributors,
        issns: [],
        volume: ident ? q.text(ident, 'volume') : undefined,
        issue: ident ? q.text(ident, 'number') : undefined,
        firstPage,
        lastPage,
        published: { online: date ? isoDate(...(date.split('-') as [string, string, string])) : undefined },
        license: q.text(pub, 'licenseUrl') ?? q.text(article, 'permissions/license_url'),
        references: q.all(pub, 'citations/citation').length,
        // OJS native citations are text only.
        referenceDois: [],
      };
    }),
  );
}

/** The facts a landing page states in its Highwire tags (DOI, title, authors, volume, issue, pages). */
export function landingFacts(html: string): { doi?: string; title?: string; authors: string[]; volume?: string; issue?: string; firstPage?: string; lastPage?: string } {
  const tree = fromHtml(html);
  const meta = (name: string): string[] =>
    selectAll(`meta[name="${name}"]`, tree)
      .map((m: HastElement) => squash(String(m.properties.content ?? '')))
      .filter((v): v is string => v !== undefined);
  return {
    ...(meta('citation_doi')[0] ? { doi: meta('citation_doi')[0]! } : {}),
    ...(meta('citation_title')[0] ? { title: meta('citation_title')[0]! } : {}),
    authors: meta('citation_author'),
    ...(meta('citation_volume')[0] ? { volume: meta('citation_volume')[0]! } : {}),
    ...(meta('citation_issue')[0] ? { issue: meta('citation_issue')[0]! } : {}),
    ...(meta('citation_firstpage')[0] ? { firstPage: meta('citation_firstpage')[0]! } : {}),
    ...(meta('citation_lastpage')[0] ? { lastPage: meta('citation_lastpage')[0]! } : {}),
  };
}
