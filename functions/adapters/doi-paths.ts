/**
 * The stage's `/doi/` path tree across journals. A DOI's pages sit under `doi/<DOI>/`, so a DOI
 * that is another DOI followed by "/…" (`10.2298/A` in one journal, `10.2298/A/b` in another)
 * would put one article's pages inside the other's folder: `colophon build` cannot write such a
 * tree, and `/doi/10.2298/A/b` would be either one's file or the other's page. The loader refuses
 * this within the journal it loads (core/model/load.ts `nestedDois`); Ingest loads one issue, so the
 * stage-wide rule is checked here, against the records table, before anything is written.
 *
 * Every DOI whose suffix holds a "/" (the only ones that can sit inside another) is claimed in one
 * small partition, `DOIPATH#NESTED` (sk: the DOI in lower case; journal and issue beside it), written
 * before the check, so two publishes racing with such a DOI see each other's claim. A DOI without
 * "/" in its suffix is checked against that partition (one query per publish) and the heads of a
 * nested DOI's ancestors are read by key (the records store's getHeads). Limit: a plain DOI published at the same moment as a
 * nested DOI inside it (between this check and its head being written) is not seen; and nested DOIs
 * published before this check existed are claimed only when published again.
 */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RecordsError } from './errors.ts';
import { queryAll } from './records-table.ts';

export const NESTED_PK = 'DOIPATH#NESTED';
const key = (doi: string): string => doi.trim().toLowerCase();

/** One DOI of the issue being published, and where. */
export type DoiPlace = { readonly doi: string; readonly journalId: string; readonly issueId: string };

/** A DOI of the publish that would sit inside another DOI's folder, or hold another inside its own. */
export type NestedConflict = { readonly doi: string; readonly other: DoiPlace; readonly relation: 'inside' | 'contains' };

export type DoiPaths = {
  /**
   * Claims the publish's nested DOIs, then returns every conflict with a DOI of another issue
   * (published, or claimed by a publish in flight). On conflict the claims this call made are taken
   * back; `owned(doi)` tells which DOIs the stage already publishes (their claims stay).
   */
  check(places: readonly DoiPlace[], owned: (doi: string) => boolean, headsOf: HeadsOf): Promise<NestedConflict[]>;
};

/** Where the stage publishes these DOIs (their heads), by DOI in lower case: the records store's `getHeads`. */
export type HeadsOf = (dois: readonly string[]) => Promise<ReadonlyMap<string, DoiPlace>>;

/** `10.2298/A/b/c` → `['10.2298/A', '10.2298/A/b']`: the DOIs it would sit inside (the prefix alone is no DOI). */
export function ancestorsOf(doi: string): string[] {
  const parts = doi.split('/');
  return parts.slice(2).map((_, k) => parts.slice(0, k + 2).join('/'));
}

const isInside = (inner: string, outer: string): boolean => key(inner).startsWith(`${key(outer)}/`);
const samePlace = (a: DoiPlace, b: DoiPlace): boolean => a.journalId === b.journalId && a.issueId === b.issueId;

export function createDoiPaths(client: DynamoDBDocumentClient, tableName: string): DoiPaths {
  return {
    async check(places, owned, headsOf) {
      const nested = places.filter((p) => ancestorsOf(p.doi).length > 0);
      const made: string[] = [];
      try {
        for (const p of nested) {
          // Claimed once; a republish finds its claim there already.
          const found = await client.send(new GetCommand({ TableName: tableName, Key: { pk: NESTED_PK, sk: key(p.doi) }, ConsistentRead: true }));
          if (found.Item) continue;
          await client.send(new PutCommand({ TableName: tableName, Item: { pk: NESTED_PK, sk: key(p.doi), doi: p.doi, journalId: p.journalId, issueId: p.issueId }, ConditionExpression: 'attribute_not_exists(pk)' }));
          made.push(key(p.doi));
        }
        const claims = (await queryAll({ client, tableName }, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': NESTED_PK }, ConsistentRead: true })).map(
          (item): DoiPlace => ({ doi: String(item.doi), journalId: String(item.journalId), issueId: String(item.issueId) }),
        );
        const conflicts: NestedConflict[] = [];
        for (const p of places) {
          for (const c of claims) {
            if (samePlace(c, p)) continue; // the loader checks one issue's own DOIs
            if (isInside(c.doi, p.doi)) conflicts.push({ doi: p.doi, other: c, relation: 'contains' });
            if (isInside(p.doi, c.doi)) conflicts.push({ doi: p.doi, other: c, relation: 'inside' });
          }
        }
        // A nested DOI inside a published DOI that holds no "/" itself (so never claimed): that DOI's head.
        const outers = [...new Set(nested.flatMap((p) => ancestorsOf(p.doi)))];
        const heads = outers.length === 0 ? new Map<string, DoiPlace>() : await headsOf(outers);
        for (const p of nested) {
          for (const outer of ancestorsOf(p.doi)) {
            const head = heads.get(key(outer));
            if (!head || samePlace(head, p) || conflicts.some((c) => c.doi === p.doi && key(c.other.doi) === key(outer))) continue;
            conflicts.push({ doi: p.doi, other: head, relation: 'inside' });
          }
        }
        if (conflicts.length > 0) await release(made.filter((doi) => !owned(doi)));
        return conflicts;
      } catch (error) {
        await release(made.filter((doi) => !owned(doi))).catch(() => undefined);
        throw error instanceof RecordsError ? error : new RecordsError('cannot check the DOIs against the stage\'s /doi/ paths', { cause: error });
      }
    },
  };

  async function release(dois: readonly string[]): Promise<void> {
    for (const doi of dois) await client.send(new DeleteCommand({ TableName: tableName, Key: { pk: NESTED_PK, sk: doi } }));
  }
}
