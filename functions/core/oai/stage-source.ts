/**
 * The stage's OAI-PMH repository (`/api/oai`) over every journal on the stage, made of the
 * journals' own sources (one repository each at `/api/oai/<journal-id>`). Pure: it only merges
 * what the journal sources answer.
 *
 * - Each journal is a set (setSpec = its id) with its issue and section sets below it
 *   (`balcanica:issue:L-2019`); a set spec is handed to the one journal it names, without the
 *   journal's part, so each journal source keeps its own set rules.
 * - Lists merge the journals' lists in position order (change time, then DOI: DOIs are unique on
 *   a stage), so a stage-wide harvest pages through one snapshot exactly as a journal's does.
 */
import type { Issue, Journal } from '../model/index.ts';
import { canonicalInstant } from './datestamp.ts';
import { journalOfSpec, stageSets } from './sets.ts';
import { comparePositions, positionOf, type OaiItem, type OaiPosition, type OaiRecordSource, type OaiSelection } from './source.ts';

export type JournalSource = { readonly journal: Journal; readonly source: OaiRecordSource };

/** Which of the first `limit` positions after `after`, over every source, each source holds. */
async function perSource(routes: readonly { source: OaiRecordSource; selection: OaiSelection }[], after: OaiPosition | undefined, limit: number): Promise<OaiPosition[][]> {
  const positions = await Promise.all(routes.map((r) => r.source.positions!(r.selection, after, limit)));
  const merged = positions.flatMap((list, k) => list.map((at) => ({ at, k }))).sort((a, b) => comparePositions(a.at, b.at)).slice(0, limit);
  return routes.map((_, k) => merged.filter((m) => m.k === k).map((m) => m.at));
}

export function stageSource(journals: readonly JournalSource[]): OaiRecordSource {
  /** The journals a selection reaches, each with the selection as its own source reads it. */
  function routed(selection: OaiSelection): { source: OaiRecordSource; selection: OaiSelection }[] {
    if (selection.set === undefined) return journals.map((j) => ({ source: j.source, selection }));
    const target = journalOfSpec(selection.set, journals.map((j) => j.journal.id));
    const journal = target && journals.find((j) => j.journal.id === target.journalId);
    return journal === undefined ? [] : [{ source: journal.source, selection: { ...selection, set: target!.inner } }];
  }

  return {
    async list(selection, after, limit) {
      const routes = routed(selection);
      // Every journal's next `limit` positions first (keys only), then from each journal only as
      // many records as it has on this page: one page reads `limit` records, not `limit` per journal.
      // A journal that reads records at known positions (`at`) reads them by key, without listing again.
      const mine = routes.length > 1 && routes.every((r) => r.source.positions !== undefined) ? await perSource(routes, after, limit) : undefined;
      const lists = await Promise.all(
        routes.map((r, k) => {
          if (mine === undefined) return r.source.list(r.selection, after, limit);
          const positions = mine[k]!;
          if (positions.length === 0) return [];
          return r.source.at === undefined ? r.source.list(r.selection, after, positions.length) : r.source.at(r.selection, positions);
        }),
      );
      return lists.flat().sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, limit);
    },
    async count(selection) {
      const counts = await Promise.all(routed(selection).map((r) => r.source.count(r.selection)));
      return counts.reduce((a, b) => a + b, 0);
    },
    async get(doi) {
      const found = await Promise.all(journals.map((j) => j.source.get(doi)));
      return found.find((item): item is OaiItem => item !== undefined);
    },
    async earliest() {
      const times = (await Promise.all(journals.map((j) => j.source.earliest()))).filter((t): t is string => t !== undefined).map(canonicalInstant);
      return times.length === 0 ? undefined : times.reduce((a, b) => (a < b ? a : b));
    },
    async issues(): Promise<readonly Issue[]> {
      return (await Promise.all(journals.map((j) => j.source.issues()))).flat();
    },
    async sets() {
      return stageSets(await Promise.all(journals.map(async (j) => ({ journal: j.journal, issues: await j.source.issues() }))));
    },
  };
}
