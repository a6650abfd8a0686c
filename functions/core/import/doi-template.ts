/**
 * DOI templates for a back catalogue without DOIs (`colophon import --assign-dois <template>`):
 * `10.5555/balc.{volume}.{issue}.{seq}` → `10.5555/balc.l.2.7`. The prefix is literal and must be
 * a DOI prefix; the suffix mixes literal text with the tokens of `DOI_TEMPLATE_TOKENS`.
 *
 * Suffix characters follow Crossref's recommendation (letters, digits and `-._;()/:`, see
 * https://www.crossref.org/documentation/member-setup/constructing-your-dois/): a token's value is
 * lower-cased, stripped of accents, its spaces become `-` and any other character is dropped.
 * A token with no value is left out together with the separators (`-._;:/`) written before it,
 * so `corpus.{volume}.{seq}` gives `corpus.3` for an article of an issue without a volume.
 */
import { foldLatin } from './files.ts';

/** The tokens a template may use, each with what it stands for. */
export const DOI_TEMPLATE_TOKENS = {
  journal: "the journal's Colophon id (the name of its metadata folder)",
  year: "the issue's year",
  volume: "the issue's volume, as printed",
  issue: "the issue's number, as printed",
  first_page: "the article's first page",
  seq: "the article's position in its issue (1, 2, …) among the imported articles, in source order",
  id: "the source's own id of the article (OJS submission id, JATS publisher-id)",
} as const;

export type DoiToken = keyof typeof DOI_TEMPLATE_TOKENS;

/** What the tokens stand for, for one article (absent: the source does not say). */
export type DoiTokenValues = Partial<Record<DoiToken, string | number>>;

type Part = { readonly literal: string } | { readonly token: DoiToken };

export type DoiTemplate = { readonly text: string; readonly prefix: string; readonly parts: readonly Part[] };

/** Crossref's recommended suffix characters. */
const SUFFIX_CHARS = /^[-._;()/:a-zA-Z0-9]*$/;
const SEPARATORS = /[-._;:/]+$/;
const isToken = (name: string): name is DoiToken => Object.hasOwn(DOI_TEMPLATE_TOKENS, name);
const tokenList = (): string => Object.keys(DOI_TEMPLATE_TOKENS).map((t) => `{${t}}`).join(', ');

/** Reads a template; a problem says what is wrong with it and what a good one looks like. */
export function parseDoiTemplate(text: string): { ok: true; template: DoiTemplate } | { ok: false; problem: string } {
  const example = 'for example 10.5555/balc.{volume}.{issue}.{seq}';
  const slash = text.indexOf('/');
  const prefix = slash < 0 ? text : text.slice(0, slash);
  if (!/^10\.\d{4,9}$/.test(prefix)) return { ok: false, problem: `DOI template "${text}": "${prefix}" is not a DOI prefix (10. and 4 to 9 digits, then /suffix), ${example}` };
  if (slash < 0) return { ok: false, problem: `DOI template "${text}" has no /suffix after its prefix, ${example}` };
  const parts: Part[] = [];
  for (const piece of text.slice(slash + 1).split(/(\{[^{}]*\})/)) {
    const name = /^\{([^{}]*)\}$/.exec(piece)?.[1];
    if (name !== undefined) {
      if (!isToken(name)) return { ok: false, problem: `DOI template "${text}": unknown token {${name}}; the tokens are ${tokenList()}` };
      parts.push({ token: name });
    } else if (!SUFFIX_CHARS.test(piece)) {
      const bad = [...new Set(piece.replace(/[-._;()/:a-zA-Z0-9]/g, ''))].map((c) => JSON.stringify(c)).join(', ');
      return { ok: false, problem: `DOI template "${text}": ${bad} cannot be in a DOI suffix (Crossref recommends letters, digits and - . _ ; ( ) / :)` };
    } else if (piece !== '') parts.push({ literal: piece });
  }
  if (!parts.some((p) => 'token' in p)) return { ok: false, problem: `DOI template "${text}" has no token, so every article would get the same DOI: add some of ${tokenList()}, ${example}` };
  return { ok: true, template: { text, prefix, parts } };
}

/** A token's value as DOI suffix text: `Vol. 3` → `vol.-3`, `Đurić` → `duric`. */
export function doiSuffixText(value: string | number): string {
  return foldLatin(String(value))
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^-._;()/:a-z0-9]/g, '');
}

/** The template filled in for one article; `missing` names the tokens left out for want of a value. */
export function expandDoiTemplate(template: DoiTemplate, values: DoiTokenValues): { doi: string; missing: DoiToken[] } {
  const missing: DoiToken[] = [];
  let suffix = '';
  for (const part of template.parts) {
    if ('literal' in part) {
      suffix += part.literal;
      continue;
    }
    const raw = values[part.token];
    const value = raw === undefined ? '' : doiSuffixText(raw);
    if (value === '') {
      missing.push(part.token);
      suffix = suffix.replace(SEPARATORS, '');
    } else suffix += value;
  }
  return { doi: `${template.prefix}/${suffix.replace(/^[-._;:/]+/, '')}`, missing };
}
