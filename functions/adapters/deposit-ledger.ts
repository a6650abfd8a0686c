/**
 * The deposit ledger in the records table (DynamoDB): one item per DOI and one per batch.
 *
 * - DOI item: pk `DEPOSIT#<doi, lower case>`, sk `STATE`: the core `DoiLedgerEntry` (state, hash of
 *   the record last accepted, last timestamp reserved, Crossref's message, updatedAt) and `version`.
 * - Batch item: pk `BATCH#<doi_batch_id>`, sk `BATCH`: file name, timestamp, DOIs, status,
 *   submission id and counts. While a batch is pending (`reserved` or `posted`) it carries
 *   `gsi3pk = DEPOSIT#PENDING`, `gsi3sk = <updatedAt>#<batchId>`, so one query on GSI `gsi3` finds
 *   every batch to resume; the attributes are removed when it settles (a sparse index).
 *
 * Every transition is computed by the pure state machine in core/deposit and written with a
 * condition on the `version` read, so concurrent writers cannot overwrite each other. Reserving
 * also states the invariant itself: `lastTimestamp < :new` (a Number: DynamoDB compares up to
 * 38 digits exactly; it is read back as bigint, never as a lossy JS number). The reservation of
 * all DOIs and the batch item is one transaction, written BEFORE the file is posted.
 */
import { ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
// Not the deposit barrel: it carries the Crossref log parser (fast-xml-parser), which Admin's reads of the ledger never run.
import type { BatchCounts } from '#core/deposit/diagnostic';
import { abandon as abandonEntry, reserve as reserveEntry, settle as settleEntry, type DoiLedgerEntry, type Transition } from '#core/deposit/ledger';
import { doiKey, type DoiOutcome } from '#core/deposit/plan';
import {
  BATCH_SK,
  batchFromItem,
  batchPk,
  DOI_SK,
  doiPk,
  fromItem,
  PENDING_GSI,
  PENDING_KEY,
  toItem,
  wrapNumbers,
  type BatchEntry,
  type BatchStatus,
  type Item,
  type Versioned,
} from './crossref-ledger-items.ts';
import { RecordsError } from './errors.ts';
import { queryThenGet, stillIndexed } from './records-table.ts';

export { PENDING_GSI, PENDING_KEY, type BatchEntry, type BatchStatus } from './crossref-ledger-items.ts';

/** One TransactWriteItems call holds at most 100 items; one of them is the batch. */
export const MAX_DOIS_PER_BATCH = 99;

export type Reservation = {
  readonly batchId: string;
  readonly fileName: string;
  readonly timestamp: string;
  readonly records: readonly { readonly doi: string; readonly hash: string }[];
  readonly at: string;
  /** Recorded on the batch: the journal and the Crossref login it is sent under (the callback fetches its log with that login). */
  readonly journalId?: string | undefined;
  readonly loginId?: string | undefined;
};

export type ReserveResult = { readonly ok: true } | { readonly ok: false; readonly conflicts: readonly string[] };
export type SettleResult = { readonly settled: readonly string[]; readonly ignored: readonly { readonly doi: string; readonly reason: string }[] };

/** What the deposit service needs from a ledger; `createDepositLedger` is the DynamoDB one. */
export type DepositLedger = {
  entries(dois: readonly string[]): Promise<Map<string, DoiLedgerEntry>>;
  reserve(reservation: Reservation): Promise<ReserveResult>;
  markPosted(batchId: string, at: string): Promise<void>;
  settle(batchId: string, outcomes: readonly DoiOutcome[], result: { readonly submissionId: string; readonly counts: BatchCounts; readonly at: string }): Promise<SettleResult>;
  abandon(batchId: string, message: string, at: string): Promise<SettleResult>;
  batch(batchId: string): Promise<BatchEntry | undefined>;
  pendingBatches(): Promise<BatchEntry[]>;
};


export function createDepositLedger(options: { readonly client: DynamoDBClient; readonly tableName: string }): DepositLedger {
  const db = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true },
    unmarshallOptions: { wrapNumbers },
  });
  const TableName = options.tableName;

  async function read(dois: readonly string[]): Promise<Map<string, Versioned>> {
    const out = new Map<string, Versioned>();
    const keys = [...new Set(dois.map(doiKey))];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, { Keys: Item[]; ConsistentRead: boolean }> | undefined = {
        [TableName]: { Keys: keys.slice(i, i + 100).map((k) => ({ pk: doiPk(k), sk: DOI_SK })), ConsistentRead: true },
      };
      // BatchGet may return some keys unprocessed under load: ask again for those.
      for (let round = 0; request && Object.keys(request).length > 0 && round < 10; round += 1) {
        const page = await db.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of page.Responses?.[TableName] ?? []) {
          const v = fromItem(item);
          out.set(doiKey(v.entry.doi), v);
        }
        request = page.UnprocessedKeys as typeof request;
      }
    }
    return out;
  }

  const versionCondition = (version: number | undefined): { ConditionExpression: string; ExpressionAttributeValues?: Item } =>
    version === undefined ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } };

  /** Applies a pure transition to each DOI of a batch; a DOI changed meanwhile is read and tried again. */
  async function transition(dois: readonly string[], step: (entry: DoiLedgerEntry | undefined) => Transition): Promise<SettleResult> {
    const settled: string[] = [];
    const ignored: { doi: string; reason: string }[] = [];
    let todo = [...dois];
    for (let round = 0; todo.length > 0 && round < 5; round += 1) {
      const current = await read(todo);
      const retry: string[] = [];
      for (const doi of todo) {
        const found = current.get(doiKey(doi));
        const next = step(found?.entry);
        if (!next.ok) {
          ignored.push({ doi, reason: next.reason });
          continue;
        }
        try {
          await db.send(new PutCommand({ TableName, Item: toItem(next.entry, (found?.version ?? 0) + 1), ...versionCondition(found?.version) }));
          settled.push(doi);
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) retry.push(doi);
          else throw new RecordsError(`cannot update the ledger of ${doi}`, { cause: error });
        }
      }
      todo = retry;
    }
    for (const doi of todo) ignored.push({ doi, reason: 'changed concurrently too often' });
    return { settled, ignored };
  }

  async function updateBatch(batchId: string, fields: Item, pending: boolean, expectedStatuses: readonly BatchStatus[]): Promise<void> {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Item = {};
    const sets: string[] = [];
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      names[`#${k}`] = k;
      values[`:${k}`] = v;
      sets.push(`#${k} = :${k}`);
    }
    expectedStatuses.forEach((s, i) => (values[`:expected${i}`] = s));
    const update = `SET ${sets.join(', ')}${pending ? '' : ' REMOVE gsi3pk, gsi3sk'}`;
    if (pending) {
      values[':gsi3pk'] = PENDING_KEY;
      values[':gsi3sk'] = `${String(fields.updatedAt)}#${batchId}`;
    }
    try {
      await db.send(
        new UpdateCommand({
          TableName,
          Key: { pk: batchPk(batchId), sk: BATCH_SK },
          UpdateExpression: pending ? `${update}, gsi3pk = :gsi3pk, gsi3sk = :gsi3sk` : update,
          ConditionExpression: `#status IN (${expectedStatuses.map((_, i) => `:expected${i}`).join(', ')})`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return; // already moved on (settled, abandoned)
      throw new RecordsError(`cannot update batch ${batchId}`, { cause: error });
    }
  }

  async function getBatch(batchId: string): Promise<BatchEntry | undefined> {
    const found = await db.send(new GetCommand({ TableName, Key: { pk: batchPk(batchId), sk: BATCH_SK }, ConsistentRead: true }));
    return found.Item ? batchFromItem(found.Item) : undefined;
  }

  return {
    async entries(dois) {
      const read_ = await read(dois);
      return new Map([...read_].map(([k, v]) => [k, v.entry]));
    },

    async reserve(reservation) {
      if (reservation.records.length === 0 || reservation.records.length > MAX_DOIS_PER_BATCH) {
        throw new RangeError(`a batch holds 1 to ${MAX_DOIS_PER_BATCH} DOIs, not ${reservation.records.length}`);
      }
      const current = await read(reservation.records.map((r) => r.doi));
      const conflicts: string[] = [];
      const puts: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
      for (const { doi, hash } of reservation.records) {
        const found = current.get(doiKey(doi));
        const next = reserveEntry(found?.entry, { doi, hash, timestamp: reservation.timestamp, batchId: reservation.batchId, at: reservation.at });
        if (!next.ok) {
          conflicts.push(doi);
          continue;
        }
        const base = versionCondition(found?.version);
        puts.push({
          Put: {
            TableName,
            Item: toItem(next.entry, (found?.version ?? 0) + 1),
            // The invariant, stated to the database itself: the timestamp only grows.
            ConditionExpression: `(${base.ConditionExpression}) AND (attribute_not_exists(lastTimestamp) OR lastTimestamp < :ts)`,
            ExpressionAttributeValues: { ...base.ExpressionAttributeValues, ':ts': BigInt(reservation.timestamp) },
          },
        });
      }
      if (conflicts.length > 0) return { ok: false, conflicts };
      const batchItem: Item = {
        pk: batchPk(reservation.batchId),
        sk: BATCH_SK,
        type: 'batch',
        batchId: reservation.batchId,
        fileName: reservation.fileName,
        timestamp: reservation.timestamp,
        dois: reservation.records.map((r) => r.doi),
        status: 'reserved',
        journalId: reservation.journalId,
        loginId: reservation.loginId,
        createdAt: reservation.at,
        updatedAt: reservation.at,
        gsi3pk: PENDING_KEY,
        gsi3sk: `${reservation.at}#${reservation.batchId}`,
      };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [{ Put: { TableName, Item: batchItem, ConditionExpression: 'attribute_not_exists(pk)' } }, ...puts],
          }),
        );
        return { ok: true };
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const reasons = error.CancellationReasons ?? [];
          const failed = reservation.records.filter((_, i) => reasons[i + 1]?.Code === 'ConditionalCheckFailed').map((r) => r.doi);
          if (reasons[0]?.Code === 'ConditionalCheckFailed') failed.unshift(`batch ${reservation.batchId} exists`);
          return { ok: false, conflicts: failed.length > 0 ? failed : reservation.records.map((r) => r.doi) };
        }
        throw new RecordsError(`cannot reserve batch ${reservation.batchId}`, { cause: error });
      }
    },

    async markPosted(batchId, at) {
      await updateBatch(batchId, { status: 'posted', updatedAt: at }, true, ['reserved', 'posted']);
    },

    async settle(batchId, outcomes, result) {
      const byDoi = new Map(outcomes.map((o) => [doiKey(o.doi), o]));
      const outcome = await transition(
        outcomes.map((o) => o.doi),
        (entry) => {
          const o = entry ? byDoi.get(doiKey(entry.doi)) : undefined;
          if (!entry || !o) return { ok: false, reason: `no ledger entry in flight in batch ${batchId}` };
          return settleEntry(entry, { batchId, outcome: o.outcome, message: o.message, at: result.at });
        },
      );
      await updateBatch(
        batchId,
        { status: 'completed', submissionId: result.submissionId, counts: { ...result.counts }, updatedAt: result.at },
        false,
        ['reserved', 'posted'],
      );
      return outcome;
    },

    async abandon(batchId, message, at) {
      const batch = await getBatch(batchId);
      if (!batch) return { settled: [], ignored: [] };
      const outcome = await transition(batch.dois, (entry) => abandonEntry(entry, batchId, message, at));
      await updateBatch(batchId, { status: 'abandoned', message, updatedAt: at }, false, ['reserved', 'posted']);
      return outcome;
    },

    batch: getBatch,

    async pendingBatches() {
      // gsi3 projects keys only (infra/constructs/records-table.ts): the batches themselves are read by key.
      const found = await queryThenGet({ client: db, tableName: TableName }, { IndexName: PENDING_GSI, KeyConditionExpression: 'gsi3pk = :p', ExpressionAttributeValues: { ':p': PENDING_KEY } }, { consistent: true });
      // Settled since the query: no longer pending.
      return found.filter(({ item, entry }) => stillIndexed(item, entry, PENDING_GSI)).map(({ item }) => batchFromItem(item));
    },
  };
}
