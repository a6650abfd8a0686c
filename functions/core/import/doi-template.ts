/**
 * DOI templates for a back catalogue without DOIs (`colophon import --assign-dois <template>`) and
 * for new articles (journal.yaml `doi_pattern`, core/model/doi-pattern.ts):
 * `10.5555/balc.{volume}.{issue}.{seq}` → `10.5555/balc.l.2.7`, and Balcanica's own
 * `10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial}` → `10.2298/BALC1950375E`. The prefix is
 * literal and must be a DOI prefix; the suffix mixes literal text with the tokens of
 * `DOI_TEMPLATE_TOKENS`. `{token:N}` pads a number with zeros to N digits (`{first_page:3}`: 7 →
 * 007) and gives no DOI for a longer one, so the token always has N characters.
 *
 * Tokens side by side (`{yy}{volume_arabic}`) are unambiguous only when at most one of them has a
 * variable width: `{yy}`, `{initial}` and a padded token have a fixed one. `{volume}{issue}` is
 * refused (volume 1 issue 12 and volume 11 issue 2 would both give "112").
 *
 * Suffix characters follow Crossref's recommendation (letters, digits and `-._;()/:`, see
 * https://www.crossref.org/documentation/member-setup/constructing-your-dois/): a token's value is
 * lower-cased and stripped of accents; dashes, spaces and other punctuation become `-` (so issue
 * `3–4` gives `3-4`, never `34`); letters of other scripts are dropped. A DOI is permanent once
 * registered, so nothing is guessed: an article without a value for a token of the template, or
 * whose value keeps no Latin letter or digit (`Том`), gets no DOI at all (`expandDoiTemplate`
 * says which token), because leaving the token out would make `.2.1` mean both "no volume,
 * issue 2" and "volume 2, no issue".
 */
import { pageValue } from '#core/model/pages';
import { foldLatin } from './files.ts';

/** The tokens a template may use, each with what it stands for. */
export const DOI_TEMPLATE_TOKENS = {
  journal: "the journal's Colophon id (the name of its metadata folder)",
  year: "the issue's year",
  volume: "the issue's volume, as printed",
  issue: "the issue's number, as printed",
  first_page: "the article's first page",
  seq: "the article's position in its issue (1, 2, …): among the imported articles in source order, or in the issue's order for doi_pattern",
  id: "the source's own id of the article (OJS submission id, JATS publisher-id); for doi_pattern, the article's file name without .yaml",
  yy: "the last two digits of the issue's year (2019 → 19)",
  volume_arabic: 'the volume as an arabic number: L → 50, XII → 12, 7 → 7 (no DOI for a volume that is no number)',
  initial: "the first letter of the first author's family name, as a capital (Edemskiy → E; Đurić → D)",
} as const;

export type DoiToken = keyof typeof DOI_TEMPLATE_TOKENS;

/** What the tokens stand for, for one article (absent: the source does not say). */
export type DoiTokenValues = Partial<Record<DoiToken, string | number>>;

type Part = { readonly literal: string } | { readonly token: DoiToken; readonly width?: number };

/** Tokens whose value always has the same number of characters. */
const FIXED_WIDTH: readonly DoiToken[] = ['yy', 'initial'];
const fixedWidth = (part: Part): boolean => 'token' in part && (part.width !== undefined || FIXED_WIDTH.includes(part.token));

export type DoiTemplate = { readonly text: string; readonly prefix: string; readonly parts: readonly Part[] };

/** Crossref's recommended suffix characters. */
const SUFFIX_CHARS = /^[-._;()/:a-zA-Z0-9]*$/;
/** The characters that separate the parts of a suffix: never at a value's or a suffix's ends, never two in a row. */
const SEPARATOR = /[-._;:/]/;
const SEPARATOR_RUN = /[-._;:/]{2,}/g;
const SEPARATOR_ENDS = /^[-._;:/]+|[-._;:/]+$/g;
const isToken = (name: string): name is DoiToken => Object.hasOwn(DOI_TEMPLATE_TOKENS, name);
const tokenList = (): string => Object.keys(DOI_TEMPLATE_TOKENS).map((t) => `{${t}}`).join(', ');

/** `{yy}`: 2019 → "19", 2005 → "05". */
export const twoDigitYear = (year: number): string => String(year % 100).padStart(2, '0');

/** `{volume_arabic}`: L → 50, XII → 12, 7 → 7; undefined for a volume that is no number (Suppl.). */
export function arabicVolume(volume: string | number): number | undefined {
  return pageValue(String(volume).trim()) ?? undefined;
}

