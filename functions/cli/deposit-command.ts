/**
 * `colophon deposit <metadata-dir>`: registers the DOIs of every issue below the folder with
 * Crossref, sending only records that changed since Crossref last accepted them. The ledger is the
 * records table (DynamoDB; `AWS_ENDPOINT_URL_DYNAMODB` points it at DynamoDB Local), every file
 * sent is kept under `--keep`, and each file is validated against the Crossref 5.4.0 XSD first.
 *
 * Credentials come only from the environment (`CROSSREF_LOGIN_ID`, `CROSSREF_PASSWORD`), never
 * from flags, which end up in shell history and process lists.
 *
 * Exit codes: 0 registered (or nothing to do), 1 a record was refused or the metadata has problems,
 * 2 wrong command line or configuration (including a login Crossref refuses), 75 still pending at
 * Crossref or Crossref unreachable: run the same command again later, it picks up where it stopped.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Command } from 'commander';
import { createDepositService, issueDepositSource, type BatchReport, type DepositReport, type DepositService } from '#adapters/crossref-deposit';
import { createCrossrefClient, CrossrefAuthError } from '#adapters/crossref-http';
import { compileCrossrefSchema } from '#adapters/crossref-xsd';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { needState } from '#core/deposit/index';
import { checkMetadata } from './check.ts';
import { problemReport } from './report.ts';
import { unreachable } from './stage.ts';
import { findSchemas, runDryRun } from './deposit-dry-run.ts';

export const DEPOSIT_EXIT = { ok: 0, refused: 1, config: 2, later: 75 } as const;

export const ENDPOINTS = { test: 'https://test.crossref.org', production: 'https://doi.crossref.org' } as const;

export type DepositCommandOptions = {
  readonly metadata: string;
  readonly endpoint: string;
  readonly table: string;
  readonly keep: string;
  readonly schemas: string;
  readonly dryRun?: boolean;
  readonly retryFailed?: boolean;
  readonly only?: readonly string[];
};

export type Output = { readonly out: (line: string) => void; readonly err: (line: string) => void };

/** Builds the service for the options; tests pass their own (simulator, DynamoDB Local). */
export type ServiceFactory = (options: DepositCommandOptions, credentials: { loginId: string; password: string }) => DepositService;

/** What the Crossref client tells about its HTTP exchanges, as a plain line for staff (never the JSON event). */
export function crossrefEventLine(event: { readonly event: string; readonly [key: string]: unknown }): string {
  const file = typeof event.fileName === 'string' ? event.fileName : 'the deposit file';
  switch (event.event) {
    case 'crossref.retry': {
      const seconds = typeof event.delayMs === 'number' ? ` in ${Math.max(1, Math.round(event.delayMs / 1000))} s` : '';
      return `Crossref did not answer (${String(event.reason ?? 'no reason given')}): trying again${seconds}`;
    }
    case 'crossref.deposit.received':
      return `Crossref received ${file}`;
    case 'crossref.deposit.already-received':
      return `Crossref already had ${file}: not sent again`;
    default:
      return `Crossref: ${event.event.replace(/^crossref\./, '').replace(/[.-]/g, ' ')}`;
  }
}

export const defaultServiceFactory: ServiceFactory = (options, credentials) => {
  const { validate } = compileCrossrefSchema(options.schemas);
  mkdirSync(options.keep, { recursive: true });
  return createDepositService({
    crossref: createCrossrefClient({ endpoint: options.endpoint, credentials, log: (e) => void console.error(crossrefEventLine(e)) }),
    ledger: createDepositLedger({ client: new DynamoDBClient({}), tableName: options.table }),
    store: { put: async (fileName, xml) => writeFileSync(join(options.keep, fileName), xml, 'utf8') },
    validate,
    now: () => new Date(),
    newId: randomUUID,
  });
};

function batchLines(batch: BatchReport): string[] {
  const head = `  batch ${batch.batchId} (timestamp ${batch.timestamp}, ${batch.dois.length} DOI(s)): ${batch.status}`;
  const records = (batch.outcomes ?? []).map((o) => `    ${o.outcome.padEnd(7)} ${o.doi}  ${o.message}`);
  const problems = (batch.problems ?? []).map((p) => `    ! ${p}`);
  return [head, ...records, ...problems];
}

/** The exit code a set of reports deserves. */
export function exitCode(reports: readonly DepositReport[]): number {
  const batches = reports.flatMap((r) => [...r.resumed, ...r.batches]);
  const refused = batches.some((b) => b.status === 'invalid' || b.status === 'conflict' || (b.outcomes ?? []).some((o) => o.outcome === 'Failure'));
  if (refused) return DEPOSIT_EXIT.refused;
  if (batches.some((b) => b.status === 'pending' || b.status === 'unconfirmed')) return DEPOSIT_EXIT.later;
  return DEPOSIT_EXIT.ok;
}

