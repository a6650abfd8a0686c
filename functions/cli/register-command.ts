/**
 * `colophon register [<issue-dir>] [--stage local|dev|prod] [--dry-run]`: registers with Crossref
 * every DOI of the stage's published issues that Crossref does not have yet (`ready`) or has in an
 * older form (`stale`), and follows each until Crossref answers. It sends nothing itself: it queues
 * the issue on the stage's Deposit queue, the same job Render sends after a render, so the stage's
 * own Deposit function deposits with the stage's Crossref login and endpoint, keeps the file, and
 * marks what Crossref accepted. States are the ledger's (core/deposit/registration.ts), read the
 * same way as `colophon status` reads them.
 *
 * Exit codes: 0 Crossref has every DOI (or nothing was to do, or a dry run), 1 Crossref refused a
 * DOI or refused the deposit file, 2 wrong command line, the stage cannot be reached or it does not
 * send deposits (a dry-run stage), 75 Crossref had not answered by --timeout: run it again later.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { RecordsStore } from '#adapters/records';
import type { DepositLedger } from '#adapters/deposit-ledger';
import { isRegistered, STATE_MEANING, toRegister, type DepositState } from '#core/deposit/index';
import { formatProblem } from '#core/model/index';
import type { Io } from './main.ts';
import { secondsOption } from './publish-command.ts';
import { issueRegistration, type DoiRegistration, type IssueRegistration } from './registration.ts';
import { depositQueueUrl, resolveStage, stageFlags, stageOptions, withStage, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';
import { everyIssue, readSelection, type IssueSelection } from './status-command.ts';

export const REGISTER_EXIT = { ok: 0, refused: 1, config: 2, later: 75 } as const;

export type RegisterOptions = StageFlags & {
  readonly root?: string | undefined;
  readonly dryRun?: boolean | undefined;
  readonly timeoutSeconds: number;
  readonly pollSeconds: number;
};

export type RegisterDeps = {
  readonly resolve: (flags: StageFlags) => Promise<StageTarget>;
  /** Queues a deposit job for one issue on the stage (its Deposit queue). */
  readonly queueDeposit: (target: StageTarget, job: { readonly journalId: string; readonly issueId: string }) => Promise<void>;
  readonly now: () => Date;
};

async function sendToDepositQueue(target: StageTarget, job: { readonly journalId: string; readonly issueId: string }): Promise<void> {
  const [{ SQSClient, SendMessageCommand }, { LOCAL_CREDENTIALS, LOCAL_REGION }] = await Promise.all([import('@aws-sdk/client-sqs'), import('#infra/local/paths')]);
  const url = await depositQueueUrl(target);
  const sqs = target.stage === 'local' ? new SQSClient({ ...(target.local?.sqs ? { endpoint: target.local.sqs } : {}), region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS } }) : new SQSClient({});
  try {
    // The body is the job Render sends (functions/handlers/jobs.ts issueJobSchema).
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify({ journalId: job.journalId, issueId: job.issueId }) }));
  } finally {
    sqs.destroy();
  }
}

const defaultDeps: RegisterDeps = { resolve: (flags) => resolveStage(flags), queueDeposit: sendToDepositQueue, now: () => new Date() };

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
const label = (r: Pick<IssueRegistration, 'journalId' | 'issueId'>): string => `${r.journalId}/${r.issueId}`;
const stateName = (state: DepositState): string => (state === 'failed' ? 'FAILED' : state);
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** What register can send now: to register and rendered (a DOI must resolve to its landing page). */
const sendable = (d: DoiRegistration): boolean => toRegister(d.state) && d.rendered;

/** The issue's summary: how many DOIs in each state, the ones to send first. */
function summary(reg: IssueRegistration): string {
  const by = new Map<DepositState, number>();
  for (const d of reg.dois) by.set(d.state, (by.get(d.state) ?? 0) + 1);
  const order: DepositState[] = ['ready', 'stale', 'submitted', 'failed', 'warning', 'registered'];
  const parts = order.filter((s) => by.has(s)).map((s) => `${by.get(s)} ${stateName(s)}`);
  const todo = reg.dois.filter((d) => toRegister(d.state)).length;
  return `${label(reg)}: ${count(reg.dois.length, 'DOI')} (${parts.join(', ')}); ${todo === 0 ? 'nothing to register' : `${todo} to register`}`;
}

