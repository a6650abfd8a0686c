/**
 * The facts the citation downloads state, read back from the files as a reference manager would,
 * independently of the renderers: RIS tag lines, BibTeX fields (braces and the few commands we
 * write undone), the CSL-JSON item. Each returns only the facts its format can carry: RIS and
 * BibTeX have no licence, no ORCID and no online date; CSL-JSON has no ORCID.
 */
import type { Facts } from './facts.ts';

/** Runs of breakable whitespace to one space; no-break spaces are text (a name as printed, French ` : `). */
const squash = (s: string): string => s.replace(/[^\S\u00a0\u202f\u2007]+/g, ' ').replace(/^ | $/g, '');

/** RIS: `TAG  - value` lines. */
export function risFacts(text: string): Facts {
  const tags = new Map<string, string[]>();
  for (const line of text.split(/\r\n/)) {
    const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    if (m) tags.set(m[1]!, [...(tags.get(m[1]!) ?? []), m[2]!]);
  }
  const one = (tag: string): string | undefined => tags.get(tag)?.[0];
  return {
    doi: one('DO'),
    title: one('TI'),
    authors: tags.get('AU') ?? [],
    issns: [...(tags.get('SN') ?? [])].sort(),
    volume: one('VL'),
    issue: one('IS'),
    firstPage: one('SP') ?? one('C7'),
    lastPage: one('EP'),
    year: one('PY'),
  };
}

/** BibTeX text back to plain text: the commands we write (`\textit{…}` …), escapes, braces. */
function unBibtex(value: string): string {
  let out = value;
  for (let i = 0; i < 5; i++) out = out.replace(/\\text(?:it|bf|subscript|superscript|sc)\{([^{}]*)\}/g, '$1');
  out = out
    .replace(/\\textbackslash\{\}/g, '\\')
    .replace(/\\textasciitilde\{\}/g, '~')
    .replace(/\\textasciicircum\{\}/g, '^')
    .replace(/\\textless\{\}/g, '<')
    .replace(/\\textgreater\{\}/g, '>')
    .replace(/\\([$&%#_])/g, '$1')
    // Escaped braces are text: kept aside while the grouping braces go.
    .replace(/\\\{/g, '\ue001')
    .replace(/\\\}/g, '\ue002');
  return squash(out.replace(/[{}]/g, '').replace(/\ue001/g, '{').replace(/\ue002/g, '}'));
}

/** Splits at ` and ` outside braces (BibTeX's name list separator). */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && value.startsWith(' and ', i)) {
      names.push(value.slice(start, i));
      start = i + 5;
    }
  }
  return [...names, value.slice(start)];
}

/** One BibTeX name to `Surname, Given, Suffix` (BibTeX writes `Last, Jr, First`); `{Org}` as it is. */
function bibtexName(name: string): string {
  if (/^\{.*\}$/.test(name) && !/^\{[^{}]*\}, /.test(name)) return unBibtex(name);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '{') depth++;
    else if (name[i] === '}') depth--;
    else if (depth === 0 && name[i] === ',') {
      parts.push(name.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(name.slice(start));
  const [last, ...rest] = parts.map(unBibtex);
  if (rest.length === 2) return [last, rest[1], rest[0]].join(', ');
  return [last, ...rest].join(', ');
}

/** BibTeX: `  field = {value},` lines of the one entry. */
export function bibtexFacts(text: string): Facts {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^ {2}([a-z]+) = \{(.*)\},?$/.exec(line);
    if (m) fields.set(m[1]!, m[2]!);
  }
  const get = (name: string): string | undefined => {
    const v = fields.get(name);
    return v === undefined ? undefined : unBibtex(v);
  };
  const pages = fields.get('pages')?.split('--').map(unBibtex);
  const authors = fields.get('author');
  return {
    doi: fields.get('doi')?.replace(/%7B/g, '{').replace(/%7D/g, '}'),
    title: get('title'),
    authors: authors === undefined ? [] : splitNames(authors).map(bibtexName),
    issns: (fields.get('issn')?.split(', ') ?? []).sort(),
    volume: get('volume'),
    issue: get('number'),
    firstPage: pages?.[0] ?? get('eid'),
    lastPage: pages?.[1],
    year: get('year'),
  };
}

type CslName = { family?: string; given?: string; suffix?: string; literal?: string };
type CslDate = { 'date-parts': number[][] };
const dateOf = (d: CslDate | undefined): string | undefined => d?.['date-parts'][0]?.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');

/** CSL-JSON: the file's one item. */
export function cslFacts(json: string): Facts {
  const [item] = JSON.parse(json) as Record<string, unknown>[];
  if (!item) return {};
  const page = typeof item.page === 'string' ? item.page.split('-') : undefined;
  return {
    doi: item.DOI as string | undefined,
    // citeproc's mini-HTML (<i>, <b>, <sup>, <sub>, <span style="font-variant:small-caps;">).
    title: typeof item.title === 'string' ? squash(item.title.replace(/<[^>]+>/g, '')) : undefined,
    authors: ((item.author as CslName[] | undefined) ?? []).map((n) => n.literal ?? [n.family, n.given, n.suffix].filter((p) => p !== undefined).join(', ')),
    issns: typeof item.ISSN === 'string' ? item.ISSN.split(', ').sort() : [],
    volume: item.volume as string | undefined,
    issue: item.issue as string | undefined,
    firstPage: (item['page-first'] as string | undefined) ?? (item.number as string | undefined),
    lastPage: page && page.length > 1 ? page[page.length - 1] : undefined,
    year: dateOf(item.issued as CslDate | undefined)?.slice(0, 4),
    onlineDate: dateOf(item['available-date'] as CslDate | undefined),
    license: item.license as string | undefined,
  };
}
