/**
 * The records store: one object over the records table for the handlers and the CLI.
 * Key design: records-keys.ts. Every write is conditional, so a retried Lambda never writes twice.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as articles from './records-articles.ts';
import * as catalog from './records-catalog.ts';
import * as counter from './records-counter.ts';
import * as links from './records-links.ts';
import * as moves from './records-moves.ts';
import * as schedule from './records-schedule.ts';
import * as sitemaps from './records-sitemaps.ts';
import type { RecordsTable } from './records-table.ts';

export type { ArticleDates, ArticleRecord, Head, PutVersionResult, RenderState, Stored, VersionMeta } from './records-articles.ts';
export { mayWrite, type MoveAuthorisation, type Owner } from './records-owner.ts';
export type { MoveLogEntry, MoveResult } from './records-moves.ts';
export type { IssueProblems, IssueRecord, JournalRecord } from './records-catalog.ts';
export type { ProblemSource } from './records-keys.ts';

type Bound<F> = F extends (table: RecordsTable, ...args: infer A) => infer R ? (...args: A) => R : never;
type BindAll<M> = { readonly [K in keyof M]: Bound<M[K]> };

const bindAll = <M extends Record<string, (table: RecordsTable, ...args: never[]) => unknown>>(table: RecordsTable, module: M): BindAll<M> =>
  Object.fromEntries(Object.entries(module).map(([name, f]) => [name, (...args: never[]) => f(table, ...args)])) as BindAll<M>;

export type RecordsStore = BindAll<typeof articles> & BindAll<typeof catalog> & BindAll<typeof moves> & BindAll<typeof links> & BindAll<typeof schedule> & BindAll<typeof sitemaps> & BindAll<typeof counter> & { readonly tableName: string };

export function createRecordsStore(client: DynamoDBDocumentClient, tableName: string): RecordsStore {
  const table: RecordsTable = { client, tableName };
  return { ...bindAll(table, articles), ...bindAll(table, catalog), ...bindAll(table, moves), ...bindAll(table, links), ...bindAll(table, schedule), ...bindAll(table, sitemaps), ...bindAll(table, counter), tableName };
}
