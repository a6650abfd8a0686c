/**
 * The OAI-PMH record source on the records table (records-keys.ts), read through gsi2
 * (`gsi2pk = OAI#<journal>`, `gsi2sk = <changedAt>#<doi lower-cased>`), whose items are the
 * article heads: one per article, holding its current record.
 *
 * Lists are snapshots at `asOf` (core/oai/source.ts) made from what the table already keeps:
 * - heads changed at or before `asOf` are unchanged since, so the range query over gsi2 up to
 *   `asOf` returns exactly their snapshot versions, in position order;
 * - heads changed after `asOf` (usually none: only what changed during this harvest) are looked
 *   up by version (`ART#<doi>` / `V#…`), and the version current at `asOf` is merged in at its
 *   old position.
 * So a harvest sees every article exactly once, as it was when the harvest began.
 *
 * gsi2 projects the keys, `createdAt`, `releasedAt`, `version`, `withdrawn` and the head's copy of its
 * version's prepared OAI parts (`oaiGz`, record-oai.ts): an oai_dc or headers-only page is its
 * index query alone (issue 16). Other formats, and entries without current parts (heads written
 * before the copy, or by an older PREPARED_REVISION), have their records read from the table by
 * key (BatchGetItem) after the query. A stage-wide list learns each journal's next positions from
 * the index (`positions`), and the parts travel with them.
 *
 * Change times must be `Date#toISOString()` text (fixed width), which makes key order time order.
 * A withdrawn article is a head (and version) with `withdrawn: true`, listed as a tombstone.
 */
import { readRecordBody, RECORD_BODY_ATTRIBUTES } from './record-body.ts';
import { OAI_ATTRIBUTE, readPrepared } from './record-oai.ts';
import { createVersionReader, idOf, type Projection, type VersionReader } from './oai-versions.ts';
import { withBodies, withBody } from './records-bodies.ts';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Issue } from '#core/model/index';
import { canonicalInstant, datestampOf } from '#core/oai/datestamp';
import { PREPARED_FORMATS } from '#core/oai/prepared';
import { comparePositions, doiKey, matches, positionOf, type OaiArticleRecord, type OaiItem, type OaiPosition, type OaiRecordSource, type OaiSelection } from '#core/oai/source';
import { RecordCorruptError } from './errors.ts';
import { releasedIssues } from './oai-sets.ts';
import { countArticles } from './records-counter.ts';
import { committed, INDEX, keys } from './records-keys.ts';
import { attempt, batchGetAll, type Item, type RecordsTable } from './records-table.ts';

/**
 * Where a journal's number of articles (tombstones included) is kept, if the records store keeps
 * it: this item (incremented with each first version until issue 16's change) plus one item per
 * batch beside it (records-counter.ts), summed by one query. With it a full harvest's
 * completeListSize costs one read instead of reading every head; without it the store counts
 * over gsi2. (A proposal: see functions/core/oai/README.md.)
 */
export const ARTICLE_COUNTER = {
  key: keys.articleCounter,
  attribute: 'articles',
} as const;

export type OaiStoreOptions = {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly journalId: string;
  /** Shared by the journals of one stage repository, so a page's records are read in one BatchGetItem (oai-versions.ts). */
  readonly reader?: VersionReader | undefined;
};

/** https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys */
const MAX_PARTITION_KEY_BYTES = 2048;

/** Sorts after every character a key can hold: the upper end of "anything in this second". */
const HIGH = '\uffff';
/** Sorts before every datestamp. */
const LOW = '0';

