/**
 * DOIs for the articles an import kept without one (`importMetadata(…, {keepWithoutDoi: true})`),
 * made from a template (doi-template.ts) once the issues are merged, so that `{seq}` counts the
 * articles of the whole issue. A DOI the source has is never replaced; every assigned DOI is
 * listed in the result's `assigned`, and the journal's placeholder prefix becomes the template's.
 * Crossref: every DOI of a deposit must be under the depositor's prefix and unique
 * (https://www.crossref.org/documentation/member-setup/constructing-your-dois/).
 */
import { doiPrefix } from '#core/model/index';
import { doi as doiSchema } from '#core/model/primitives';
import { expandDoiTemplate, type DoiTemplate, type DoiTokenValues } from './doi-template.ts';
import { DOI_TEMPLATE_MARK, issueFolder } from './files.ts';
import type { AssignedDoi, ImportResult } from './record.ts';

export type AssignOutcome = { readonly ok: true; readonly results: ImportResult[] } | { readonly ok: false; readonly problems: string[] };

/** What the import's context knows that the source does not: the journal's Colophon id. */
export type AssignContext = { readonly journal: string };

const PLACEHOLDER_PREFIX = 'journal.yaml doi_prefix: placeholder';

type Planned = { readonly result: number; readonly assigned: AssignedDoi };

/** Where an article is, for messages: `"Title" (issue 1-2, article 3)`. */
const where = (label: string, result: ImportResult, index: number): string => `"${label}" (issue ${issueFolder(result.issue)}, article ${index + 1})`;

/** The hint for a template that gives one DOI to several articles. */
function duplicateHint(template: DoiTemplate, withSource: boolean): string {
  const tokens = new Set(template.parts.flatMap((p) => ('token' in p ? [p.token] : [])));
  if (withSource) return "change the template's fixed text so that no assigned DOI can equal one of the source's";
  if (!tokens.has('seq')) return "add {seq} (the article's position in its issue) so that each article's DOI differs";
  if (!tokens.has('volume') && !tokens.has('issue') && !tokens.has('year')) return 'add {volume} and {issue} (or {year}) so that articles of different issues differ';
  return 'add tokens that tell these articles apart';
}

/** The token values for one article of a result. */
function tokenValues(result: ImportResult, index: number, id: string | undefined, context: AssignContext): DoiTokenValues {
  const issue = result.issue;
  const article = result.articles[index];
  const values: DoiTokenValues = { journal: context.journal, seq: index + 1 };
  if (issue?.year !== undefined) values.year = issue.year;
  if (issue?.volume !== undefined) values.volume = issue.volume;
  if (issue?.number !== undefined) values.issue = issue.number;
  if (article?.pages?.first !== undefined) values.first_page = article.pages.first;
  if (id !== undefined) values.id = id;
  return values;
}

/** Gives each article kept without a DOI the template's DOI; problems (nothing assigned) when a DOI is invalid, clashes or leaves the journal's prefix. */
export function assignDois(results: readonly ImportResult[], template: DoiTemplate, context: AssignContext): AssignOutcome {
  const pending = results.flatMap((r) => r.withoutDoi ?? []);
  if (pending.length === 0) return { ok: true, results: [...results] };
  const problems: string[] = [];
  const sourceDois = results.flatMap((r) => r.articles.filter((a) => a.doi !== '').map((a) => a.doi));
  const otherPrefixes = [...new Set(sourceDois.map(doiPrefix))].filter((p) => p !== template.prefix);
  if (otherPrefixes.length > 0) {
    problems.push(`the source's DOIs use the prefix ${otherPrefixes.join(', ')} and the template ${template.prefix}: a journal has one DOI prefix (doi_prefix), so use ${otherPrefixes[0]!} in the template`);
  }
  const owners = new Map<string, string[]>();
  const own = (doi: string, who: string): void => {
    owners.set(doi.toLowerCase(), [...(owners.get(doi.toLowerCase()) ?? []), who]);
  };
  for (const d of sourceDois) own(d, `the source's DOI ${d}`);
  const planned: Planned[] = [];
  results.forEach((r, k) => {
    for (const w of r.withoutDoi ?? []) {
      const { doi, missing } = expandDoiTemplate(template, tokenValues(r, w.index, w.id, context));
      const checked = doiSchema.safeParse(doi);
      if (!checked.success) problems.push(`${where(w.label, r, w.index)}: the template gives ${doi}, which is not a DOI the model takes (${checked.error.issues[0]?.message ?? 'invalid'})`);
      own(doi, where(w.label, r, w.index));
      planned.push({ result: k, assigned: { index: w.index, doi, template: template.text, label: w.label, missing: missing.map((t) => `{${t}}`) } });
    }
  });
  for (const [doi, who] of owners) {
    if (who.length < 2) continue;
    const withSource = who.some((w) => w.startsWith("the source's DOI"));
    problems.push(`the template gives ${planned.find((p) => p.assigned.doi.toLowerCase() === doi)?.assigned.doi ?? doi} to ${who.length} articles: ${who.join(', ')}; ${duplicateHint(template, withSource)}`);
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
    return given ? { ...a, doi: given.doi } : a;
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
