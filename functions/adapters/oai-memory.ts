/**
 * An OAI-PMH record source held in memory, keeping every version so that lists are true snapshots
 * (see core/oai/source.ts). For unit tests and for the in-memory benchmark; the deployed source
 * is oai-store.ts.
 */
import type { Issue } from '#core/model/index';
import { canonicalInstant } from '#core/oai/datestamp';
import { comparePositions, doiKey, matches, positionOf, type OaiItem, type OaiPosition, type OaiRecordSource, type OaiSelection } from '#core/oai/source';

export class MemoryOaiSource implements OaiRecordSource {
  /** Every version of every article, oldest first, by case-folded DOI. */
  private readonly versions = new Map<string, OaiItem[]>();

  /** Records a new version (a change, a new article, or a tombstone); versions must arrive in time order. */
  put(item: OaiItem): void {
    const key = doiKey(item.record.article.doi);
    const list = this.versions.get(key) ?? [];
    const previous = list.at(-1);
    if (previous !== undefined && canonicalInstant(previous.changedAt) >= canonicalInstant(item.changedAt)) {
      throw new RangeError(`version of ${key} at ${item.changedAt} is not later than the one at ${previous.changedAt}`);
    }
    list.push(item);
    this.versions.set(key, list);
  }

  /** Each article as it was at `asOf`: its last version written by then. */
  private snapshot(asOf: string): OaiItem[] {
    const at = canonicalInstant(asOf);
    const out: OaiItem[] = [];
    for (const list of this.versions.values()) {
      const current = list.findLast((v) => canonicalInstant(v.changedAt) <= at);
      if (current !== undefined) out.push(current);
    }
    return out;
  }

  private selected(selection: OaiSelection): OaiItem[] {
    return this.snapshot(selection.asOf).filter((item) => matches(item, selection));
  }

  list(selection: OaiSelection, after: OaiPosition | undefined, limit: number): Promise<readonly OaiItem[]> {
    const items = this.selected(selection)
      .map((item) => ({ item, at: positionOf(item) }))
      .filter(({ at }) => after === undefined || comparePositions(at, after) > 0)
      .sort((a, b) => comparePositions(a.at, b.at))
      .slice(0, limit)
      .map(({ item }) => item);
    return Promise.resolve(items);
  }

  count(selection: OaiSelection): Promise<number> {
    return Promise.resolve(this.selected(selection).length);
  }

  get(doi: string): Promise<OaiItem | undefined> {
    return Promise.resolve(this.versions.get(doiKey(doi))?.at(-1));
  }

  earliest(): Promise<string | undefined> {
    const times = [...this.versions.values()].map((list) => canonicalInstant(list.at(-1)!.changedAt)).sort();
    return Promise.resolve(times[0]);
  }

  issues(): Promise<readonly Issue[]> {
    const byId = new Map<string, Issue>();
    for (const list of this.versions.values()) {
      const { journal, issue } = list.at(-1)!.record;
      byId.set(`${journal.id}/${issue.id}`, issue);
    }
    return Promise.resolve([...byId.values()]);
  }
}
