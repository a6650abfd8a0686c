/**
 * `npm start`: the whole pipeline on this machine. Synthesizes the local stage if needed, starts
 * the emulators (state kept in `.local/`), deploys the stage onto them, publishes every issue in
 * `metadata/` through the inbox as the CLI does, prints where to look, and serves until Ctrl-C.
 * Function logs go to `.local/logs/<function>.log`; one line per event is echoed here.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { LOCAL_STATE_FILE, type LocalState } from '#cli/stage';
import { join } from 'node:path';
import { loadMetadata } from '#adapters/metadata-fs';
import { checkJava } from './dynamodb-local.ts';
import { startEmulators } from './emulators.ts';
import { CDK_OUT, METADATA_DIR, ROOT, STATE_DIR } from './paths.ts';
import { publishFolder } from './publish.ts';
import { startCrossrefSimulator, type CrossrefSimulator } from './crossref-simulator/server.ts';
import { deployLocal, LOCAL_CROSSREF_LOGIN, type LocalCrossref } from './stack.ts';
import { ensureSynth } from './synth.ts';
import { portNotice, urlLines } from './summary.ts';
import { seedStaffUser } from './cognito.ts';
import { consoleLines, LOCAL_ADMIN, LOCAL_EDITOR } from './staff.ts';

const SITE_PORT = Number(process.env.COLOPHON_SITE_PORT ?? 8788);
/** `COLOPHON_CROSSREF=simulator`: deposits go to the local Crossref simulator; otherwise the local stage's dry run. */
const CROSSREF = process.env.COLOPHON_CROSSREF ?? 'dry-run';
if (CROSSREF !== 'dry-run' && CROSSREF !== 'simulator') {
  console.error(`COLOPHON_CROSSREF must be "simulator" or "dry-run" (the default), not "${CROSSREF}"`);
  process.exit(2);
}
const say = (line: string): void => console.log(`[colophon] ${line}`);

function ensureJava(): void {
  try {
    checkJava();
  } catch {
    const setup = spawnSync('bash', [join(ROOT, 'infra/local/setup-java.sh')], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(1);
  }
}

/** One short line per JSON log line: level, function, message and the fields that say what it was about. */
function echo(fn: string, line: string): void {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const about = ['doi', 'journalId', 'issueId', 'created', 'unchanged', 'queued', 'written', 'failed', 'key', 'batchId', 'status', 'reason', 'error'].filter((k) => entry[k] !== undefined).map((k) => `${k}=${String(entry[k])}`);
    console.log(`[${fn}] ${String(entry.level ?? '')} ${String(entry.message ?? '')} ${about.join(' ')}`);
  } catch {
    console.log(`[${fn}] ${line}`);
  }
}

ensureJava();
const logDir = join(STATE_DIR, 'logs');
mkdirSync(logDir, { recursive: true });
const synth = await ensureSynth({ cdkOut: CDK_OUT, log: say });
if (synth.synthesized) say(`synthesized in ${(synth.ms / 1000).toFixed(1)} s`);
const emulators = await startEmulators({ persistDir: STATE_DIR });
say(`emulators up: DynamoDB Local ${emulators.endpoints.dynamodb}, S3 ${emulators.endpoints.s3}, SQS ${emulators.endpoints.sqs}`);
// A run killed mid-work left messages received but not deleted: nobody holds them now (sqs.ts).
const released = await emulators.releaseInflight();
if (released > 0) say(`${released} message(s) the last run left unfinished are queued again; they are worked off in the background`);
// The simulator keeps its registry in memory: a restart forgets what it registered, while the ledger
// in .local/ remembers; unchanged records are then not sent again (as with the real test system).
let simulator: CrossrefSimulator | undefined;
let crossref: LocalCrossref | undefined;
if (CROSSREF === 'simulator') {
  const schemasDir = process.env.COLOPHON_SCHEMAS_DIR ?? join(ROOT, '..', 'shared', 'schemas');
  simulator = await startCrossrefSimulator({ schemasDir, credentials: LOCAL_CROSSREF_LOGIN, resultAfterMs: 2_000 });
  crossref = { endpoint: simulator.url, mode: 'deposit' };
  say(`Crossref simulator: ${simulator.url} (deposits are registered there; state: ${simulator.url}/__control/state)`);
}
const stack = await deployLocal({
  cdkOut: CDK_OUT,
  endpoints: emulators.endpoints,
  schedules: true,
  // On AWS a failed message waits out its visibility timeout (12 min here); locally, ten seconds.
  retryAfterSeconds: 10,
  // The preferred port when it is free, any free port otherwise.
  sitePort: SITE_PORT,
  sitePortFallback: true,
  ...(crossref ? { crossref } : {}),
  log: (fn, line) => {
    appendFileSync(join(logDir, `${fn}.log`), `${line}\n`);
    echo(fn, line);
  },
});