export function createOaiStore(options: OaiStoreOptions): OaiRecordSource {
  const table: RecordsTable = { client: options.client, tableName: options.tableName };
  const partition = keys.oaiIndex(options.journalId, '', '').gsi2pk;
  const reader = options.reader ?? createVersionReader(table);

  /** Pages through gsi2 between two sort keys, handing each page to `onPage` until it says stop. */
  async function queryPages(lo: string, hi: string, onPage: (page: QueryCommandOutput) => boolean | Promise<boolean>, extra: Partial<QueryCommandInput> = {}): Promise<void> {
    if (lo > hi) return;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await attempt(`list OAI records of ${options.journalId}`, () =>
        table.client.send(
          new QueryCommand({
            TableName: table.tableName,
            IndexName: INDEX.changedSince,
            KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :lo AND :hi',
            ExpressionAttributeValues: { ':p': partition, ':lo': lo, ':hi': hi },
            ...extra,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      if (!(await onPage(page))) return;
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
  }

  /** Pages through gsi2 between two sort keys, handing each item to `take` until it says stop. */
  async function scanRange(lo: string, hi: string, take: (item: Item) => boolean, extra: Partial<QueryCommandInput> = {}): Promise<void> {
    await queryPages(lo, hi, (page) => ((page.Items ?? []) as Item[]).every(take), extra);
  }

  /**
   * The snapshot items of a page of gsi2 entries (keys only: infra/constructs/records-table.ts),
   * read from the table. A head whose gsi2 key is no longer the entry's changed after the query
   * (so after `asOf`), or was read from a replica that had not seen the entry's write yet: either
   * way the version current at `asOf` is read, strongly consistent. So eventually consistent
   * reads (half the units) are safe here.
   */
  async function itemsOf(entries: readonly Item[], asOf: string): Promise<OaiItem[]> {
    const heads = await attempt(`read OAI records of ${options.journalId}`, async () => withBodies(table, await batchGetAll(table, entries, { consistent: false })));
    const byPk = new Map(heads.map((h) => [String(h.pk), h]));
    const out: OaiItem[] = [];
    for (const entry of entries) {
      const head = byPk.get(String(entry.pk));
      if (head !== undefined && head.gsi2pk === entry.gsi2pk && head.gsi2sk === entry.gsi2sk) out.push(toOaiItem(head));
      else {
        const then = await versionAt(String(entry.pk), canonicalInstant(asOf));
        if (then !== undefined) out.push(then);
      }
    }
    return out;
  }

  /**
   * The items of a page of gsi2 entries: each entry names the version its head pointed at when it
   * changed (gsi2 projects `version`), and an entry in the range up to `asOf` is a state of the
   * head at or before `asOf`, so that version is the snapshot's; versions never change, so no head
   * is read. An entry also holds that version's prepared parts (the head's copy, written in the
   * same Put as `version`, so an index entry never pairs one version's parts with another's
   * number): when they are all the selection renders, nothing more is read. Entries without
   * parts have their versions read by key; entries without `version` (indexed before it was
   * projected) are read through their heads. In position order.
   */
  async function itemsOfEntries(entries: readonly Item[], selection: OaiSelection): Promise<OaiItem[]> {
    const indexed = entries.map((e) => (rendersPrepared(selection) && typeof e.version === 'number' ? fromEntry(e) : undefined));
    const rest = entries.filter((_, k) => indexed[k] === undefined);
    if (rest.length === 0) return indexed as OaiItem[];
    const read = rest.every((e) => typeof e.version === 'number') ? await itemsAtVersions(rest.map((e) => ({ pk: String(e.pk), version: Number(e.version), changedAt: changedAtOf(e) })), selection) : await itemsOf(rest, selection.asOf);
    return [...indexed.filter((item): item is OaiItem => item !== undefined), ...read].sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
  }

  /**
   * The items at these versions, in the order given, read by key (eventually consistent: a version
   * is written once, so a replica either has it or has nothing yet, which is read again strongly
   * consistent). When the selection renders only the header or a prepared payload, only the
   * prepared parts are read (record-oai.ts), not the record's body; versions without current
   * prepared parts have their body read too, and are rendered from it as before.
   */
  async function itemsAtVersions(refs: readonly VersionRef[], selection: OaiSelection): Promise<OaiItem[]> {
    const bodyless = rendersPrepared(selection);
    const keysOf = refs.map((r) => ({ pk: r.pk, sk: keys.version('', r.version).sk }));
    const versions = await readVersions(keysOf, bodyless ? PREPARED_PROJECTION : FULL_PROJECTION);
    const lacking = bodyless ? keysOf.filter((key) => readPrepared(versions.get(idOf(key))!) === undefined) : [];
    if (lacking.length > 0) for (const [id, v] of await readVersions(lacking, FULL_PROJECTION)) versions.set(id, v);
    return refs.map((ref, k) => {
      const version = versions.get(idOf(keysOf[k]!))!;
      const prepared = readPrepared(version);
      if (bodyless && prepared !== undefined) return withUnreadRecord({ changedAt: ref.changedAt, deleted: version.withdrawn === true, prepared });
      return { ...toOaiItem(version), changedAt: ref.changedAt, ...(prepared === undefined ? {} : { prepared }) };
    });
  }

  /** Version items by key (every one must exist: a head or index entry names it), through the reader the stage's journals share. */
  async function readVersions(versionKeys: readonly Item[], projection: Projection): Promise<Map<string, Item>> {
    const found = await reader.read(versionKeys, false, projection);
    const missed = versionKeys.filter((key) => !found.has(idOf(key)));
    if (missed.length > 0) for (const [id, item] of await reader.read(missed, true, projection)) found.set(id, item);
    const gone = versionKeys.find((key) => !found.has(idOf(key)));
    if (gone !== undefined) throw new RecordCorruptError(`OAI record ${String(gone.pk)}: the index names version ${String(gone.sk)}, which is not in the records table`);
    return found;
  }

  /** The snapshot versions of heads that changed after `asOf`, in the selection and after `after`. */
  async function changedSinceSnapshot(selection: OaiSelection, after: OaiPosition | undefined): Promise<OaiItem[]> {
    const asOf = canonicalInstant(selection.asOf);
    const heads: Item[] = [];
    await scanRange(`${asOf}#${HIGH}`, HIGH, (item) => heads.push(item) > 0, { ProjectionExpression: 'pk' });
    const out: OaiItem[] = [];
    for (const head of heads) {
      const item = await versionAt(String(head.pk), asOf);
      if (item === undefined || !matches(item, selection)) continue;
      if (after !== undefined && comparePositions(positionOf(item), after) <= 0) continue;
      out.push(item);
    }
    return out;
  }

  /** The version of an article (its head's `pk`) current at `asOf`, if it existed then. */
  async function versionAt(pk: string, asOf: string): Promise<OaiItem | undefined> {
    const doi = pk.slice(pk.indexOf('#') + 1);
    // The whole partition, newest version first and the head last: only versions the head
    // published count (records-articles.ts `committed`; an orphan of a crashed write is no record).
    const versions = await attempt(`list versions of ${doi}`, () =>
      table.client.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ProjectionExpression: 'sk, createdAt, version, skipped',
          ScanIndexForward: false,
          ConsistentRead: true,
        }),
      ),
    );
    const items = (versions.Items ?? []) as Item[];
    const head = items.find((v) => v.sk === keys.head(doi).sk) as { version: number; skipped?: number[] } | undefined;
    const current = items.find((v) => String(v.sk).startsWith('V#') && committed(head, Number(v.version)) && canonicalInstant(String(v.createdAt)) <= asOf);
    if (current === undefined) return undefined;
    const out = await attempt(`read ${doi} ${String(current.sk)}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk: current.sk }, ConsistentRead: true })));
    return out.Item ? toOaiItem(out.Item) : undefined;
  }

  /** The journal's article count (see ARTICLE_COUNTER: the batches' counters and the old one), when the records store keeps one. */
  async function articleCount(): Promise<number | undefined> {
    return countArticles(table, options.journalId);
  }

  /** How many articles had no version yet at `asOf`: heads changed since whose first version is later. */
  async function createdSince(asOf: string): Promise<number> {
    const heads: Item[] = [];
    await scanRange(`${canonicalInstant(asOf)}#${HIGH}`, HIGH, (item) => heads.push(item) > 0, { ProjectionExpression: 'pk' });
    let created = 0;
    for (const head of heads) if ((await versionAt(String(head.pk), canonicalInstant(asOf))) === undefined) created += 1;
    return created;
  }

  /** gsi2 sort-key bounds of a selection's range of heads unchanged since `asOf`. */
  function bounds(selection: OaiSelection, after: OaiPosition | undefined): { lo: string; hi: string } {
    const fromKey = selection.from === undefined ? LOW : selection.from.slice(0, 19);
    const afterKey = after === undefined ? LOW : `${after.changedAt}#${after.key}`;
    const untilKey = selection.until === undefined ? HIGH : `${selection.until.slice(0, 19)}${HIGH}`;
    const asOfKey = `${canonicalInstant(selection.asOf)}#${HIGH}`;
    return { lo: fromKey > afterKey ? fromKey : afterKey, hi: untilKey < asOfKey ? untilKey : asOfKey };
  }

  const source: OaiRecordSource = {
    async list(selection, after, limit) {
      const { lo, hi } = bounds(selection, after);
      const found: OaiItem[] = [];
      // Without a set every item in range is taken, so one DynamoDB page is one page of records
      // (plus the item at the cursor, which the range starts with while it is unchanged).
      const batch = selection.set === undefined ? limit + (after === undefined ? 0 : 1) : Math.max(limit * 4, 100);
      const [, moved] = await Promise.all([
        queryPages(lo, hi, async (page) => {
          // The entry at the cursor (and any before it) is not read; without a set, no more entries than the page still needs.
          const entries = ((page.Items ?? []) as Item[]).filter((entry) => after === undefined || comparePositions(entryPosition(entry), after) > 0);
          for (const item of await itemsOfEntries(selection.set === undefined ? entries.slice(0, limit - found.length) : entries, selection)) {
            if ((after === undefined || comparePositions(positionOf(item), after) > 0) && matches(item, selection)) found.push(item);
            if (found.length >= limit) return false;
          }
          return true;
        }, { Limit: batch }),
        changedSinceSnapshot(selection, after),
      ]);
      // A head changed while this page was read is in both lists, as the same snapshot version.
      const unique = new Map([...found, ...moved].map((item) => [positionOf(item).key, item]));
      return [...unique.values()].sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, limit);
    },

    async positions(selection, after, limit) {
      if (selection.set !== undefined) return (await source.list(selection, after, limit)).map(positionOf);
      // Without a set the index alone says which items are next: gsi2 keys hold the key, and it
      // projects `createdAt`, the change time toOaiItem gives each item (changedAtOf).
      const { lo, hi } = bounds(selection, after);
      const found: OaiPosition[] = [];
      const [, moved] = await Promise.all([
        queryPages(lo, hi, (page) => {
          for (const entry of (page.Items ?? []) as Item[]) {
            // The version the entry names, and its parts, travel with its position, so `at` needs no read of the head (nor, with parts, of the version).
            const at: OaiPosition = { ...entryPosition(entry), ...(typeof entry.version === 'number' ? { handle: { version: entry.version, entry } satisfies EntryHandle } : {}) };
            const datestamp = datestampOf(at.changedAt);
            if ((after === undefined || comparePositions(at, after) > 0) && (selection.from === undefined || datestamp >= selection.from) && (selection.until === undefined || datestamp <= selection.until)) found.push(at);
            if (found.length >= limit) return false;
          }
          return true;
        }, { Limit: limit + (after === undefined ? 0 : 1), ProjectionExpression: `pk, gsi2sk, createdAt, releasedAt, version, withdrawn, ${OAI_ATTRIBUTE}` }),
        changedSinceSnapshot(selection, after),
      ]);
      const unique = new Map([...found, ...moved.map(positionOf)].map((at) => [at.key, at]));
      return [...unique.values()].sort(comparePositions).slice(0, limit);
    },

    async at(selection, positions) {
      // Positions `positions` took from the index name their version, with its parts: served from
      // those when they are all the selection renders, else the version (and only it) read by key.
      if (positions.every((p) => isEntryHandle(p.handle))) {
        const entries = positions.map((p) => (p.handle as EntryHandle).entry);
        return (await itemsOfEntries(entries, selection)).filter((item, k) => comparePositions(positionOf(item), positions[k]!) === 0);
      }
      // Else the heads at these positions, by key; one whose change time is no longer the
      // position's changed after `asOf` (or was read from a replica behind the index), so the
      // version current at `asOf` is read instead, strongly consistent (as `itemsOf` does).
      const asOf = canonicalInstant(selection.asOf);
      const heads = await attempt(`read OAI records of ${options.journalId}`, async () => withBodies(table, await batchGetAll(table, positions.map((p) => keys.head(p.key)), { consistent: false })));
      const byPk = new Map(heads.map((h) => [String(h.pk), h]));
      const out: OaiItem[] = [];
      for (const p of positions) {
        const pk = keys.head(p.key).pk;
        const head = byPk.get(pk);
        const item = head !== undefined && head.gsi2pk === partition && canonicalInstant(changedAtOf(head)) === p.changedAt ? toOaiItem(head) : await versionAt(pk, asOf);
        if (item !== undefined && comparePositions(positionOf(item), p) === 0) out.push(item);
      }
      return out;
    },

    async count(selection) {
      if (selection.set === undefined && selection.from === undefined && selection.until === undefined) {
        const counted = await articleCount();
        // The counter is current; articles first written after asOf are not in the snapshot.
        if (counted !== undefined) return counted - (await createdSince(selection.asOf));
      }
      const { lo, hi } = bounds(selection, undefined);
      let total = 0;
      if (selection.set === undefined) {
        await queryPages(lo, hi, (page) => {
          total += page.Count ?? 0;
          return true;
        }, { Select: 'COUNT' });
      } else {
        // Only the set specs are needed: read the prepared parts, not the records (headers only).
        await queryPages(lo, hi, async (page) => {
          for (const item of await itemsOfEntries((page.Items ?? []) as Item[], { ...selection, render: {} })) if (matches(item, selection)) total += 1;
          return true;
        });
      }
      return total + (await changedSinceSnapshot(selection, undefined)).length;
    },

    async get(doi) {
      // DynamoDB refuses a partition key over 2,048 bytes (a 503 for the harvester); no DOI is that long.
      if (new TextEncoder().encode(keys.head(doi).pk).length > MAX_PARTITION_KEY_BYTES) return undefined;
      const out = await attempt(`read ${doi}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.head(doi), ConsistentRead: true })));
      if (!out.Item || doiKey(String(out.Item.doi)) !== doiKey(doi)) return undefined;
      // A head held until its online date (records-schedule.ts) is in no list yet, so no record either: nothing of it may leak early.
      if (out.Item.scheduledFor !== undefined) return undefined;
      // Heads are keyed by DOI alone: another journal's article is no record of this repository.
      const item = toOaiItem(await attempt(`read ${doi}`, () => withBody(table, out.Item as Item)));
      return item.record.journal.id === options.journalId ? item : undefined;
    },

    async earliest() {
      let first: string | undefined;
      await scanRange(LOW, HIGH, (item) => {
        first = String(item.createdAt);
        return false;
      }, { Limit: 1, ProjectionExpression: 'createdAt' });
      return first;
    },

    // Only issues with a released article: one whose articles are all held would leak its titles early (oai-sets.ts).
    issues(): Promise<readonly Issue[]> {
      return releasedIssues(table, options.journalId);
    },
  };
  return source;
}

/** A head or version item as an OAI item. */
export function toOaiItem(item: Item): OaiItem {
  const record = readRecordBody(item, String(item.doi)) as OaiArticleRecord | undefined;
  if (!record?.article?.doi || !record.issue?.id || !record.journal?.id) throw new RecordCorruptError(`record of ${String(item.doi)} lacks its journal, issue or article`);
  return { changedAt: changedAtOf(item), deleted: item.withdrawn === true, record };
}

/**
 * An item's change time as OAI-PMH lists it (its position and datestamp). `positions` reads it
 * from gsi2 entries: whatever attribute this reads must be projected into gsi2
 * (RECORD_INDEX_ATTRIBUTES in infra/constructs/records-table.ts).
 */
// A released scheduled article joined the repository at its release (records-schedule.ts moves its gsi2 entry there), not at ingest.
export const changedAtOf = (item: Item): string => String(item.releasedAt ?? item.createdAt);

/** What `positions` keeps of an index entry for `at`: the version it names, and the entry itself (its parts, if it holds them). */
type EntryHandle = { readonly version: number; readonly entry: Item };
const isEntryHandle = (handle: unknown): handle is EntryHandle => typeof handle === 'object' && handle !== null && typeof (handle as EntryHandle).version === 'number';

/** Whether a selection renders only what prepared parts hold (headers, or a prepared format's payload): its items may then leave their records unread. */
function rendersPrepared(selection: OaiSelection): boolean {
  const prefix = selection.render?.metadataPrefix;
  return selection.render !== undefined && (prefix === undefined || PREPARED_FORMATS.includes(prefix));
}

/**
 * The item a gsi2 entry holds whole, from its prepared parts (the head's copy of its version's):
 * undefined when it holds none of the current revision for its own DOI.
 */
function fromEntry(entry: Item): OaiItem | undefined {
  const prepared = readPrepared(entry, entryPosition(entry).key);
  return prepared === undefined ? undefined : withUnreadRecord({ changedAt: changedAtOf(entry), deleted: entry.withdrawn === true, prepared });
}

/** A version to read for a list, and the change time its index entry gives it. */
type VersionRef = { readonly pk: string; readonly version: number; readonly changedAt: string };

/** An index entry's position: its change time (changedAtOf) and the key its sort key ends with. */
function entryPosition(entry: Item): OaiPosition {
  const sk = String(entry.gsi2sk);
  return { changedAt: canonicalInstant(changedAtOf(entry)), key: sk.slice(sk.indexOf('#') + 1) };
}

/** What a list reads of a version: its header facts and prepared parts, and (FULL) the record's body. `record` is a reserved word. */
const PREPARED_PROJECTION: Projection = { expression: `doi, createdAt, withdrawn, ${OAI_ATTRIBUTE}` };
const FULL_PROJECTION: Projection = {
  expression: `doi, createdAt, withdrawn, ${OAI_ATTRIBUTE}, ${RECORD_BODY_ATTRIBUTES.map((_, i) => `#b${i}`).join(', ')}`,
  names: Object.fromEntries(RECORD_BODY_ATTRIBUTES.map((name, i) => [`#b${i}`, name])),
};

/** An item served by its prepared parts: its record was not read, and asking for it is a bug of the caller's selection. */
function withUnreadRecord(item: Omit<OaiItem, 'record'> & { readonly prepared: NonNullable<OaiItem['prepared']> }): OaiItem {
  const doi = item.prepared.doi;
  return Object.defineProperty({ ...item }, 'record', {
    enumerable: false,
    get(): never {
      throw new Error(`OAI item ${doi}: its record was not read (the selection asked for headers or prepared payloads only)`);
    },
  }) as OaiItem;
}