/** One line per DOI that is not simply registered: its state and what it means (or why it waits). */
function doiLines(reg: IssueRegistration, dryRun: boolean): string[] {
  return reg.dois
    .filter((d) => d.state !== 'registered')
    .map((d) => {
      if (toRegister(d.state) && !d.rendered) return `  ${d.doi}  ${stateName(d.state)}: its landing page is not rendered yet; it is sent once it is (colophon status shows why)`;
      if (toRegister(d.state)) return `  ${d.doi}  ${stateName(d.state)}: ${dryRun ? 'would be sent' : 'sending'} (${STATE_MEANING[d.state].split(':')[0]})`;
      const message = d.entry?.message ? `: ${oneLine(d.entry.message)}` : '';
      return `  ${d.doi}  ${stateName(d.state)}${message || `: ${STATE_MEANING[d.state]}`}`;
    });
}

type Stores = { readonly records: RecordsStore; readonly ledger: DepositLedger };

async function stores(target: StageTarget): Promise<Stores> {
  const [{ createRecordsStore }, { createDepositLedger }] = await Promise.all([import('#adapters/records'), import('#adapters/deposit-ledger')]);
  return { records: createRecordsStore(target.documents, target.outputs.TableName), ledger: createDepositLedger({ client: target.dynamodb, tableName: target.outputs.TableName }) };
}

async function readAll(s: Stores, issues: readonly IssueSelection[]): Promise<{ found: IssueRegistration[]; missing: IssueSelection[] }> {
  const read = await Promise.all(issues.map(async (i) => ({ i, reg: await issueRegistration(s.records, s.ledger, i.journalId, i.issueId) })));
  return { found: read.flatMap(({ reg }) => (reg ? [reg] : [])), missing: read.filter(({ reg }) => !reg).map(({ i }) => i) };
}

/**
 * Follows the DOIs sent until Crossref answered for each (registered, warning or failed), printing
 * each answer once; stops early when the Deposit function refused the issue's file (recorded problems).
 */
async function follow(s: Stores, sent: readonly IssueRegistration[], since: string, options: RegisterOptions, io: Pick<Io, 'out' | 'err'>, deps: RegisterDeps): Promise<number> {
  const waiting = new Map(sent.flatMap((reg) => reg.dois.filter(sendable).map((d) => [d.doi.toLowerCase(), { reg, doi: d.doi }] as const)));
  const total = waiting.size;
  const answered: DoiRegistration[] = [];
  const deadline = deps.now().getTime() + options.timeoutSeconds * 1000;
  const refusedFiles: string[] = [];
  for (;;) {
    for (const reg of sent) {
      const now = await issueRegistration(s.records, s.ledger, reg.journalId, reg.issueId);
      for (const d of now?.dois ?? []) {
        if (!waiting.has(d.doi.toLowerCase()) || toRegister(d.state) || d.state === 'submitted') continue;
        waiting.delete(d.doi.toLowerCase());
        answered.push(d);
        const message = d.entry?.message ? `: ${oneLine(d.entry.message)}` : '';
        io.err(`${label(reg)} ${d.doi}: ${stateName(d.state)}${message}\n`);
      }
      const problems = await s.records.getProblems(reg.journalId, reg.issueId, 'deposit');
      if (problems && problems.at >= since && !refusedFiles.includes(label(reg))) {
        refusedFiles.push(label(reg));
        io.err(`${label(reg)}: the Deposit function refused the deposit file (nothing was sent to Crossref), ${count(problems.problems.length, 'problem')}:\n`);
        for (const p of problems.problems) io.err(`  ${formatProblem(p)}\n`);
        for (const [key, w] of waiting) if (w.reg === reg) waiting.delete(key);
      }
    }
    if (waiting.size === 0 || deps.now().getTime() >= deadline) break;
    await sleep(options.pollSeconds * 1000);
  }
  const registered = answered.filter((d) => isRegistered(d.state)).length;
  const failed = answered.filter((d) => d.state === 'failed');
  io.out(`${registered} of ${count(total, 'DOI')} registered with Crossref${failed.length > 0 ? `, ${failed.length} refused (see above; fix the metadata and publish again)` : ''}\n`);
  if (waiting.size > 0) {
    io.out(`${count(waiting.size, 'DOI')} still waiting for Crossref after ${options.timeoutSeconds} s: run colophon register again later (it sends nothing twice), or see colophon status\n`);
  }
  if (failed.length > 0 || refusedFiles.length > 0) return REGISTER_EXIT.refused;
  return waiting.size > 0 ? REGISTER_EXIT.later : REGISTER_EXIT.ok;
}

