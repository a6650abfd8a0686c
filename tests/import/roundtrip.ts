/**
 * The corpus round trip for one source file: import → YAML files → `loadJournal` → JATS, Crossref
 * deposit and landing page → XSD validation and the facts of `facts.ts` compared with the source's.
 * An output article that matches no source record is a failure of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { issueFiles } from '#core/import/files';
import { assignDois, importMetadata, parseDoiTemplate, type DoiTemplate, type ImportFormat, type ImportResult } from '#core/import/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { formatProblem, loadJournal, type IssueBundle } from '#core/model/index';
import { corpusDir } from '#tests/helpers/shared';
import { validateXml } from '#tests/helpers/xsd';
import { crossrefJsonFacts, crossrefXmlFacts, jatsFacts, landingFacts, ojsFacts, type Facts } from './facts.ts';
import { citeproc } from '#core/cite/engine';

export const FORMATS: Readonly<Record<string, ImportFormat>> = {
  'crossref-api-json': 'crossref-json',
  'crossref-deposits': 'crossref-xml',
  jats: 'jats',
  'ojs-native': 'ojs-native',
};

export type CorpusEntry = { readonly path: string; readonly folder: string; readonly format: ImportFormat; readonly notes: string };

/** The rows of INDEX.tsv in the folders the importer reads. */
export function corpusEntries(): CorpusEntry[] {
  const rows = readFileSync(join(corpusDir(), 'INDEX.tsv'), 'utf8').split('\n').slice(1).filter((r) => r.trim() !== '');
  return rows
    .map((row) => row.split('\t'))
    .filter(([path]) => FORMATS[path!.split('/')[0]!] !== undefined)
    .map(([path, , , , , notes]) => ({ path: path!, folder: path!.split('/').slice(0, 2).join('/'), format: FORMATS[path!.split('/')[0]!]!, notes: notes ?? '' }));
}

/** One journal-article record of a source file and what became of it. */
export type RecordOutcome = { readonly file: string; readonly folder: string; readonly doi: string; readonly failures: readonly string[]; readonly jats?: string };

const SOURCE_FACTS: Readonly<Record<ImportFormat, (text: string) => Facts[]>> = {
  'crossref-json': crossrefJsonFacts,
  'crossref-xml': crossrefXmlFacts,
  jats: jatsFacts,
  'ojs-native': ojsFacts,
};

/**
 * The DOI template the round trip gives records without a DOI (OJS test exports, JATS4R fragments);
 * each corpus file is imported on its own, and volume, issue and position keep its DOIs apart.
 */
export const CORPUS_DOI_TEMPLATE = '10.5555/corpus.{volume}.{issue}.{seq}';
const TEMPLATE = ((): DoiTemplate => {
  const parsed = parseDoiTemplate(CORPUS_DOI_TEMPLATE);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.template;
})();

/**
 * A volume or issue as template suffix text, worked out here apart from doi-template.ts: accents
 * off, lower case, dashes, spaces and other punctuation as one `-`, other scripts dropped, no
 * separator at either end; empty when no Latin letter or digit is left.
 */
export function suffixPart(value: string | undefined): string {
  const text = (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._;:/]+/gu, '-')
    .replace(/[^-a-z0-9._;:/]/g, '')
    .replace(/[-._;:/]{2,}/g, (run) => (new Set(run).size === 1 ? run[0]! : '-'))
    .replace(/^[-._;:/]+|[-._;:/]+$/g, '');
  return /[a-z0-9]/.test(text) ? text : '';
}

/**
 * What the template gives a DOI-less source record, worked out here from the source's own facts
 * (not from the importer's result): its volume and issue as suffix text and its position among
 * the file's records of the same volume and issue. Undefined when the record lacks a volume or
 * an issue: the template then gives it no DOI (and the import of its file is refused).
 */
export function expectedDoi(sources: readonly Facts[], index: number): string | undefined {
  const source = sources[index]!;
  if (source.doi !== '') return source.doi;
  const [volume, issue] = [suffixPart(source.volume), suffixPart(source.issue)];
  if (volume === '' || issue === '') return undefined;
  const sameIssue = (f: Facts): boolean => f.volume === source.volume && f.issue === source.issue;
  const seq = sources.slice(0, index).filter(sameIssue).length + 1;
  return `10.5555/corpus.${volume}.${issue}.${seq}`;
}

