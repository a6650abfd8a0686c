import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseSubmissionLog, type SubmissionLog } from '#core/deposit/index';
import { startCrossrefSimulator, type CrossrefSimulator } from '#infra/local/crossref-simulator/server';
import { CREDENTIALS, crossrefValidator, exampleDeposit } from './fixtures.ts';

let sim: CrossrefSimulator;
const OTHER_MEMBER = { loginId: 'other-member', password: 'pw-other' };

beforeAll(async () => {
  sim = await startCrossrefSimulator({ validate: crossrefValidator(), credentials: CREDENTIALS, accounts: [OTHER_MEMBER], resultAfterPolls: 1 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => sim.reset());

async function upload(fileName: string, xml: string, credentials: { loginId: string; password: string } = CREDENTIALS): Promise<Response> {
  const form = new FormData();
  form.set('operation', 'doMDUpload');
  form.set('login_id', credentials.loginId);
  form.set('login_passwd', credentials.password);
  form.set('fname', new Blob([xml], { type: 'application/xml' }), fileName);
  return fetch(`${sim.url}/servlet/deposit`, { method: 'POST', body: form });
}

async function download(fileName: string, type = 'result', credentials: { loginId: string; password: string } = CREDENTIALS): Promise<Response> {
  const query = new URLSearchParams({ usr: credentials.loginId, pwd: credentials.password, file_name: fileName, type });
  return fetch(`${sim.url}/servlet/submissionDownload?${query.toString()}`);
}

async function log(fileName: string): Promise<SubmissionLog> {
  const parsed = parseSubmissionLog(await (await download(fileName)).text());
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.value;
}

/** Polls until the log is there (the simulator shows it on the second poll). */
async function completed(fileName: string): Promise<Extract<SubmissionLog, { status: 'completed' }>> {
  for (let i = 0; i < 5; i += 1) {
    const value = await log(fileName);
    if (value.status === 'completed') return value;
  }
  throw new Error(`no log for ${fileName}`);
}

describe('Crossref simulator', () => {
  it('answers the receipt at once, then queued, then the log of the official example deposit', async () => {
    // Act
    const receipt = await upload('example.xml', exampleDeposit());
    const first = await log('example.xml');
    const second = await log('example.xml');
    // Assess
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain('Your batch submission was successfully received.');
    expect(first).toMatchObject({ status: 'pending', crossrefStatus: 'queued' });
    expect(second).toMatchObject({
      status: 'completed',
      batchId: 'test.x',
      counts: { records: 2, success: 2, warning: 0, failure: 0 },
      records: [
        { status: 'Success', doi: '10.5555/ScF8aU8', message: 'Successfully added' },
        { status: 'Success', doi: '10.5555/n0HRokm', message: 'Successfully added' },
      ],
    });
  });

  it('refuses the same timestamp again with Crossref\'s message, per DOI', async () => {
    // Prepare
    await upload('first.xml', exampleDeposit());
    // Act
    await upload('again.xml', exampleDeposit());
    const result = await completed('again.xml');
    // Assess
    expect(result.records.map((r) => [r.status, r.message])).toEqual([
      ['Failure', 'Record not processed because submitted version: 2021010100000003 is less or equal to previously submitted version (DOI match)'],
      ['Failure', 'Record not processed because submitted version: 2021010100000003 is less or equal to previously submitted version (DOI match)'],
    ]);
    expect(sim.accepted('10.5555/n0HRokm')).toBe(1);
  });

  it('accepts a larger timestamp as an update', async () => {
    await upload('first.xml', exampleDeposit());
    await upload('newer.xml', exampleDeposit().replace('<timestamp>2021010100000003</timestamp>', '<timestamp>2021010100000004</timestamp>'));
    const result = await completed('newer.xml');
    expect(result.records.map((r) => r.message)).toEqual(['Successfully updated', 'Successfully updated']);
    expect(sim.accepted('10.5555/N0HROKM')).toBe(2);
  });

  it('refuses a file that does not validate, whole, with an empty DOI', async () => {
    // Act
    await upload('bad.xml', exampleDeposit().replace('<registrant>', '<bogus/><registrant>'));
    const result = await completed('bad.xml');
    // Assess
    expect(result.counts).toEqual({ records: 1, success: 0, warning: 0, failure: 1 });
    expect(result.records[0]).toMatchObject({ status: 'Failure', doi: '' });
    expect(result.records[0]?.message).toMatch(/^Error validating schema crossref5\.4\.0\.xsd : Error: .*bogus/);
    expect(sim.accepted('10.5555/n0HRokm')).toBe(0);
  });

  it('forced outcomes: a Warning still registers, a Failure does not', async () => {
    // Prepare
    sim.forceOutcome('10.5555/ScF8aU8', { status: 'Warning' });
    sim.forceOutcome('10.5555/n0HRokm', { status: 'Failure', message: 'User not allowed to add records for prefix: 10.5555' });
    // Act
    await upload('forced.xml', exampleDeposit());
    const result = await completed('forced.xml');
    // Assess
    expect(result.records.map((r) => [r.status, r.message])).toEqual([
      ['Warning', 'Added with conflict'],
      ['Failure', 'User not allowed to add records for prefix: 10.5555'],
    ]);
    expect([sim.accepted('10.5555/ScF8aU8'), sim.accepted('10.5555/n0HRokm')]).toEqual([1, 0]);
  });

  it('checks the login on both endpoints', async () => {
    // Act
    const refused = await upload('x.xml', exampleDeposit(), { loginId: CREDENTIALS.loginId, password: 'wrong' });
    const query = new URLSearchParams({ usr: CREDENTIALS.loginId, pwd: 'wrong', file_name: 'x.xml', type: 'result' });
    const poll = await fetch(`${sim.url}/servlet/submissionDownload?${query.toString()}`);
    // Assess
    expect([refused.status, poll.status]).toEqual([401, 401]);
    expect(sim.registry.submissions).toHaveLength(0);
  });

  it("shows a submission's log only to the account that sent it", async () => {
    // Act
    await upload('mine.xml', exampleDeposit(), OTHER_MEMBER);
    const other = async (): Promise<SubmissionLog> => {
      const parsed = parseSubmissionLog(await (await download('mine.xml', 'result', CREDENTIALS)).text());
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      return parsed.value;
    };
    const seenByOther = [await other(), await other()];
    const own = [await (await download('mine.xml', 'result', OTHER_MEMBER)).text(), await (await download('mine.xml', 'result', OTHER_MEMBER)).text()];
    // Assess
    expect(seenByOther).toEqual([{ status: 'unknown' }, { status: 'unknown' }]);
    expect(own[1]).toContain('status="completed"');
  });

  it('answers unknown_submission for a file it never got, and the file itself for type=contents', async () => {
    await upload('kept.xml', exampleDeposit());
    expect(await log('never.xml')).toEqual({ status: 'unknown' });
    expect(await (await download('kept.xml', 'contents')).text()).toBe(exampleDeposit());
  });

  it.each([500, 503, 429])('fault: answers %i once, without processing', async (status) => {
    // Prepare
    sim.injectFault({ on: 'deposit', kind: 'status', status });
    // Act
    const failed = await upload('f.xml', exampleDeposit());
    const retried = await upload('f.xml', exampleDeposit());
    // Assess
    expect([failed.status, retried.status]).toEqual([status, 200]);
    expect(sim.registry.submissions).toHaveLength(1);
  });

  it('fault: drops the connection after processing (the client cannot know the file arrived)', async () => {
    // Prepare
    sim.injectFault({ on: 'deposit', kind: 'drop', afterProcessing: true });
    // Act
    const attempt = upload('lost.xml', exampleDeposit());
    // Assess
    await expect(attempt).rejects.toThrow();
    expect((await completed('lost.xml')).counts.success).toBe(2);
  });

  it('fault: stalls until the client gives up', async () => {
    sim.injectFault({ on: 'deposit', kind: 'stall' });
    const form = new FormData();
    form.set('fname', new Blob([exampleDeposit()]), 'stall.xml');
    await expect(fetch(`${sim.url}/servlet/deposit`, { method: 'POST', body: form, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(sim.registry.submissions).toHaveLength(0);
  });

  it('has a control API over HTTP for other processes', async () => {
    // Act
    await fetch(`${sim.url}/__control/faults`, { method: 'POST', body: JSON.stringify([{ on: 'deposit', kind: 'status', status: 503 }]) });
    const refused = await upload('c.xml', exampleDeposit());
    const state = (await (await fetch(`${sim.url}/__control/state`)).json()) as { requests: { deposit: number } };
    // Assess
    expect(refused.status).toBe(503);
    expect(state.requests.deposit).toBe(1);
  });
});