/** Reads a template; a problem says what is wrong with it and what a good one looks like. */
export function parseDoiTemplate(text: string): { ok: true; template: DoiTemplate } | { ok: false; problem: string } {
  const example = 'for example 10.5555/balc.{volume}.{issue}.{seq}';
  const slash = text.indexOf('/');
  const prefix = slash < 0 ? text : text.slice(0, slash);
  if (!/^10\.\d{4,9}$/.test(prefix)) return { ok: false, problem: `DOI template "${text}": "${prefix}" is not a DOI prefix (10. and 4 to 9 digits, then /suffix), ${example}` };
  if (slash < 0) return { ok: false, problem: `DOI template "${text}" has no /suffix after its prefix, ${example}` };
  const parts: Part[] = [];
  // A run of tokens side by side (no literal text between them): at most one may vary in width.
  let run: Part[] = [];
  for (const piece of text.slice(slash + 1).split(/(\{[^{}]*\})/)) {
    const inside = /^\{([^{}]*)\}$/.exec(piece)?.[1];
    if (inside !== undefined) {
      const [name = '', widthText] = inside.split(':');
      if (!isToken(name)) return { ok: false, problem: `DOI template "${text}": unknown token {${inside}}; the tokens are ${tokenList()}` };
      if (widthText !== undefined && !/^[1-9]$/.test(widthText)) return { ok: false, problem: `DOI template "${text}": {${inside}}: the width after ":" is a digit from 1 to 9, as in {first_page:3}` };
      const part: Part = widthText === undefined ? { token: name } : { token: name, width: Number(widthText) };
      const varying = [...run, part].filter((p) => !fixedWidth(p));
      // Volume 1 issue 12 and volume 11 issue 2 would both give "112".
      if (varying.length > 1) {
        const names = varying.map((p) => ('token' in p ? `{${p.token}}` : '')).join('');
        return { ok: false, problem: `DOI template "${text}": ${names} side by side make DOIs ambiguous; put a separator between them (or give one a width, as in {first_page:3}), ${example}` };
      }
      run.push(part);
      parts.push(part);
    } else if (!SUFFIX_CHARS.test(piece)) {
      const bad = [...new Set(piece.replace(/[-._;()/:a-zA-Z0-9]/g, ''))].map((c) => JSON.stringify(c)).join(', ');
      return { ok: false, problem: `DOI template "${text}": ${bad} cannot be in a DOI suffix (Crossref recommends letters, digits and - . _ ; ( ) / :)` };
    } else if (piece !== '') {
      parts.push({ literal: piece });
      run = [];
    }
  }
  const suffix = text.slice(slash + 1);
  for (const [where, c] of [['starts', suffix.at(0)], ['ends', suffix.at(-1)]] as const) {
    if (c !== undefined && SEPARATOR.test(c)) return { ok: false, problem: `DOI template "${text}": its suffix ${where} with the separator "${c}"; let a token, letter or digit ${where === 'starts' ? 'begin' : 'end'} it, ${example}` };
  }
  if (!parts.some((p) => 'token' in p)) return { ok: false, problem: `DOI template "${text}" has no token, so every article would get the same DOI: add some of ${tokenList()}, ${example}` };
  return { ok: true, template: { text, prefix, parts } };
}

/**
 * A token's value as DOI suffix text: `Vol. L` → `vol-l`, `3–4` → `3-4`, `Đurić` → `duric`;
 * empty when no Latin letter or digit is left (`Том`). Dashes, spaces and punctuation other
 * than the separators `._;:/` become `-`; a run of separators becomes one (the run's own
 * character when it repeats one, else `-`) and none is left at either end.
 */
export function doiSuffixText(value: string | number): string {
  const text = [...foldLatin(String(value))]
    .map((c) => (/[a-z0-9._;:/]/.test(c) ? c : /[\p{L}\p{M}\p{N}]/u.test(c) ? '' : '-'))
    .join('')
    .replace(SEPARATOR_RUN, (run) => (new Set(run).size === 1 ? run[0]! : '-'))
    .replace(SEPARATOR_ENDS, '');
  return /[a-z0-9]/.test(text) ? text : '';
}

/** A template filled in, or why it cannot be for one article: tokens without a value, values without a Latin letter or digit. */
export type DoiExpansion =
  | { readonly ok: true; readonly doi: string }
  | { readonly ok: false; readonly missing: readonly DoiToken[]; readonly unusable: readonly { readonly token: DoiToken; readonly value: string; readonly reason?: string }[] };

/** A token's value as suffix text, or why it cannot be one (no reason: no Latin letter or digit is left). */
function tokenText(part: Extract<Part, { token: DoiToken }>, raw: string | number): { text: string } | { reason?: string } {
  if (part.token === 'initial') {
    const letter = /[a-z]/.exec(foldLatin(String(raw)))?.[0];
    return letter === undefined ? {} : { text: letter.toUpperCase() };
  }
  const text = doiSuffixText(raw);
  if (text === '') return {};
  if (part.width === undefined) return { text };
  if (!/^\d+$/.test(text)) return { reason: `is not a number, so it cannot be padded to {${part.token}:${part.width}}` };
  if (text.length > part.width) return { reason: `has more than ${part.width} digits, the width of {${part.token}:${part.width}}` };
  return { text: text.padStart(part.width, '0') };
}

/** The template filled in for one article; no DOI when a token has no usable value (a DOI must not depend on what the source lacks). */
export function expandDoiTemplate(template: DoiTemplate, values: DoiTokenValues): DoiExpansion {
  const missing: DoiToken[] = [];
  const unusable: { token: DoiToken; value: string; reason?: string }[] = [];
  let suffix = '';
  for (const part of template.parts) {
    if ('literal' in part) {
      suffix += part.literal;
      continue;
    }
    const raw = values[part.token];
    if (raw === undefined || String(raw).trim() === '') {
      missing.push(part.token);
      continue;
    }
    const value = tokenText(part, raw);
    if ('text' in value) suffix += value.text;
    else unusable.push({ token: part.token, value: String(raw), ...(value.reason === undefined ? {} : { reason: value.reason }) });
  }
  if (missing.length > 0 || unusable.length > 0) return { ok: false, missing, unusable };
  // parseDoiTemplate refuses a suffix ending in a separator and values are trimmed: this is a second guard.
  return { ok: true, doi: `${template.prefix}/${suffix.replace(/[-._;:/]+$/, '')}` };
}