/** The DOIs of output articles that match no source record (compared case-insensitively): each is a failure, never skipped. */
export function unmatchedDois(sources: readonly { readonly doi: string }[], outputDois: readonly string[]): string[] {
  const known = new Set(sources.map((s) => s.doi.toLowerCase()).filter((d) => d !== ''));
  return outputDois.filter((d) => !known.has(d.toLowerCase()));
}

const BATCH = { batchId: 'colophon-import-roundtrip', timestamp: '20240101000000000' } as const;
const compact = (s: string | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, '');
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
/**
 * A licence compared by what it names: Colophon writes Creative Commons URLs in their canonical
 * https form with a trailing slash (and without `legalcode`/`deed`), so the scheme, `www.`, case
 * and those endings are not a difference. Written here apart from model/license-url.ts.
 */
const licenceKey = (url: string | undefined): string | undefined =>
  url === undefined || !/creativecommons\.org/i.test(url) ? url : url.toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/(legalcode|deed(\.[a-z-]+)?)$/, '').replace(/\/$/, '');

/** Differences between the source's facts and a rendering's, as `field: source …, <output> …`. */
export function compareFacts(source: Facts, out: Facts | undefined, output: string, doiField = 'doi'): string[] {
  if (!out) return [`${output}: the article is missing`];
  const diffs: string[] = [];
  const differ = (field: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${field}: source ${show(a)}, ${output} ${show(b)}`);
  };
  differ(doiField, source.doi.toLowerCase(), out.doi.toLowerCase());
  if (compact(source.title) !== compact(out.title)) differ('title', source.title, out.title);
  if (source.subtitle && compact(source.subtitle) !== compact(out.subtitle)) differ('subtitle', source.subtitle, out.subtitle);
  for (const role of new Set([...Object.keys(source.contributors), ...Object.keys(out.contributors)])) differ(`contributors (${role})`, source.contributors[role] ?? [], out.contributors[role] ?? []);
  if (source.issns.length > 0) differ('issns', source.issns, out.issns);
  differ('volume', source.volume, out.volume);
  differ('issue', source.issue, out.issue);
  differ('first page', source.firstPage, out.firstPage);
  differ('last page', source.lastPage, out.lastPage);
  // Dates the source states must come through unchanged; the model may add the issue's.
  if (source.published.print) differ('print date', source.published.print, out.published.print);
  if (source.published.online) differ('online date', source.published.online, out.published.online);
  differ('licence', licenceKey(source.license), licenceKey(out.license));
  differ('references', source.references, out.references);
  differ('reference DOIs', source.referenceDois, out.referenceDois);
  if (source.referenceYears) differ('reference years', source.referenceYears, out.referenceYears ?? []);
  return diffs;
}

function loadResult(files: ReturnType<typeof issueFiles>): { ok: true; bundles: IssueBundle[] } | { ok: false; problems: string[] } {
  const result = loadJournal({
    id: 'imported',
    journal: { path: 'journal.yaml', text: files.journal.text },
    issues: [{ id: files.folder, issue: { path: 'issue.yaml', text: files.issue.text }, articles: files.articles.map((a) => ({ path: a.name, text: a.text })) }],
  });
  return result.ok ? { ok: true, bundles: result.bundles } : { ok: false, problems: result.problems.map(formatProblem) };
}

/** The import of a source file, with the DOIs of its DOI-less records assigned from the corpus template. */
function importWithDois(entry: CorpusEntry, text: string): { ok: true; results: ImportResult[] } | { ok: false; error: string } {
  const imported = importMetadata(entry.format, text, { keepWithoutDoi: true });
  if (!imported.ok) return imported;
  const assigned = assignDois(imported.results, TEMPLATE, { journal: 'corpus' });
  return assigned.ok ? assigned : { ok: false, error: `cannot assign DOIs: ${assigned.problems.join('; ')}` };
}

/** Runs the round trip over one corpus file: one outcome per journal-article record of the source. */
export function roundTrip(entry: CorpusEntry): { outcomes: RecordOutcome[]; importError?: string } {
  const text = readFileSync(join(corpusDir(), entry.path), 'utf8');
  const imported = importWithDois(entry, text);
  let facts: Facts[];
  try {
    facts = SOURCE_FACTS[entry.format](text);
  } catch {
    facts = [];
  }
  // A record without a DOI is compared as "the source has none → the template's DOI for it".
  const sources = facts.map((f, k) => ({ ...f, doi: expectedDoi(facts, k) ?? '', assigned: f.doi === '' }));
  const outcome = (doi: string, failures: string[]): RecordOutcome => ({ file: entry.path, folder: entry.folder, doi, failures });
  const label = (s: (typeof sources)[number]): string =>
    !s.assigned ? s.doi : s.doi === '' ? `no DOI (none in the source, and no volume or issue for ${CORPUS_DOI_TEMPLATE})` : `${s.doi} (none in the source; from ${CORPUS_DOI_TEMPLATE})`;
  if (!imported.ok) return { outcomes: sources.map((s) => outcome(label(s), [`not imported: ${imported.error}`])), importError: imported.error };
  const found = new Map<string, string[]>();
  const rendered = new Map<string, string>();
  const unmatched: RecordOutcome[] = [];
  const noSource = (dois: readonly string[], why: string): void => {
    for (const doi of unmatchedDois(sources, dois)) unmatched.push(outcome(doi, [`the output has an article that matches no source record${why}`]));
  };
  for (const result of imported.results) {
    const files = issueFiles(result, entry.path);
    const loaded = loadResult(files);
    if (!loaded.ok) {
      for (const a of result.articles) found.set(a.doi.toLowerCase(), [`does not load: ${loaded.problems.join(' | ')}`]);
      noSource(result.articles.map((a) => a.doi), ' (and does not load)');
      continue;
    }
    noSource(loaded.bundles.flatMap((b) => b.articles.map((a) => a.doi)), '');
    for (const bundle of loaded.bundles) {
      const deposit = renderCrossrefDeposit(bundle, BATCH);
      const depositErrors = validateXml('crossref', deposit).errors;
      const depositFacts = crossrefXmlFacts(deposit);
      for (const article of bundle.articles) {
        const source = sources.find((s) => s.doi.toLowerCase() === article.doi.toLowerCase());
        if (!source) continue; // reported by noSource above
        const doiField = source.assigned ? `doi (none in the source, so ${CORPUS_DOI_TEMPLATE})` : 'doi';
        const jats = renderJats(bundle, article);
        rendered.set(article.doi.toLowerCase(), jats);
        const jatsErrors = validateXml('jats', jats).errors;
        const landing = landingFacts(renderLandingPage(bundle, article, { engine: citeproc }));
        const failures = [
          ...depositErrors.map((e) => `Crossref deposit invalid: ${e}`),
          ...jatsErrors.map((e) => `JATS invalid: ${e}`),
          ...compareFacts(source, depositFacts.find((f) => f.doi.toLowerCase() === article.doi.toLowerCase()), 'Crossref', doiField),
          ...compareFacts(source, jatsFacts(jats)[0], 'JATS', doiField),
          ...(landing.doi?.toLowerCase() === source.doi.toLowerCase() ? [] : [`landing page: citation_doi ${show(landing.doi)}`]),
          ...(compact(landing.title).startsWith(compact(source.title)) ? [] : [`landing page: citation_title ${show(landing.title)}, source ${show(source.title)}`]),
          ...(landing.authors.length === (source.contributors.author ?? []).length ? [] : [`landing page: ${landing.authors.length} citation_author, source ${(source.contributors.author ?? []).length} authors`]),
        ];
        found.set(article.doi.toLowerCase(), failures);
      }
    }
  }
  const withJats = (s: (typeof sources)[number]): RecordOutcome => {
    const jats = rendered.get(s.doi.toLowerCase());
    return { ...outcome(label(s), found.get(s.doi.toLowerCase()) ?? ['not imported: the record was skipped (see the import notes)']), ...(jats === undefined ? {} : { jats }) };
  };
  return { outcomes: [...sources.map(withJats), ...unmatched] };
}
