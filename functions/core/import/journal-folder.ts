/**
 * The journal folder as an import will leave it: the issues and files already there (the command
 * reads them) overlaid by the files the import writes, and the DOIs those files state. An assigned
 * DOI must be none of those already there, and after the write no two files of the folder may
 * share a DOI: a DOI names one item for good once registered (Crossref,
 * https://www.crossref.org/documentation/member-setup/constructing-your-dois/). Pure: no disk.
 */
import { parse } from 'yaml';
import type { JournalSources } from '#core/model/index';

export type IssueSources = JournalSources['issues'][number];

/** A DOI a file states (issue.yaml's own DOI, an article's DOI). */
export type DoiClaim = { readonly doi: string; readonly file: string };

/** Sorted by path as `metadata-fs` sorts names, so the loader sees the files in the order it will read them. */
const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The journal's issues after the write: a planned issue replaces `issue.yaml` and the article files
 * of the same path of the issue of the same id (folder name); the issue's other files stay.
 */
export function overlayIssues(existing: readonly IssueSources[], planned: readonly IssueSources[]): IssueSources[] {
  const byId = new Map(existing.map((i) => [i.id, i]));
  for (const p of planned) {
    const written = new Set(p.articles.map((a) => a.path));
    const kept = (byId.get(p.id)?.articles ?? []).filter((a) => !written.has(a.path));
    byId.set(p.id, { id: p.id, issue: p.issue, articles: [...kept, ...p.articles].sort(byPath) });
  }
  return [...byId.values()].sort((a, b) => byPath({ path: a.id }, { path: b.id }));
}

/** A top-level string field of a YAML file; undefined when the file does not parse (the loader reports that) or lacks it. */
export function yamlField(text: string, field: string): string | undefined {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return undefined;
  }
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  return typeof found === 'string' && found.trim() !== '' ? found.trim() : undefined;
}

/** The DOI each issue and article file states. */
export function doiClaims(issues: readonly IssueSources[]): DoiClaim[] {
  return issues
    .flatMap((i) => [i.issue, ...i.articles])
    .flatMap((f) => {
      const doi = yamlField(f.text, 'doi');
      return doi === undefined ? [] : [{ doi, file: f.path }];
    });
}

/**
 * DOIs (case-insensitive) stated by more than one file, where one of the files is among `written`:
 * a clash only among files already there is not the import's doing (the loader reports it).
 */
export function sharedDois(claims: readonly DoiClaim[], written: ReadonlySet<string>): { doi: string; files: string[] }[] {
  const byDoi = new Map<string, DoiClaim[]>();
  for (const c of claims) byDoi.set(c.doi.toLowerCase(), [...(byDoi.get(c.doi.toLowerCase()) ?? []), c]);
  return [...byDoi.values()].filter((cs) => cs.length > 1 && cs.some((c) => written.has(c.file))).map((cs) => ({ doi: cs[0]!.doi, files: cs.map((c) => c.file) }));
}
