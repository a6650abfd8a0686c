/**
 * Heads point at their body; they do not hold it (issue 16). `putVersion` writes an article's
 * compressed record once, in the immutable version item (`ART#<doi>` / `V#<n>`), and the head
 * (`ART#<doi>` / `HEAD`) only says which version is current. So the transaction that writes a new
 * version bills the record once instead of twice (`npm run bench:cost`), and every later update of
 * the head (render state, deposit state, release, move) rewrites a small item.
 *
 * A reader that needs a head's record reads the version the head names, by key. Versions are
 * written once and never change, so an eventually consistent read (half the read units) either
 * finds the body or finds nothing (a replica that has not seen the write yet): those few are read
 * again, strongly consistent. A head written before this change still holds its own body
 * (`recordGz`), which is then used as it is.
 */
import { RecordCorruptError } from './errors.ts';
import { RECORD_BODY_ATTRIBUTES } from './record-body.ts';
import { CITATIONS_ATTRIBUTE } from './record-citations.ts';
import { keys } from './records-keys.ts';
import { batchGetAll, type Item, type RecordsTable } from './records-table.ts';

/** What a reader takes from a version: the record's body and the citations kept with it (record-citations.ts). */
const VERSION_BODY = [...RECORD_BODY_ATTRIBUTES, CITATIONS_ATTRIBUTE] as const;

/** `record` is a DynamoDB reserved word: the projection names the body's attributes by placeholder. */
const BODY_PROJECTION = {
  expression: VERSION_BODY.map((_, i) => `#b${i}`).join(', '),
  names: Object.fromEntries(VERSION_BODY.map((name, i) => [`#b${i}`, name])),
};

const holdsBody = (item: Item): boolean => RECORD_BODY_ATTRIBUTES.some((name) => item[name] !== undefined);

/** The key of the version a head (or a head's projection with `pk`, `doi` and `version`) points at. */
const versionKeyOf = (head: Item): Item => ({ pk: head.pk, sk: keys.version(String(head.doi), Number(head.version)).sk });

/**
 * `heads` with each one's record body filled in from the version it points at (one BatchGetItem
 * per hundred heads that lack it), in the order given.
 */
export async function withBodies(table: RecordsTable, heads: readonly Item[]): Promise<Item[]> {
  const lacking = heads.filter((head) => !holdsBody(head));
  if (lacking.length === 0) return [...heads];
  const id = (item: Item): string => `${String(item.pk)}\u0000${String(item.sk)}`;
  const wanted = lacking.map(versionKeyOf);
  const found = new Map((await batchGetAll(table, wanted, { consistent: false, projection: BODY_PROJECTION })).map((v) => [id(v), v]));
  const missed = wanted.filter((key) => !found.has(id(key)));
  if (missed.length > 0) for (const v of await batchGetAll(table, missed, { consistent: true, projection: BODY_PROJECTION })) found.set(id(v), v);
  return heads.map((head) => {
    if (holdsBody(head)) return head;
    const version = found.get(id(versionKeyOf(head)));
    if (version === undefined) throw new RecordCorruptError(`record of ${String(head.doi)}: its head points at version ${String(head.version)}, which is not in the records table`);
    const body = Object.fromEntries(VERSION_BODY.filter((name) => version[name] !== undefined).map((name) => [name, version[name]]));
    return { ...head, ...body };
  });
}

/** One head with its body (see `withBodies`). */
export async function withBody(table: RecordsTable, head: Item): Promise<Item> {
  const [filled] = await withBodies(table, [head]);
  return filled ?? head;
}