export async function runDeposit(
  options: DepositCommandOptions,
  output: Output,
  env: Readonly<Record<string, string | undefined>> = process.env,
  factory: ServiceFactory = defaultServiceFactory,
): Promise<number> {
  const loginId = env.CROSSREF_LOGIN_ID;
  const password = env.CROSSREF_PASSWORD;
  if (!loginId || !password) {
    output.err('set CROSSREF_LOGIN_ID and CROSSREF_PASSWORD (the Crossref deposit username, with its role, and its password)');
    return DEPOSIT_EXIT.config;
  }
  const checked = checkMetadata(options.metadata);
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems, 'nothing was deposited')) output.err(line);
    return DEPOSIT_EXIT.refused;
  }
  const service = factory(options, { loginId, password });
  const reports: DepositReport[] = [];
  try {
    for (const { bundle } of checked.issues) {
      const report = await service.deposit(issueDepositSource(bundle), {
        ...(options.dryRun ? { dryRun: true } : {}),
        ...(options.retryFailed ? { retryFailed: true } : {}),
        ...(options.only ? { only: options.only } : {}),
      });
      reports.push(report);
      output.out(`${report.source}: ${report.planned.length} to deposit, ${report.skipped.length} unchanged or waiting`);
      if (options.dryRun) for (const p of report.planned) output.out(`  would send ${p.doi} (${needState(p.need)})`);
      for (const batch of [...report.resumed, ...report.batches]) for (const line of batchLines(batch)) output.out(line);
    }
  } catch (error) {
    if (error instanceof CrossrefAuthError) {
      output.err(error.message);
      return DEPOSIT_EXIT.config;
    }
    // The ledger's table cannot be reached: a configuration problem (exit 2), said in words, not a stack.
    const local = env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL;
    const message = unreachable({ stage: local ? 'local' : 'dev', source: `the records table ${options.table}${local ? ` at ${local}` : ''}` }, error);
    if (message === undefined) throw error;
    output.err(`colophon deposit: ${message}: run the same command again once it answers (it picks up where it stopped)`);
    return DEPOSIT_EXIT.config;
  }
  return exitCode(reports);
}

/** Adds `colophon deposit` to the CLI. */
export function registerDeposit(program: Command): Command {
  return program
    .command('deposit')
    .description('register the DOIs of every issue below <metadata-dir> with Crossref, sending only what changed')
    .argument('<metadata-dir>', 'the metadata folder, one journal folder, or one issue folder')
    .option('--endpoint <url>', `Crossref deposit system (${ENDPOINTS.production} for real DOIs)`, ENDPOINTS.test)
    .option('--table <name>', 'the records table holding the deposit ledger (default: $RECORDS_TABLE)')
    .option('--keep <dir>', 'where to keep every file sent', 'out/crossref-deposits')
    .option('--schemas <dir>', 'the schemas folder with crossref/5.4.0 (default: $COLOPHON_SCHEMAS_DIR)')
    .option('--only <doi...>', 'deposit only these DOIs (if they need it)')
    .option('--retry-failed', 'send again records Crossref refused, even if unchanged')
    .option('--dry-run', 'show what would be sent; send nothing (without --table: write the whole issue batch and print its path)')
    .addHelpText(
      'after',
      '\nCredentials: CROSSREF_LOGIN_ID and CROSSREF_PASSWORD in the environment.\n' +
        'Exit codes: 0 registered or nothing to do, 1 refused records or metadata problems, 2 usage or configuration, 75 pending: run again later.',
    )
    .action(async (metadata: string, flags: { endpoint: string; table?: string; keep: string; schemas?: string; only?: string[]; retryFailed?: boolean; dryRun?: boolean }) => {
      const output: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };
      const table = flags.table ?? process.env.RECORDS_TABLE;
      const schemas = findSchemas(flags.schemas, process.env);
      if (flags.dryRun && !table) {
        process.exitCode = runDryRun({ metadata, keep: flags.keep, schemas }, output);
        return;
      }
      if (!table || !schemas) {
        output.err(`${table ? '' : 'give --table or set RECORDS_TABLE. '}${schemas ? '' : 'give --schemas or set COLOPHON_SCHEMAS_DIR.'}`.trim());
        process.exitCode = DEPOSIT_EXIT.config;
        return;
      }
      process.exitCode = await runDeposit(
        {
          metadata,
          endpoint: flags.endpoint,
          table,
          keep: flags.keep,
          schemas,
          ...(flags.only ? { only: flags.only } : {}),
          ...(flags.retryFailed ? { retryFailed: true } : {}),
          ...(flags.dryRun ? { dryRun: true } : {}),
        },
        output,
      );
    });
}
