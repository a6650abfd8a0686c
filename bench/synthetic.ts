/**
 * Synthetic but realistic metadata for the render benchmark: one journal with issues of about 25
 * articles, written as the YAML files editors write (shaped like the seed
 * metadata/balcanica/L-2019/edemskiy.yaml and the rich fixture a01-petrovic.yaml), so that the
 * bench loads them through the real loader and times validation on its own.
 *
 * Deterministic: the same `count` and `seed` give the same files, byte for byte.
 */
import { stringify } from 'yaml';
import type { JournalSources, SourceFile } from '#core/model/index';
import { random, type Random } from './random.ts';
import * as write from './synthetic-text.ts';
import { FUNDERS, INSTITUTIONS, LANGUAGE_WEIGHTS, LANGUAGES, MONONYMS, NAMES, ORGANIZATIONS, type Language } from './synthetic-words.ts';

export const ARTICLES_PER_ISSUE = 25;
export const DOI_PREFIX = '10.5555';

const JOURNAL = {
  id: 'synthetica',
  title: 'Synthetica Balcanica \u2013 Annual of <Test> & "Bench" Studies',
  abbrev_title: 'Synth. Balc.',
  issn: { print: '0317-8471', electronic: '2049-3630' },
  publisher: { name: 'Institut für Balkanstudien & Partner', place: 'Wien' },
  doi_prefix: DOI_PREFIX,
  base_url: 'https://journal.example.org/synthetica',
  languages: [...LANGUAGES],
  license: { url: 'https://creativecommons.org/licenses/by/4.0/' },
  crossref: { depositor: { name: 'Production Office', email: 'production@example.org' }, registrant: 'Institut für Balkanstudien' },
};

const NUMERALS: readonly (readonly [number, string])[] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** Volumes as Balcanica prints them (L), front-matter pages in lower case (xiv). */
function roman(n: number): string {
  let out = '';
  for (const [value, numeral] of NUMERALS) for (; n >= value; n -= value) out += numeral;
  return out;
}

