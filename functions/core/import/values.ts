/**
 * Source values → the text forms the model's fields take: dates as `YYYY-MM-DD`, pages split at
 * the dash, language tags, and identifiers checked with the model's own functions. A value the
 * model would reject is noted and left out, so that what is written always loads.
 */
import { canonicalDoi, canonicalIssn, canonicalOrcid, canonicalRor, parsePartialDate } from '#core/model/index';
import { email as emailSchema, page, printed, printedLabel, url as urlSchema } from '#core/model/primitives';
import type { Notes } from './notes.ts';

/** A date from numeric parts (Crossref `date-parts`, JATS `year`/`month`/`day`), as the model writes it. */
export function dateText(year: unknown, month?: unknown, day?: unknown): string | undefined {
  const y = Number(String(year ?? '').trim());
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return undefined;
  const num = (v: unknown): number | undefined => {
    const n = Number(String(v ?? '').trim());
    return String(v ?? '').trim() !== '' && Number.isInteger(n) ? n : undefined;
  };
  const m = num(month);
  // Crossref codes seasons as months 21–24 and quarters as 31–34: only the year is a date.
  if (m === undefined || m < 1 || m > 12) return String(y);
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  const d = num(day);
  if (d === undefined || d < 1) return ym;
  const full = `${ym}-${String(d).padStart(2, '0')}`;
  return typeof parsePartialDate(full) === 'string' ? ym : full;
}

/** `2017-05-24`, `2017-05-24T09:10:21Z`, `2017-05` or `2017` → a model date. */
export function isoDateText(value: string | undefined): string | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value?.trim() ?? '');
  return m ? dateText(m[1], m[2], m[3]) : undefined;
}

export const yearOf = (date: string | undefined): number | undefined => (date === undefined ? undefined : Number(date.slice(0, 4)));

/** Volume, issue or article number as printed; noted and left out when the model cannot hold it. */
export function printedText(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (printed.safeParse(trimmed).success) return trimmed;
  const joined = trimmed.replace(/\s*([-–/])\s*/g, '$1').replace(/\s+/g, '-');
  if (printed.safeParse(joined).success) {
    notes.add(field, `"${trimmed}" has spaces, which the model does not allow: written as "${joined}"`);
    return joined;
  }
  notes.add(field, `"${trimmed}" cannot be held (no spaces, <, > or & allowed): left out`);
  return undefined;
}

/** A volume or issue number exactly as printed (`n° 95` stays `n° 95`); noted and left out only when the model cannot hold it at all. */
export function labelText(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = printedLabel.safeParse(value);
  if (parsed.success) return parsed.data;
  notes.add(field, `"${value.trim()}" cannot be held (no < or > allowed): left out`);
  return undefined;
}

const isPage = (value: string): boolean => page.safeParse(value).success;

/** First and last page from separate values or one range (`123-130`, `123–30`, `e30`). */
export function pagesOf(first: string | undefined, last: string | undefined, notes: Notes, field = 'pages'): { first: string; last?: string } | undefined {
  let f = first?.trim() ?? '';
  let l = last?.trim() ?? '';
  if (f && !l) {
    const range = /^(\S+?)\s*[-–—]+\s*(\S+)$/.exec(f);
    if (range) [f, l] = [range[1]!, range[2]!];
  }
  if (!f) {
    if (l) notes.add(field, `last page "${l}" without a first page: left out`);
    return undefined;
  }
  if (!isPage(f)) {
    notes.add(field, `first page "${f}" is not a page number the model takes (arabic, roman or a letter prefix and digits): pages left out`);
    return undefined;
  }
  if (!l) return { first: f };
  // An abbreviated last page (123–30) means 130.
  if (/^\d+$/.test(f) && /^\d+$/.test(l) && l.length < f.length && Number(f.slice(0, f.length - l.length) + l) >= Number(f)) {
    l = f.slice(0, f.length - l.length) + l;
  }
  if (!isPage(l) || (/^\d+$/.test(f) && /^\d+$/.test(l) && Number(l) < Number(f))) {
    notes.add(field, `last page "${l}" is not a page number after ${f}: only the first page kept`);
    return { first: f };
  }
  return { first: f, last: l };
}

/** Language tag as the model takes it: `EN` → `en`, `en_US` → `en-US`, `sr_RS@latin` → `sr-Latn`. */
export function langOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let tag = value.trim().replace(/_/g, '-');
  const script = /@(latin|cyrillic)$/i.exec(tag);
  tag = tag.replace(/@.*$/, '');
  const parts = tag.split('-').filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const primary = parts[0]!.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(primary)) return undefined;
  const rest = parts.slice(1).filter((p) => /^[A-Za-z0-9]{2,8}$/.test(p));
  if (script) rest.unshift(script[1]!.toLowerCase() === 'latin' ? 'Latn' : 'Cyrl');
  return [primary, ...rest].join('-');
}

/** The language part only (OJS locales name a UI locale, not a text's variety): `en_US` → `en`. */
export const baseLang = (value: string | undefined): string | undefined => langOf(value)?.split('-')[0];

export function doiOf(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (!value?.trim()) return undefined;
  const doi = canonicalDoi(value.trim().replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '').replace(/^(?:info:)?doi[:/]\s*/i, ''));
  if (doi) return doi;
  notes.add(field, `"${value.trim()}" is not a DOI the model takes: left out`);
  return undefined;
}

export function orcidOf(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (!value?.trim()) return undefined;
  const orcid = canonicalOrcid(value.trim().replace(/^https?:\/\/(?:www\.)?orcid\.org\//i, ''));
  if (orcid) return orcid;
  notes.add(field, `ORCID "${value.trim()}" fails its checksum or pattern: left out`);
  return undefined;
}

export function rorOf(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (!value?.trim()) return undefined;
  const ror = canonicalRor(value.trim().replace(/^https?:\/\/(?:www\.)?ror\.org\//i, ''));
  if (ror) return ror;
  notes.add(field, `ROR id "${value.trim()}" is not valid: left out`);
  return undefined;
}

export function issnOf(value: string | undefined, notes: Notes, field: string): string | undefined {
  if (!value?.trim()) return undefined;
  const issn = canonicalIssn(value.trim());
  if (issn) return issn;
  notes.add(field, `ISSN "${value.trim()}" fails its check digit: left out`);
  return undefined;
}

/** An absolute http(s) URL, or undefined (noted). */
export function urlOf(value: string | undefined, notes: Notes, field: string): string | undefined {
  const v = value?.trim().replace(/^[“"']+|[”"']+$/g, '');
  if (!v) return undefined;
  if (urlSchema.safeParse(v).success) return v;
  notes.add(field, `"${v}" is not an absolute http(s) URL: left out`);
  return undefined;
}

export function emailOf(value: string | undefined, notes: Notes, field: string): string | undefined {
  const v = value?.trim().replace(/^mailto:/i, '');
  if (!v) return undefined;
  if (emailSchema.safeParse(v).success) return v;
  notes.add(field, `"${v}" is not an email address: left out`);
  return undefined;
}

/** ISO 3166-1 alpha-2, or undefined. */
export const countryOf = (value: string | undefined): string | undefined => {
  const v = value?.trim().toUpperCase();
  return v && /^[A-Z]{2}$/.test(v) ? v : undefined;
};
