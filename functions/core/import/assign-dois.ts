/**
 * DOIs for the articles an import kept without one (`importMetadata(…, {keepWithoutDoi: true})`),
 * made from a template (doi-template.ts) once the issues are merged, so that `{seq}` counts the
 * articles of the whole issue. A DOI the source has is never replaced; every assigned DOI is
 * listed in the result's `assigned`, and the journal's placeholder prefix becomes the template's.
 * An article lacking a token's value gets no DOI, and neither does any other: the whole
 * assignment is refused, as it is when a DOI repeats another (the run's, the source's article or
 * issue DOIs, or those already in the journal folder: `AssignContext.taken`).
 * Crossref: every DOI of a deposit must be under the depositor's prefix and unique
 * (https://www.crossref.org/documentation/member-setup/constructing-your-dois/).
 */
import { doiPrefix } from '#core/model/index';
import { doi as doiSchema } from '#core/model/primitives';
import { arabicVolume, expandDoiTemplate, twoDigitYear, type DoiExpansion, type DoiTemplate, type DoiTokenValues } from './doi-template.ts';
import { DOI_TEMPLATE_MARK, issueFolder } from './files.ts';
import type { AssignedDoi, ImportResult } from './record.ts';

export type AssignOutcome = { readonly ok: true; readonly results: ImportResult[] } | { readonly ok: false; readonly problems: string[] };

/** A DOI the journal folder already holds (an article's or an issue's), with the file that holds it. */
export type TakenDoi = { readonly doi: string; readonly file: string };

/** What the import's context knows that the source does not. */
export type AssignContext = {
  /** The journal's Colophon id (the name of its metadata folder), for `{journal}`. */
  readonly journal: string;
  /** DOIs already in the journal folder (files this import does not overwrite): an assigned DOI must be none of them. */
  readonly taken?: readonly TakenDoi[];
};

