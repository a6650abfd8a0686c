/**
 * Text and identifiers for the synthetic articles: titles, abstracts with inline markup,
 * citations as printed, and ORCID iDs and ROR ids whose check digits the model accepts.
 */
import type { Random } from './random.ts';
import { NAMES, PERIODICALS, PLACES, POOLS, PUBLISHERS, type Language } from './synthetic-words.ts';

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** `count` words, content words with glue words between some of them. */
function phrase(rng: Random, lang: Language, count: number): string {
  const pool = POOLS[lang];
  const out: string[] = [];
  for (let k = 0; k < count; k += 1) out.push(k > 0 && rng.chance(0.35) ? rng.pick(pool.glue) : rng.pick(pool.words));
  return out.join(' ');
}

/** Inline markup the way editors write it: italic titles, chemistry, ordinals, acronyms in small caps. */
function decorate(rng: Random, lang: Language, words: string): string {
  const roll = rng.next();
  if (roll < 0.06) return `${words} (H<sub>2</sub>O)`;
  if (roll < 0.12) return `${words} (19<sup>th</sup> c.)`;
  if (roll < 0.2) return `${words} <i>${phrase(rng, lang, 2)}</i>`;
  if (roll < 0.24) return `${words} <sc>unesco</sc>`;
  if (roll < 0.27) return `${words} <b>${phrase(rng, lang, 1)}</b>`;
  if (roll < 0.3) return `${words} & ${phrase(rng, lang, 1)}`;
  if (roll < 0.32) return `${words} (p < 0.05)`;
  if (roll < 0.36) {
    const [open, close] = POOLS[lang].quotes;
    return `${words} ${open}${phrase(rng, lang, 2)}${close}`;
  }
  return words;
}

/** A title: 4–14 words, often with a date range (en dash) or an italic work. */
export function title(rng: Random, lang: Language): string {
  let t = capitalise(phrase(rng, lang, rng.int(3, 12)));
  if (rng.chance(0.3)) {
    const from = rng.int(1389, 1990);
    t += `, ${from}\u2013${from + rng.int(1, 60)}`;
  } else if (rng.chance(0.2)) t += ` <i>${capitalise(phrase(rng, lang, 2))}</i>`;
  return t;
}

export const subtitle = (rng: Random, lang: Language): string => capitalise(phrase(rng, lang, rng.int(2, 8)));

function sentence(rng: Random, lang: Language): string {
  return `${capitalise(decorate(rng, lang, phrase(rng, lang, rng.int(8, 26))))}.`;
}

/** An abstract of 60–380 words in 1–3 paragraphs (a blank line between them, as the model reads it). */
export function abstract(rng: Random, lang: Language): string {
  const paragraphs: string[] = [];
  const count = rng.weighted([6, 3, 1]) + 1;
  const sentences = rng.int(4, 18);
  for (let p = 0; p < count; p += 1) {
    const lines: string[] = [];
    for (let s = 0; s < Math.ceil(sentences / count); s += 1) lines.push(sentence(rng, lang));
    paragraphs.push(lines.join(' '));
  }
  return paragraphs.join('\n\n');
}

export function keywords(rng: Random, lang: Language): string[] {
  return [...new Set(Array.from({ length: rng.int(3, 10) }, () => phrase(rng, lang, rng.int(1, 3))))];
}

const author = (rng: Random): string => {
  const names = NAMES[rng.pick(Object.keys(NAMES))]!;
  return `${rng.pick(names.family)}, ${rng.pick(names.given)}`;
};

/** A DOI with a registrant prefix and a suffix shaped like real ones (SICI-free). */
export function doi(rng: Random): string {
  const prefix = rng.pick(['10.2298', '10.1017', '10.1093', '10.2307', '10.1080', '10.3406', '10.13140']);
  const suffix = rng.pick([
    () => `BALC${rng.int(1000, 9999)}${rng.int(100, 999)}${rng.pick(['E', 'P', 'M', 'S'])}`,
    () => `S${rng.int(10000000, 99999999)}${rng.int(1000, 9999)}`,
    () => `${rng.int(1000000, 9999999)}`,
    () => `${rng.int(14600000, 14699999)}.${rng.int(1990, 2024)}.${rng.int(1000000, 9999999)}`,
  ])();
  return `${prefix}/${suffix}`;
}

/** One reference as printed: a book, an article or an archival source; about a third with a DOI. */
export function reference(rng: Random, lang: Language): { citation: string; doi?: string } {
  const year = rng.int(1850, 2023);
  const [open, close] = POOLS[lang].quotes;
  const kind = rng.weighted([4, 4, 2]);
  if (kind === 0) {
    return { citation: `${author(rng)}. <i>${capitalise(phrase(rng, lang, rng.int(2, 9)))}</i>. ${rng.pick(PLACES)}: ${rng.pick(PUBLISHERS)}, ${year}.` };
  }
  if (kind === 1) {
    const first = rng.int(1, 400);
    const citation = `${author(rng)}. ${open}${capitalise(phrase(rng, lang, rng.int(3, 10)))}.${close} <i>${rng.pick(PERIODICALS)}</i> ${rng.int(1, 60)} (${year}): ${first}\u2013${first + rng.int(5, 40)}.`;
    return rng.chance(0.6) ? { citation, doi: doi(rng) } : { citation };
  }
  return { citation: `Archive of Yugoslavia (AJ), fond ${rng.int(100, 900)}, f. ${rng.int(1, 99)}, ${capitalise(phrase(rng, lang, rng.int(2, 5)))}, ${year}.` };
}

/** A random ORCID iD with its ISO 7064 11,2 check character. */
export function orcid(rng: Random): string {
  const digits = `0000000${rng.int(1, 3)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  let total = 0;
  for (const d of digits) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? 'X' : String(check));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** A random ROR id: `0`, six Crockford base32 characters, two MOD 97-10 check digits. */
export function ror(rng: Random): string {
  let body = '0';
  for (let k = 0; k < 6; k += 1) body += rng.pick([...CROCKFORD]);
  let n = 0n;
  for (const c of body) n = n * 32n + BigInt(CROCKFORD.indexOf(c));
  return `https://ror.org/${body}${String(98n - ((n * 100n) % 97n)).padStart(2, '0')}`;
}
