/**
 * The zod building blocks shared by journal, issue and article files. Each one checks a value
 * at the edge and turns it into the normalised form that renderers trust.
 */
import * as z from 'zod';
import { canonicalDoi, canonicalIssn, canonicalOrcid, canonicalRor } from './identifiers.ts';
import { parseMarkup, type Inline } from './markup.ts';
import { parsePartialDate, type PartialDate } from './dates.ts';
import { isRoman } from './pages.ts';

/** C0 controls other than tab and newline, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF: none is allowed in XML 1.0 or wanted in HTML. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, and
 * they make text display in another order than it is stored ("Trojan Source"), so a title or a
 * name could show one thing and say another to indexers. Right-to-left scripts need none of them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** What a decoder puts where a file's bytes were not UTF-8 (CLI and Ingest both decode leniently). */
const REPLACEMENT = '\uFFFD';

const codeOf = (ch: string): string => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

function checkChars(value: string, ctx: z.RefinementCtx): void {
  const m = FORBIDDEN_CHARS.exec(value);
  if (m) {
    ctx.addIssue({ code: 'custom', message: `contains the control character U+${codeOf(m[0])} at position ${m.index + 1}; remove it` });
    return;
  }
  const bidi = BIDI_CONTROLS.exec(value);
  if (bidi) {
    ctx.addIssue({ code: 'custom', message: `contains the invisible bidirectional control character U+${codeOf(bidi[0])} at position ${bidi.index + 1} (it makes text display in another order than it reads); remove it, right-to-left text needs no control characters` });
    return;
  }
  const lost = value.indexOf(REPLACEMENT);
  if (lost >= 0) {
    ctx.addIssue({ code: 'custom', message: `contains U+FFFD at position ${lost + 1}, the mark of bytes that were not UTF-8: save the file as UTF-8 and type the character again` });
  }
}

/** Free text: trimmed, non-empty, with no control characters (nor bidirectional controls, nor U+FFFD). */
export const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine(checkChars);

/** Text with inline markup (see markup.ts), normalised to an inline tree. */
export const markup = text.transform((value, ctx): Inline[] => {
  const parsed = parseMarkup(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: `${parsed.problem.message} (at character ${parsed.problem.offset + 1})` });
  return z.NEVER;
});

/** Abstract text: paragraphs separated by a blank line, each with inline markup. */
export const paragraphs = text.transform((value, ctx): Inline[][] => {
  const out: Inline[][] = [];
  for (const [index, paragraph] of value.split(/\n[ \t]*\n/).entries()) {
    const parsed = parseMarkup(paragraph.replace(/\s*\n\s*/g, ' ').trim());
    if (parsed.ok) {
      if (parsed.value.length > 0) out.push(parsed.value);
      continue;
    }
    ctx.addIssue({ code: 'custom', message: `paragraph ${index + 1}: ${parsed.problem.message}` });
    return z.NEVER;
  }
  return out;
});

/** A language tag (BCP 47, as Crossref and JATS `xml:lang` take it): `en`, `sr-Latn`. */
export const lang = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, fr, de, sr-Latn');

export const doi = z.string().meta({ pattern: '^(?:https?://(?:dx\\.)?doi\\.org/|doi:)?10\\.\\d{4,9}/\\S+$' }).transform((value, ctx) => {
  const canonical = canonicalDoi(value);
  if (canonical && canonical.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    // The DOI becomes the landing page's path (core/urls.ts): such parts would name another folder.
    ctx.addIssue({ code: 'custom', message: `"${value}" has an empty, "." or ".." part between slashes, which no web address can carry` });
    return z.NEVER;
  }
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a DOI: expected 10.NNNN/suffix (for example 10.2298/BALC1950375E)` });
  return z.NEVER;
});

export const issn = z.string().meta({ pattern: '^\\d{4}-?\\d{3}[\\dXx]$' }).transform((value, ctx) => {
  const canonical = canonicalIssn(value);
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid ISSN: expected NNNN-NNNC with a correct check digit` });
  return z.NEVER;
});

export const orcid = z.string().meta({ pattern: '^(?:https?://orcid\\.org/)?\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$' }).transform((value, ctx) => {
  const canonical = canonicalOrcid(value);
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid ORCID iD: expected NNNN-NNNN-NNNN-NNNC with a correct checksum` });
  return z.NEVER;
});

export const ror = z.string().meta({ pattern: '^(?:https?://ror\\.org/)?0[0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{6}[0-9]{2}$' }).transform((value, ctx) => {
  const canonical = canonicalRor(value);
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid ROR id: expected https://ror.org/0xxxxxxNN with correct check digits` });
  return z.NEVER;
});

/** An absolute http(s) URL, trailing slash kept as written. */
export const url = z
  .string()
  .trim()
  .superRefine(checkChars)
  .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && URL.canParse(value), 'must be an absolute http(s) URL');

export const email = z.email('must be an email address');

/** ISO 3166-1 alpha-2 country code. */
export const country = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code such as RS');

export const partialDate = z.union([z.string().meta({ pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$' }), z.number().int()], { error: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' }).transform((value, ctx): PartialDate => {
  const parsed = parsePartialDate(value);
  if (typeof parsed !== 'string') return parsed;
  ctx.addIssue({ code: 'custom', message: `"${value}": ${parsed}` });
  return z.NEVER;
});

/** Volume, issue number or page as printed; YAML numbers become strings (`50` → "50"). */
export const printed = z.union([z.string(), z.number().int().nonnegative()], { error: 'must be a label as printed: text or a whole number' }).transform((value, ctx) => {
  const s = String(value).trim();
  if (s && !/[\s<>&]/.test(s)) return s;
  ctx.addIssue({ code: 'custom', message: `"${value}" must be a non-empty label without spaces, < > or &` });
  return z.NEVER;
});

/**
 * A volume or issue exactly as printed, spaces and signs included (`n° 95`, `Pt 3`, `108 Suppl`):
 * Crossref takes any text of up to 32 characters there (crossref/rules.ts checks the length).
 */
export const printedLabel = z.union([z.string(), z.number().int().nonnegative()], { error: 'must be a label as printed: text or a whole number' }).transform((value, ctx) => {
  const s = String(value).replace(/\s+/g, ' ').trim();
  if (s !== '' && !/[<>]/.test(s) && !FORBIDDEN_CHARS.test(s)) return s;
  ctx.addIssue({ code: 'custom', message: `"${value}" must be a non-empty label as printed, without < or >` });
  return z.NEVER;
});

/** A page number: arabic digits, roman numerals, or a letter prefix and digits (S12, e7). */
export const page = printed.refine(
  // Real records carry labels such as S12, e7, 473s and 20.1; anything with spaces or markup is not a page.
  (value) => /^\d+$/.test(value) || isRoman(value) || /^[A-Za-z]{0,3}\d+(?:\.\d+)?[A-Za-z]{0,3}$/.test(value),
  'must be a page number: arabic (375), roman (xiv, L) or a label such as S12, e7 or 20.1',
);

export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