// How `colophon publish` / `colophon status` (stage local, the default) find this stand-in: the
// emulators' ports are picked afresh at every start. Removed again on Ctrl-C.
simulator?.setCallback({ url: stack.crossref.callbackUrl });
const localState: LocalState = {
  endpoints: { s3: emulators.endpoints.s3, dynamodb: emulators.endpoints.dynamodb, sqs: emulators.endpoints.sqs },
  siteUrl: stack.siteUrl,
  // `colophon register` sends through the Deposit queue only when the stand-in deposits.
  crossref: simulator ? 'deposit' : 'dry-run',
};
writeFileSync(LOCAL_STATE_FILE, `${JSON.stringify(localState, null, 2)}\n`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  rmSync(LOCAL_STATE_FILE, { force: true });
  await stack.stop();
  await simulator?.close();
  await emulators.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const published = await publishFolder(stack, METADATA_DIR);
say(`published ${published.length} issue(s) from metadata/`);
// The site, the API and the queues' consumers are already serving: a short wait shows the first
// publish done, and whatever is still queued (a crashed run's leftovers) goes on in the background.
const settled = await stack
  .drain({ timeoutMs: 60_000 })
  .then(() => true)
  .catch(() => false);

const loaded = loadMetadata(METADATA_DIR);
// Printed bare (no [colophon] tag), exactly as README.md shows them.
for (const line of urlLines(stack.siteUrl, loaded.ok ? loaded.bundles : [])) console.log(line);
for (const line of portNotice(SITE_PORT, Number(new URL(stack.siteUrl).port))) say(line);
// The staff console (issue 15): a local editor of every journal in metadata/, signed in with the printed password.
if (stack.staff) {
  const journals = loaded.ok ? [...new Set(loaded.bundles.map((b) => b.journal.id))] : [];
  await seedStaffUser(stack.staff.endpoint, stack.staff.userPoolId, { ...LOCAL_EDITOR, groups: journals.map((j) => `editor:${j}`) });
  await seedStaffUser(stack.staff.endpoint, stack.staff.userPoolId, { ...LOCAL_ADMIN, groups: ['admin'] }); // issue 15, users
  for (const line of consoleLines(stack.siteUrl, journals)) console.log(line);
}
const artifacts = stack.bucket('ArtifactsBucket');
say(
  simulator
    ? `Crossref: deposited to the simulator (${simulator.url}/__control/state); files kept in s3://${artifacts}/crossref/deposits/`
    : `Crossref: dry run, nothing sent; deposit files in s3://${artifacts}/crossref/dry-run/ (COLOPHON_CROSSREF=simulator npm start to register with the local simulator)`,
);
say(`logs: ${logDir}/ — state: ${STATE_DIR}/ — Ctrl-C to stop`);
say('publish from another terminal: npx colophon publish metadata/balcanica/L-2019 (then npx colophon status metadata/balcanica/L-2019)');
if (!settled) {
  say('still working through queued messages in the background; pages update as they finish (npx colophon status shows where each article is)');
  // Never an unhandled rejection: the stage keeps serving however long the leftovers take.
  void stack
    .drain({ timeoutMs: 60 * 60_000 })
    .then(() => say('background work done: every queue is empty'))
    .catch(() => say('queued work is still not done after an hour: see .local/logs/ and npx colophon status'));
}
