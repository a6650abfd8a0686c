/**
 * The corpus round trip for one source file: import → YAML files → `loadJournal` → JATS, Crossref
 * deposit and landing page → XSD validation and the facts of `facts.ts` compared with the source's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { issueFiles } from '#core/import/files';
import { importMetadata, type ImportFormat } from '#core/import/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { formatProblem, loadJournal, type IssueBundle } from '#core/model/index';
import { corpusDir } from '#tests/helpers/shared';
import { validateXml } from '#tests/helpers/xsd';
import { crossrefJsonFacts, crossrefXmlFacts, jatsFacts, landingFacts, ojsFacts, type Facts } from './facts.ts';

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
export type RecordOutcome = { readonly file: string; readonly folder: string; readonly doi: string; readonly failures: readonly string[] };

const SOURCE_FACTS: Readonly<Record<ImportFormat, (text: string) => Facts[]>> = {
  'crossref-json': crossrefJsonFacts,
  'crossref-xml': crossrefXmlFacts,
  jats: jatsFacts,
  'ojs-native': ojsFacts,
};

const BATCH = { batchId: 'colophon-import-roundtrip', timestamp: '20240101000000000' } as const;
const compact = (s: string | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, '');
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/** Differences between the source's facts and a rendering's, as `field: source …, <output> …`. */
export function compareFacts(source: Facts, out: Facts | undefined, output: string): string[] {
  if (!out) return [`${output}: the article is missing`];
  const diffs: string[] = [];
  const differ = (field: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${field}: source ${show(a)}, ${output} ${show(b)}`);
  };
  differ('doi', source.doi.toLowerCase(), out.doi.toLowerCase());
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
  differ('licence', source.license, out.license);
  differ('references', source.references, out.references);
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

/** Runs the round trip over one corpus file: one outcome per journal-article record of the source. */
export function roundTrip(entry: CorpusEntry): { outcomes: RecordOutcome[]; importError?: string } {
  const text = readFileSync(join(corpusDir(), entry.path), 'utf8');
  const imported = importMetadata(entry.format, text);
  let sources: Facts[];
  try {
    sources = SOURCE_FACTS[entry.format](text);
  } catch {
    sources = [];
  }
  const outcome = (doi: string, failures: string[]): RecordOutcome => ({ file: entry.path, folder: entry.folder, doi, failures });
  if (!imported.ok) return { outcomes: sources.map((s) => outcome(s.doi, [`not imported: ${imported.error}`])), importError: imported.error };
  const found = new Map<string, string[]>();
  for (const result of imported.results) {
    const files = issueFiles(result, entry.path);
    const loaded = loadResult(files);
    if (!loaded.ok) {
      for (const a of result.articles) found.set(a.doi.toLowerCase(), [`does not load: ${loaded.problems.join(' | ')}`]);
      continue;
    }
    for (const bundle of loaded.bundles) {
      const deposit = renderCrossrefDeposit(bundle, BATCH);
      const depositErrors = validateXml('crossref', deposit).errors;
      const depositFacts = crossrefXmlFacts(deposit);
      for (const article of bundle.articles) {
        const source = sources.find((s) => s.doi.toLowerCase() === article.doi.toLowerCase());
        if (!source) continue;
        const jats = renderJats(bundle, article);
        const jatsErrors = validateXml('jats', jats).errors;
        const landing = landingFacts(renderLandingPage(bundle, article));
        const failures = [
          ...depositErrors.map((e) => `Crossref deposit invalid: ${e}`),
          ...jatsErrors.map((e) => `JATS invalid: ${e}`),
          ...compareFacts(source, depositFacts.find((f) => f.doi.toLowerCase() === article.doi.toLowerCase()), 'Crossref'),
          ...compareFacts(source, jatsFacts(jats)[0], 'JATS'),
          ...(landing.doi?.toLowerCase() === source.doi.toLowerCase() ? [] : [`landing page: citation_doi ${show(landing.doi)}`]),
          ...(compact(landing.title).startsWith(compact(source.title)) ? [] : [`landing page: citation_title ${show(landing.title)}, source ${show(source.title)}`]),
          ...(landing.authors.length === (source.contributors.author ?? []).length ? [] : [`landing page: ${landing.authors.length} citation_author, source ${(source.contributors.author ?? []).length} authors`]),
        ];
        found.set(article.doi.toLowerCase(), failures);
      }
    }
  }
  return { outcomes: sources.map((s) => outcome(s.doi, found.get(s.doi.toLowerCase()) ?? ['not imported: the record was skipped (see the import notes)'])) };
}