/** Thrown for a caller's bug only: bad data comes back as problems. */
export class DoiAssignmentError extends Error {
  override readonly name = 'DoiAssignmentError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const PLACEHOLDER_PREFIX = 'journal.yaml doi_prefix: placeholder';

type Planned = { readonly result: number; readonly assigned: AssignedDoi };

/** Who holds a DOI: an article this run assigns it to, or a DOI that exists already (the source's, or a file's in the journal folder). */
type Owner = { readonly kind: 'assigned' | 'source' | 'existing'; readonly who: string };

/** Where an article is, for messages: `"Title" (issue 1-2, article 3)`. */
const where = (label: string, result: ImportResult, index: number): string => `"${label}" (issue ${issueFolder(result.issue)}, article ${index + 1})`;

/** The hint for a template that gives one DOI to several articles, or one that exists already. */
function duplicateHint(template: DoiTemplate, owners: readonly Owner[]): string {
  const tokens = new Set(template.parts.flatMap((p) => ('token' in p ? [p.token] : [])));
  if (owners.some((o) => o.kind === 'source')) return "change the template's fixed text so that no assigned DOI can equal one of the source's";
  const existing = owners.some((o) => o.kind === 'existing');
  if (!existing && !tokens.has('seq')) return "add {seq} (the article's position in its issue) so that each article's DOI differs";
  if (!tokens.has('volume') && !tokens.has('issue') && !tokens.has('year')) return 'add {volume} and {issue} (or {year}) so that articles of different issues differ';
  if (existing && tokens.has('seq')) return '{seq} counts the articles of this import, so it shifts when a re-import adds or drops one: for a back catalogue use {id} or {first_page} with {volume} and {issue}';
  return 'add tokens that tell these articles apart';
}

/** The problem for one DOI held by several owners, at least one of them assigned by this run. */
function clash(doi: string, owners: readonly Owner[], template: DoiTemplate): string {
  const assigned = owners.filter((o) => o.kind === 'assigned').map((o) => o.who);
  const fixed = owners.filter((o) => o.kind !== 'assigned').map((o) => o.who);
  const hint = duplicateHint(template, owners);
  if (fixed.length === 0) return `the template gives ${doi} to ${assigned.length} articles: ${assigned.join(', ')}; ${hint}`;
  return `the template gives ${doi} to ${assigned.join(', ')}, but it is already ${fixed.join(' and ')}; ${hint}`;
}

/** Why an article gets no DOI: the tokens its source has no (usable) value for. */
function lacking(label: string, expansion: Extract<DoiExpansion, { ok: false }>): string {
  const reasons = [...(expansion.missing.length > 0 ? [`no ${expansion.missing.map((t) => `{${t}}`).join(', ')} in the source`] : []), ...expansion.unusable.map((u) => `{${u.token}} "${u.value}" ${u.reason ?? 'has no Latin letters or digits'}`)];
  const tokens = [...expansion.missing, ...expansion.unusable.map((u) => u.token)].map((t) => `{${t}}`).join(', ');
  return `${label}: ${reasons.join(', ')}, so the template gives it no DOI (leaving a token out would make DOIs ambiguous); use a template without ${tokens}`;
}

/** The token values for one article of a result. */
function tokenValues(result: ImportResult, index: number, id: string | undefined, context: AssignContext): DoiTokenValues {
  const issue = result.issue;
  const article = result.articles[index];
  const values: DoiTokenValues = { journal: context.journal, seq: index + 1 };
  if (issue?.year !== undefined) {
    values.year = issue.year;
    values.yy = twoDigitYear(issue.year);
  }
  if (issue?.volume !== undefined) {
    values.volume = issue.volume;
    const arabic = arabicVolume(issue.volume);
    if (arabic !== undefined) values.volume_arabic = arabic;
  }
  if (issue?.number !== undefined) values.issue = issue.number;
  if (article?.pages?.first !== undefined) values.first_page = article.pages.first;
  if (id !== undefined) values.id = id;
  // The same first author as doi_pattern takes: the first contributor who is an author.
  const author = article?.contributors?.find((c) => (c.role ?? 'author') === 'author');
  const name = author?.family_name ?? author?.name ?? author?.organization;
  if (name !== undefined) values.initial = name;
  return values;
}

/** The DOIs the source gives (articles' and issues'), which an assigned DOI must not repeat. */
const sourceDois = (results: readonly ImportResult[]): { doi: string; owner: Owner }[] =>
  results.flatMap((r) => [
    ...(r.issue?.doi === undefined ? [] : [{ doi: r.issue.doi, owner: { kind: 'source', who: `the source's DOI of issue ${issueFolder(r.issue)}` } as const }]),
    ...r.articles.flatMap((a, k) => (a.doi === '' ? [] : [{ doi: a.doi, owner: { kind: 'source', who: `the source's DOI of article ${k + 1} (issue ${issueFolder(r.issue)})` } as const }])),
  ]);

/**
 * Gives each article kept without a DOI the template's DOI; problems (nothing assigned) when an
 * article lacks a token's value, or a DOI is invalid, clashes (within the run, with the source's
 * article or issue DOIs, or with `context.taken`) or leaves the journal's prefix.
 */
export function assignDois(results: readonly ImportResult[], template: DoiTemplate, context: AssignContext): AssignOutcome {
  const pending = results.flatMap((r) => r.withoutDoi ?? []);
  if (pending.length === 0) return { ok: true, results: [...results] };
  const problems: string[] = [];
  const fixed = sourceDois(results);
  const otherPrefixes = [...new Set(fixed.map((d) => doiPrefix(d.doi)))].filter((p) => p !== template.prefix);
  if (otherPrefixes.length > 0) {
    problems.push(`the source's DOIs use the prefix ${otherPrefixes.join(', ')} and the template ${template.prefix}: a journal has one DOI prefix (doi_prefix), so use ${otherPrefixes[0]!} in the template`);
  }
  const owners = new Map<string, Owner[]>();
  const own = (doi: string, owner: Owner): void => {
    owners.set(doi.toLowerCase(), [...(owners.get(doi.toLowerCase()) ?? []), owner]); // DOIs are case-insensitive
  };
  for (const d of fixed) own(d.doi, d.owner);
  for (const t of context.taken ?? []) own(t.doi, { kind: 'existing', who: `the DOI in ${t.file}` });
  const planned: Planned[] = [];
  results.forEach((r, k) => {
    for (const w of r.withoutDoi ?? []) {
      const expansion = expandDoiTemplate(template, tokenValues(r, w.index, w.id, context));
      if (!expansion.ok) {
        problems.push(lacking(where(w.label, r, w.index), expansion));
        continue;
      }
      const doi = expansion.doi;
      const checked = doiSchema.safeParse(doi);
      if (!checked.success) problems.push(`${where(w.label, r, w.index)}: the template gives ${doi}, which is not a DOI the model takes (${checked.error.issues[0]?.message ?? 'invalid'})`);
      own(doi, { kind: 'assigned', who: where(w.label, r, w.index) });
      planned.push({ result: k, assigned: { index: w.index, doi, template: template.text, label: w.label } });
    }
  });
  for (const [doi, who] of owners) {
    if (who.length < 2 || !who.some((o) => o.kind === 'assigned')) continue;
    problems.push(clash(planned.find((p) => p.assigned.doi.toLowerCase() === doi)?.assigned.doi ?? doi, who, template));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, results: results.map((r, k) => withAssigned(r, planned.filter((p) => p.result === k).map((p) => p.assigned), template)) };
}

/** One result with its assigned DOIs written in, and the journal's placeholder prefix replaced by the template's. */
function withAssigned(result: ImportResult, assigned: readonly AssignedDoi[], template: DoiTemplate): ImportResult {
  const { withoutDoi: _done, ...rest } = result;
  if (assigned.length === 0) return rest;
  const articles = result.articles.map((a, k) => {
    const given = assigned.find((d) => d.index === k);
    if (!given) return a;
    // A DOI is permanent once registered: replacing one the source has would be a bug in the caller (a wrong `withoutDoi` index).
    if (a.doi !== '') throw new DoiAssignmentError(`assignDois would replace article ${k + 1}'s DOI ${a.doi} with ${given.doi}: withoutDoi must point at articles without one`);
    return { ...a, doi: given.doi };
  });
  const placeholder = result.placeholders.findIndex((p) => p.startsWith(PLACEHOLDER_PREFIX));
  const placeholders = [...result.placeholders];
  let journal = result.journal;
  if (placeholder >= 0 && journal) {
    journal = { ...journal, doi_prefix: template.prefix };
    placeholders[placeholder] = `journal.yaml doi_prefix: "${template.prefix}" ${DOI_TEMPLATE_MARK} ${template.text} (no DOI in the source); check it is the journal's Crossref prefix`;
  }
  return { ...rest, ...(journal ? { journal } : {}), articles, placeholders, assigned: [...assigned] };
}