export async function runRegister(options: RegisterOptions, io: Pick<Io, 'out' | 'err'>, deps: RegisterDeps = defaultDeps): Promise<number> {
  const selection = readSelection(options.root, io);
  if (selection === false) return REGISTER_EXIT.config;
  return withStage('register', () => deps.resolve(options), io, async (target) => {
    const s = await stores(target);
    const { found, missing } = await readAll(s, selection ?? (await everyIssue(s.records)));
    for (const m of missing) io.err(`${m.journalId}/${m.issueId}: not published on ${target.source}: run colophon publish first\n`);
    if (found.length === 0) {
      io.out(`nothing to register: no published issue${options.root === undefined ? '' : ` of ${options.root}`} on this stage\n`);
      return missing.length > 0 ? REGISTER_EXIT.refused : REGISTER_EXIT.ok;
    }
    for (const reg of found) {
      io.out(`${summary(reg)}\n`);
      for (const line of doiLines(reg, options.dryRun === true)) io.out(`${line}\n`);
    }
    const toSend = found.filter((reg) => reg.dois.some(sendable));
    const dois = toSend.reduce((n, reg) => n + reg.dois.filter(sendable).length, 0);
    if (options.dryRun) {
      io.out(dois === 0 ? 'dry run: nothing to send\n' : `dry run: nothing was sent; colophon register${options.root === undefined ? '' : ` ${options.root}`} would send ${count(dois, 'DOI')}\n`);
      return REGISTER_EXIT.ok;
    }
    if (dois === 0) return found.some((reg) => reg.dois.some((d) => d.state === 'failed')) ? REGISTER_EXIT.refused : REGISTER_EXIT.ok;
    if (target.crossrefMode === 'dry-run') {
      io.err(
        `colophon register: ${target.source} does not send deposits to Crossref (its Crossref mode is dry-run): nothing was sent. ` +
          (target.stage === 'local' ? 'Restart it with COLOPHON_CROSSREF=simulator npm start to register with the local Crossref simulator, then run colophon register again. ' : '') +
          'colophon deposit-files gets the dry-run deposit files.\n',
      );
      return REGISTER_EXIT.config;
    }
    const since = deps.now().toISOString();
    for (const reg of toSend) {
      await deps.queueDeposit(target, reg);
      io.err(`${label(reg)}: ${count(reg.dois.filter(sendable).length, 'DOI')} handed to the stage's Deposit function; waiting for Crossref's answer\n`);
    }
    return follow(s, toSend, since, options, io, deps);
  });
}

type RegisterCliFlags = StageCliFlags & { dryRun?: boolean; timeout: number; poll: number };

/** Adds `colophon register` to the CLI. */
export function registerRegister(program: Command, io: Io, setExit: (code: number) => void, deps?: RegisterDeps): Command {
  return stageOptions(
    program
      .command('register')
      .description('register with Crossref the DOIs of published issues that Crossref does not have yet (or has in an older form), and wait for its answer')
      .argument('[issue-dir]', 'an issue folder (or a journal or metadata folder); default: every issue the stage has published'),
  )
    .option('--dry-run', 'show what would be sent, send nothing')
    .option('--timeout <seconds>', "stop waiting for Crossref's answer after this long (the stage goes on)", secondsOption(1), 300)
    .option('--poll <seconds>', 'how often to look at the deposit ledger', secondsOption(0.05), 2)
    .addHelpText(
      'after',
      '\nStates (the same in colophon status): ready = Crossref does not have the DOI yet; stale = Crossref has an older form;\n' +
        'submitted = waiting for Crossref; registered; warning = registered with a warning; FAILED = refused.\n\n' +
        'Examples:\n  $ colophon register --dry-run                          what the local stand-in would send\n' +
        '  $ colophon register metadata/balcanica/L-2019 --stage prod\n\n' +
        'Exit codes: 0 Crossref has every DOI, 1 Crossref refused a DOI or the deposit file, 2 usage, stage unreachable or a dry-run stage, 75 no answer by --timeout.',
    )
    .action(async (root: string | undefined, flags: RegisterCliFlags) => {
      setExit(
        await runRegister(
          { ...stageFlags(flags), ...(root === undefined ? {} : { root }), ...(flags.dryRun ? { dryRun: true } : {}), timeoutSeconds: flags.timeout, pollSeconds: flags.poll },
          io,
          deps,
        ),
      );
    });
}
