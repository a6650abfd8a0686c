/**
 * A DOI belongs to the issue that first published it (issue 12, High 1): a copy of a published
 * article in another issue, or in another journal sharing the prefix, is refused by the stage
 * (nothing written, the problem shown by publish and status with what to do), and an article moves
 * only by `colophon move`, logged. The CLI in this process against the emulators and the bundled
 * functions, as cli-publish.test.ts runs it.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordsStore, type RecordsStore } from '#adapters/records';
import { issueKey } from '#core/urls';
import { removeTempDirs, runCli, tempDir } from '#tests/cli/run';
import { cliStateFlags, startTestStage, type TestStage } from '#tests/setup/local-stage';
import { siteText } from './inspect.ts';

const DOI = '10.2298/BALC1950375E';
const TITLE = 'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961';
const FAST = ['--poll', '0.1', '--timeout', '120'];

let stage: TestStage;
let state: string[];
let records: RecordsStore;
let root: string;

/** A copy of metadata/ with the seed article copied into issue `LI-2020` (another title), and a second journal `balkan-two` on the same prefix holding it too. */
function workspace(): string {
  const dir = tempDir();
  cpSync('metadata', join(dir, 'metadata'), { recursive: true });
  const balcanica = join(dir, 'metadata/balcanica');
  const copy = readFileSync(join(balcanica, 'L-2019/edemskiy.yaml'), 'utf8').replace(TITLE, 'A Hijacked Title');
  mkdirSync(join(balcanica, 'LI-2020'));
  writeFileSync(join(balcanica, 'LI-2020/issue.yaml'), readFileSync(join(balcanica, 'L-2019/issue.yaml'), 'utf8').replace('volume: L', 'volume: LI').replace('year: 2019', 'year: 2020'));
  writeFileSync(join(balcanica, 'LI-2020/edemskiy.yaml'), copy);
  const two = join(dir, 'other/balkan-two');
  mkdirSync(join(two, '2024'), { recursive: true });
  writeFileSync(join(two, 'journal.yaml'), readFileSync(join(balcanica, 'journal.yaml'), 'utf8').replace('id: balcanica', 'id: balkan-two').replace('title: Balcanica', 'title: Balkan Two'));
  writeFileSync(join(two, '2024/issue.yaml'), readFileSync(join(balcanica, 'L-2019/issue.yaml'), 'utf8'));
  writeFileSync(join(two, '2024/edemskiy.yaml'), copy);
  return dir;
}

beforeAll(async () => {
  stage = await startTestStage();
  state = cliStateFlags(stage, tempDir());
  const table = stage.stack.table('RecordsTable');
  records = createRecordsStore(stage.stack.clients.documents, table);
  root = workspace();
  expect((await runCli(['publish', 'metadata/balcanica/L-2019', ...state, ...FAST])).code).toBe(0);
});
afterAll(async () => {
  await stage.stop();
  removeTempDirs();
});

const landingTitle = async (): Promise<string> => (await (await fetch(`${stage.stack.siteUrl}/doi/${DOI}/`)).text()).match(/<h1[^>]*>([^<]*)/)?.[1] ?? '';

describe('a DOI published in one issue', () => {
  it('is not taken over by a copy in another issue: publish exits 1 and says what to do, nothing is written', async () => {
    // Act
    const run = await runCli(['publish', join(root, 'metadata/balcanica/LI-2020'), ...state, ...FAST]);
    await stage.stack.drain();

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('balcanica/LI-2020: the stage refused the metadata');
    expect(run.stderr).toContain(`DOI ${DOI} is already published in balcanica/L-2019 (article edemskiy)`);
    expect(run.stderr).toContain(`colophon move ${DOI} --to`);
    const head = (await records.getHead(DOI))!;
    expect(head.meta).toMatchObject({ version: 1, journalId: 'balcanica', issueId: 'L-2019' });
    expect(await records.getIssue('balcanica', 'LI-2020')).toBeUndefined();
    expect(await landingTitle()).toBe(TITLE);
  });

  it('shows the refusal in colophon status of that issue (exit 1)', async () => {
    // Act
    const run = await runCli(['status', join(root, 'metadata/balcanica/LI-2020'), ...state]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/the upload of .* was refused, 1 problem:/);
    expect(run.stdout).toContain(`already published in balcanica/L-2019`);
  });

  it('is not taken over by another journal on the same prefix', async () => {
    // Act
    const run = await runCli(['publish', join(root, 'other/balkan-two/2024'), ...state, ...FAST]);
    await stage.stack.drain();

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`DOI ${DOI} is already published in balcanica/L-2019`);
    expect((await records.getHead(DOI))!.meta).toMatchObject({ version: 1, journalId: 'balcanica', issueId: 'L-2019' });
  });

  it('moves only by colophon move, which is logged; the next publish of the new issue takes it and the old issue page drops it', async () => {
    // Act
    const move = await runCli(['move', DOI, '--to', join(root, 'metadata/balcanica/LI-2020'), '--reason', 'printed in LI', '--by', 'editor', ...state]);
    const publish = await runCli(['publish', join(root, 'metadata/balcanica/LI-2020'), ...state, ...FAST]);
    await stage.stack.drain();

    // Assess
    expect(move.code).toBe(0);
    expect(move.stdout).toContain(`${DOI}: move from balcanica/L-2019 to balcanica/LI-2020 authorised and logged (by editor`);
    expect(publish.code).toBe(0);
    expect((await records.getHead(DOI))!.meta).toMatchObject({ version: 2, journalId: 'balcanica', issueId: 'LI-2020', movedFrom: { journalId: 'balcanica', issueId: 'L-2019' } });
    expect(await records.listMoves(DOI)).toEqual([expect.objectContaining({ from: { journalId: 'balcanica', issueId: 'L-2019' }, to: { journalId: 'balcanica', issueId: 'LI-2020' }, by: 'editor', reason: 'printed in LI' })]);
    expect(await landingTitle()).toBe('A Hijacked Title');
    const oldPage = await siteText(stage.stack, issueKey('balcanica', 'L-2019'));
    expect(oldPage).not.toContain(DOI);
    // The old issue may not take it back without another move.
    const back = await runCli(['publish', 'metadata/balcanica/L-2019', ...state, ...FAST]);
    expect(back.code).toBe(1);
    expect(back.stderr).toContain(`already published in balcanica/LI-2020`);
  });
});
