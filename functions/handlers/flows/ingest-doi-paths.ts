/**
 * Ingest's stage-wide check of nested DOIs (adapters/doi-paths.ts): a DOI of this issue that would
 * sit inside another issue's (or journal's) DOI folder, or hold one inside its own, refuses the issue
 * with the loader's words (core/model/load.ts `nestedDois`), naming where the other DOI is published.
 */
import type { IssueBundle, Problem } from '#core/model/index';
import type { DoiPaths, DoiPlace, NestedConflict } from '#adapters/doi-paths';
import type { RecordsStore, Stored } from '#adapters/records';

export async function nestedProblems(paths: DoiPaths, records: Pick<RecordsStore, 'getHeads'>, bundle: IssueBundle, files: ReadonlyMap<string, string>, heads: ReadonlyMap<string, Stored>): Promise<Problem[]> {
  const here = { journalId: bundle.journal.id, issueId: bundle.issue.id };
  const places: DoiPlace[] = bundle.articles.map((a) => ({ doi: a.doi, ...here }));
  const conflicts = await paths.check(places, (doi) => heads.has(doi.toLowerCase()), async (dois) => {
    const found = await records.getHeads(dois);
    return new Map([...found].map(([k, h]) => [k, { doi: h.meta.doi, journalId: h.meta.journalId, issueId: h.meta.issueId }]));
  });
  const byDoi = new Map(bundle.articles.map((a) => [a.doi.toLowerCase(), a]));
  return conflicts.map((c) => problemOf(c, files.get(byDoi.get(c.doi.toLowerCase())?.id ?? '') ?? `${byDoi.get(c.doi.toLowerCase())?.id ?? c.doi}.yaml`));
}

function problemOf(c: NestedConflict, file: string): Problem {
  const where = `${c.other.journalId}/${c.other.issueId}`;
  return c.relation === 'inside'
    ? { file, path: ['doi'], message: `DOI ${c.doi} begins with the DOI ${c.other.doi} (published in ${where}) and a "/": its pages would sit inside that article's folder; this issue was not published`, hint: 'a DOI may not be another DOI followed by "/…": choose a suffix that does not start with the other one' }
    : { file, path: ['doi'], message: `DOI ${c.other.doi} (published in ${where}) begins with this article's DOI ${c.doi} and a "/": this article's pages would hold that article's folder; this issue was not published`, hint: 'a DOI may not be the start of another DOI followed by "/…": choose a DOI that is not' };
}
