/**
 * The whole deposit lifecycle wired for tests: the Crossref simulator, DynamoDB Local (a fresh
 * table per world), the deposit service with an injected clock, ids, store and no real sleeping.
 */
import { createCrossrefClient, type CrossrefClient } from '#adapters/crossref-http';
import { createDepositService, issueDepositSource, type DepositReport, type DepositService } from '#adapters/crossref-deposit';
import { createDepositLedger, type DepositLedger } from '#adapters/deposit-ledger';
import { isTimestampRefusal } from '#core/deposit/index';
import type { IssueBundle } from '#core/model/index';
import { startCrossrefSimulator, type CrossrefSimulator } from '#infra/local/crossref-simulator/server';
import { createRecordsTable, startDynamoLocal, type DynamoLocal } from './dynamodb-local.ts';
import { CREDENTIALS, crossrefValidator } from './fixtures.ts';

export const ABANDON_AFTER_MS = 60_000;

/** Thrown by a wrapped client to play a process that dies at that point. */
export class Crash extends Error {
  override readonly name = 'Crash';
}

export type World = {
  readonly ledger: DepositLedger;
  readonly store: Map<string, string>;
  clock: number;
  /** `crash-before-post` / `crash-after-post`: the next upload dies there. */
  crash: 'none' | 'crash-before-post' | 'crash-after-post';
  readonly service: DepositService;
  deposit(bundle: IssueBundle, options?: { retryFailed?: boolean }): Promise<DepositReport>;
};

export type Rig = { readonly sim: CrossrefSimulator; readonly dynamo: DynamoLocal; world(): Promise<World>; close(): Promise<void> };

let tables = 0;

export async function startRig(): Promise<Rig> {
  const sim = await startCrossrefSimulator({ validate: crossrefValidator(), credentials: CREDENTIALS, resultAfterPolls: 1 });
  const dynamo = await startDynamoLocal();
  return {
    sim,
    dynamo,
    async world() {
      sim.reset();
      const tableName = `records-${process.pid}-${++tables}`;
      await createRecordsTable(dynamo.client, tableName);
      const ledger = createDepositLedger({ client: dynamo.client, tableName });
      const store = new Map<string, string>();
      let ids = 0;
      const http = createCrossrefClient({
        endpoint: sim.url,
        credentials: CREDENTIALS,
        timeoutMs: 300,
        retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
        sleep: async () => undefined,
      });
      const state: Pick<World, 'clock' | 'crash'> = { clock: Date.parse('2025-01-01T12:00:00.000Z'), crash: 'none' };
      const crossref: CrossrefClient = {
        result: (fileName) => http.result(fileName),
        async deposit(fileName, xml) {
          const crash = state.crash;
          state.crash = 'none';
          if (crash === 'crash-before-post') throw new Crash('died after reserving, before the POST');
          const receipt = await http.deposit(fileName, xml);
          if (crash === 'crash-after-post') throw new Crash('died after the POST, before the ledger write');
          return receipt;
        },
      };
      const service = createDepositService({
        crossref,
        ledger,
        store: { put: async (name, xml) => void store.set(name, xml) },
        validate: crossrefValidator(),
        now: () => new Date(state.clock),
        newId: () => `id${++ids}`,
        sleep: async () => undefined,
        poll: { attempts: 3, intervalMs: 0 },
        abandonAfterMs: ABANDON_AFTER_MS,
      });
      const world: World = Object.assign(state, {
        ledger,
        store,
        service,
        deposit: (bundle: IssueBundle, options: { retryFailed?: boolean } = {}) => service.deposit(issueDepositSource(bundle), options),
      });
      return world;
    },
    async close() {
      await sim.close();
      await dynamo.stop();
    },
  };
}

/** Every record the simulator refused for its timestamp: must stay empty, by construction. */
export function timestampRefusals(sim: CrossrefSimulator): string[] {
  return sim.registry.submissions.flatMap((s) => s.records.filter((r) => r.status === 'Failure' && isTimestampRefusal(r.message)).map((r) => `${s.fileName}: ${r.doi}`));
}
