/**
 * Sets (OAI-PMH 2.0 §2.7.2, §4.6): one per issue and one per journal section, under two roots,
 * `issue` and `section`; in the stage's repository these sit below one set per journal. Set specs are colon-separated paths, so asking for `issue` selects every
 * record in any issue, and `issue:L-2019` the articles of that issue.
 */
import type { Issue } from '../model/issue.ts';
import { issueLabel } from '../site/html.ts';
import type { OaiArticleRecord } from './source.ts';

export const SET_ROOTS = { issue: 'Issues', section: 'Journal sections' } as const;
export type SetRoot = keyof typeof SET_ROOTS;

export type OaiSet = { readonly spec: string; readonly name: string };

/**
 * One spec segment: the characters setSpecType allows ([A-Za-z0-9-_.!~*'()]) stay; anything else
 * (and `~` itself, so the mapping stays one-to-one) becomes `~` and two hex digits per UTF-8 byte.
 */
export function specSegment(id: string): string {
  let out = '';
  for (const ch of id) {
    if (/[A-Za-z0-9\-_.!*'()]/.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const issueSpec = (issueId: string): string => `issue:${specSegment(issueId)}`;
export const sectionSpec = (sectionId: string): string => `section:${specSegment(sectionId)}`;

/**
 * The leaf sets a record is in, as its header lists them. In the stage's repository (every
 * journal on the stage) each journal is a set of its own (setSpec = the journal id), and its
 * issue and section sets sit below it: `balcanica:issue:L-2019`.
 */
export function setSpecsOf(record: OaiArticleRecord, stageWide = false): string[] {
  return specsIn(record.journal.id, leafSpecsOf(record), stageWide);
}

/** The leaf sets of a record in its journal's own repository (kept with a prepared record, core/oai/prepared.ts). */
export function leafSpecsOf(record: OaiArticleRecord): string[] {
  const section = record.article.section;
  return [issueSpec(record.issue.id), ...(section === undefined ? [] : [sectionSpec(section.id)])];
}

/** A journal's leaf set specs as a repository lists them: below the journal's set in the stage's. */
export const specsIn = (journalId: string, leaves: readonly string[], stageWide: boolean): string[] => (stageWide ? leaves.map((spec) => `${journalSpec(journalId)}:${spec}`) : [...leaves]);

/** A journal's set in the stage's repository. Journal ids are slugs, which setSpecType allows as they are. */
export const journalSpec = (journalId: string): string => specSegment(journalId);

/**
 * The journal a stage-wide set spec selects, and the spec within that journal's own repository
 * (undefined: the whole journal); undefined when the spec names no journal of the list.
 */
export function journalOfSpec(spec: string, journalIds: readonly string[]): { readonly journalId: string; readonly inner: string | undefined } | undefined {
  const [head, ...rest] = spec.split(':');
  const journalId = journalIds.find((id) => journalSpec(id) === head);
  return journalId === undefined ? undefined : { journalId, inner: rest.length === 0 ? undefined : rest.join(':') };
}

/** Whether a record is in a set or in one of its descendants. */
export const inSet = (record: OaiArticleRecord, spec: string): boolean => inSets(leafSpecsOf(record), spec);

/** Whether any of these leaf sets is `spec` or below it. */
export const inSets = (leaves: readonly string[], spec: string): boolean => leaves.some((leaf) => leaf === spec || leaf.startsWith(`${spec}:`));

/**
 * Every set, roots first: issues newest year first (as a table of contents lists them), then
 * sections in the order the most recent issue lists them (older issues' other sections after),
 * each named by the title of its most recent issue. Empty when there is no issue.
 */
export function listSets(issues: readonly Issue[]): OaiSet[] {
  if (issues.length === 0) return [];
  const byYear = [...issues].sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sections = new Map<string, string>();
  for (const issue of byYear) for (const s of issue.sections ?? []) if (!sections.has(s.id)) sections.set(s.id, s.title);
  const sets: OaiSet[] = [{ spec: 'issue', name: SET_ROOTS.issue }, ...byYear.map((issue) => ({ spec: issueSpec(issue.id), name: issueLabel(issue) }))];
  if (sections.size > 0) {
    sets.push({ spec: 'section', name: SET_ROOTS.section });
    for (const [id, title] of sections) sets.push({ spec: sectionSpec(id), name: title });
  }
  return sets;
}

/** The stage's sets: each journal (named by its title), then its own sets below it, their names led by the journal's. */
export function stageSets(journals: readonly { readonly journal: { readonly id: string; readonly title: string }; readonly issues: readonly Issue[] }[]): OaiSet[] {
  return journals.flatMap(({ journal, issues }) => [
    { spec: journalSpec(journal.id), name: journal.title },
    ...listSets(issues).map((s) => ({ spec: `${journalSpec(journal.id)}:${s.spec}`, name: `${journal.title}: ${s.name}` })),
  ]);
}