const yamlFile = (path: string, value: unknown): SourceFile => ({ path, text: stringify(value, { lineWidth: 100 }) });
const isoDay = (year: number, month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Institutions with fixed synthetic ROR ids: the same institution always has the same id. */
function institutions(rng: Random): { name: string; country: string; ror?: string }[] {
  return INSTITUTIONS.map(([name, country], k) => (k % 4 === 3 ? { name, country } : { name, country, ror: write.ror(rng) }));
}

/** Byline sizes: mostly one to three, a long tail to twelve. */
const CONTRIBUTOR_WEIGHTS = [40, 25, 12, 7, 4, 3, 2, 2, 1, 1, 1, 2];

function contributor(rng: Random, affiliations: ReturnType<typeof institutions>, first: boolean): Record<string, unknown> {
  const roll = rng.next();
  const affs = rng.sample(affiliations, rng.weighted([15, 60, 20, 5]));
  const common = { ...(affs.length > 0 ? { affiliations: affs } : {}) };
  if (roll < 0.03) return { organization: rng.pick(ORGANIZATIONS), ...common };
  if (roll < 0.06) return { name: rng.pick(MONONYMS), ...common };
  const names = NAMES[rng.pick(Object.keys(NAMES))]!;
  return {
    given_name: rng.pick(names.given),
    family_name: rng.pick(names.family),
    ...(rng.chance(0.02) ? { suffix: 'Jr.' } : {}),
    ...(rng.chance(0.5) ? { orcid: rng.chance(0.5) ? `https://orcid.org/${write.orcid(rng)}` : write.orcid(rng) } : {}),
    ...(first && rng.chance(0.4) ? { email: 'author@example.org', corresponding: true } : {}),
    ...(rng.chance(0.04) ? { role: rng.pick(['editor', 'translator']) } : {}),
    ...common,
  };
}

function funding(rng: Random): Record<string, unknown>[] {
  return Array.from({ length: rng.weighted([65, 25, 8, 2]) }, () => {
    const name = rng.pick(FUNDERS);
    const id = rng.chance(0.7) ? { doi: `10.13039/50110000${rng.int(1000, 9999)}` } : { ror: write.ror(rng) };
    const awards = Array.from({ length: rng.int(0, 2) }, () => `${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}/${rng.int(2015, 2024)}-03/${rng.int(200000, 200999)}`);
    return { funder: { name, ...id }, ...(awards.length > 0 ? { awards } : {}) };
  });
}

type IssuePlan = { readonly year: number; readonly volume: string; readonly number: number; readonly numbered: boolean; readonly online: string };

/** One article's YAML object. `pages` runs on from the previous article of the issue. */
function article(rng: Random, issue: IssuePlan, index: number, at: { page: number }, affiliations: ReturnType<typeof institutions>): Record<string, unknown> {
  const lang = LANGUAGES[rng.weighted(LANGUAGES.map((l) => LANGUAGE_WEIGHTS[l]))]!;
  const others = LANGUAGES.filter((l) => l !== lang);
  const count = rng.weighted(CONTRIBUTOR_WEIGHTS) + 1;
  const translated = rng.chance(0.4) ? rng.sample(others, rng.int(1, 2)) : [];
  const abstractLangs: Language[] = [lang, ...(lang !== 'en' && rng.chance(0.6) ? ['en' as const] : [])];
  const editorial = index === 0 && issue.number === 1 && !issue.numbered;
  let pages: Record<string, string | number> | undefined;
  if (editorial) pages = { first: roman(rng.int(5, 7)).toLowerCase(), last: roman(rng.int(8, 16)).toLowerCase() };
  else if (!issue.numbered) {
    const length = rng.int(6, 40);
    pages = { first: at.page, last: at.page + length - 1 };
    at.page += length;
  }
  return {
    doi: `${DOI_PREFIX}/synth.${issue.year}.${issue.number}.${String(index + 1).padStart(3, '0')}`,
    language: lang,
    ...(editorial ? { section: 'editorial' } : rng.chance(0.15) ? { section: 'reviews' } : { section: 'articles' }),
    title: write.title(rng, lang),
    ...(rng.chance(0.3) ? { subtitle: write.subtitle(rng, lang) } : {}),
    ...(translated.length > 0 ? { translated_titles: Object.fromEntries(translated.map((l) => [l, rng.chance(0.3) ? { title: write.title(rng, l), subtitle: write.subtitle(rng, l) } : write.title(rng, l)])) } : {}),
    contributors: Array.from({ length: count }, (_, k) => contributor(rng, affiliations, k === 0)),
    ...(rng.chance(0.95) ? { abstract: Object.fromEntries(abstractLangs.map((l) => [l, write.abstract(rng, l)])) } : {}),
    ...(rng.chance(0.9) ? { keywords: Object.fromEntries(abstractLangs.map((l) => [l, write.keywords(rng, l)])) } : {}),
    ...(pages ? { pages } : { article_number: `e${index + 1}` }),
    dates: {
      ...(rng.chance(0.6) ? { received: isoDay(issue.year - 1, rng.int(1, 6), rng.int(1, 28)), accepted: isoDay(issue.year - 1, rng.int(7, 12), rng.int(1, 28)) } : {}),
      ...(rng.chance(0.1) ? { published: { online: issue.online } } : {}),
    },
    ...(rng.chance(0.2) ? { license: { url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/', copyright_holder: 'The authors', copyright_year: issue.year } } : {}),
    ...(() => {
      const f = funding(rng);
      return f.length > 0 ? { funding: f } : {};
    })(),
    references: Array.from({ length: rng.int(5, 60) }, () => {
      const r = write.reference(rng, rng.chance(0.6) ? lang : 'en');
      return r.doi === undefined && rng.chance(0.5) ? r.citation : r;
    }),
    ...(rng.chance(0.8) ? { galleys: [{ format: 'pdf', path: `a${String(index + 1).padStart(3, '0')}.pdf` }, ...(rng.chance(0.2) ? [{ format: 'html', url: `https://journal.example.org/html/${issue.year}/${index + 1}`, label: 'HTML' }] : [])] } : {}),
    // Another publisher's prefix: a relation to an own-prefix DOI must name an article the stage knows (issue 11).
    ...(rng.chance(0.02) ? { relations: [{ type: rng.pick(['translation-of', 'correction-of']), doi: `10.1234/synth.earlier.${index}` }] } : {}),
  };
}

/** `count` articles in issues of ARTICLES_PER_ISSUE, as one journal's source files. */
export function syntheticSources(count: number, seed = 20230201): JournalSources {
  const rng = random(seed);
  const affiliations = institutions(rng);
  const issues: JournalSources['issues'][number][] = [];
  for (let start = 0, n = 0; start < count; start += ARTICLES_PER_ISSUE, n += 1) {
    const year = 2000 + Math.floor(n / 4);
    const plan: IssuePlan = { year, volume: roman(year - 1969), number: (n % 4) + 1, numbered: n % 10 === 9, online: isoDay(year + 1, rng.int(1, 12), rng.int(1, 28)) };
    const id = `${plan.volume}-${year}-${plan.number}`;
    const issue = {
      volume: plan.volume,
      number: plan.number,
      year,
      ...(n % 5 === 2 ? { title: `Borders & <i>Frontiers</i> ${n}` } : {}),
      published: { print: year, online: plan.online },
      ...(n % 3 === 0 ? { doi: `${DOI_PREFIX}/synth.${year}.${plan.number}` } : {}),
      sections: [
        { id: 'editorial', title: 'Editorial' },
        { id: 'articles', title: 'Articles' },
        { id: 'reviews', title: 'Book Reviews' },
      ],
    };
    const at = { page: 1 };
    const size = Math.min(ARTICLES_PER_ISSUE, count - start);
    const articles = Array.from({ length: size }, (_, k) => yamlFile(`synthetic/${id}/a${String(k + 1).padStart(3, '0')}.yaml`, article(rng, plan, k, at, affiliations)));
    issues.push({ id, issue: yamlFile(`synthetic/${id}/issue.yaml`, issue), articles });
  }
  return { id: JOURNAL.id, journal: yamlFile('synthetic/journal.yaml', JOURNAL), issues };
}
