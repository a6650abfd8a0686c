import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  backoffDelay,
  createCrossrefClient,
  CrossrefAuthError,
  CrossrefUnavailableError,
  redact,
  type CrossrefHttpOptions,
} from '#adapters/crossref-http';
import { startCrossrefSimulator, type CrossrefSimulator } from '#infra/local/crossref-simulator/server';
import { CREDENTIALS, crossrefValidator, exampleDeposit } from './fixtures.ts';

let sim: CrossrefSimulator;
let delays: number[];
let events: string[];

beforeAll(async () => {
  sim = await startCrossrefSimulator({ validate: crossrefValidator(), credentials: CREDENTIALS, resultAfterPolls: 0 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.reset();
  delays = [];
  events = [];
});

function client(overrides: Partial<CrossrefHttpOptions> = {}) {
  return createCrossrefClient({
    endpoint: sim.url,
    credentials: CREDENTIALS,
    timeoutMs: 1_000,
    retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    log: (e) => void events.push(JSON.stringify(e)),
    ...overrides,
  });
}

describe('crossref-http against the simulator', () => {
  it('uploads multipart/form-data and reads the log by file name', async () => {
    // Act
    const receipt = await client().deposit('example.xml', exampleDeposit());
    const result = await client().result('example.xml');
    // Assess
    expect(receipt).toEqual({ via: 'posted', attempts: 1 });
    expect(result).toMatchObject({ status: 'completed', counts: { records: 2, success: 2, warning: 0, failure: 0 } });
  });

  it.each([500, 503, 429])('retries HTTP %i with backoff, and the file arrives once', async (status) => {
    // Prepare
    sim.injectFault({ on: 'deposit', kind: 'status', status }, { on: 'deposit', kind: 'status', status });
    // Act
    const receipt = await client().deposit('retry.xml', exampleDeposit());
    // Assess
    expect(receipt).toEqual({ via: 'posted', attempts: 3 });
    expect(delays).toEqual([50, 100]);
    expect(sim.registry.submissions).toHaveLength(1);
  });

  it('honours Retry-After, within the bound', async () => {
    sim.injectFault({ on: 'deposit', kind: 'status', status: 503, retryAfterSeconds: 0.4 });
    await client().deposit('later.xml', exampleDeposit());
    expect(delays).toEqual([400]);
  });

  it('a lost answer after processing: no second upload, the earlier one is recognised', async () => {
    // Prepare
    sim.injectFault({ on: 'deposit', kind: 'drop', afterProcessing: true });
    // Act
    const receipt = await client().deposit('lost.xml', exampleDeposit());
    // Assess
    expect(receipt).toEqual({ via: 'already-received', attempts: 2 });
    expect(sim.registry.submissions).toHaveLength(1);
    expect(sim.requests.deposit).toBe(1);
  });

  it('a timeout before processing: retried and uploaded once', async () => {
    // Prepare
    sim.injectFault({ on: 'deposit', kind: 'stall' });
    // Act
    const receipt = await client({ timeoutMs: 300 }).deposit('slow.xml', exampleDeposit());
    // Assess
    expect(receipt).toEqual({ via: 'posted', attempts: 2 });
    expect(sim.registry.submissions).toHaveLength(1);
  });

  it('a timeout after processing: recognised, not uploaded again', async () => {
    sim.injectFault({ on: 'deposit', kind: 'stall', afterProcessing: true });
    const receipt = await client({ timeoutMs: 300 }).deposit('slow.xml', exampleDeposit());
    expect(receipt).toEqual({ via: 'already-received', attempts: 2 });
    expect(sim.requests.deposit).toBe(1);
  });

  it('401 stops at once with a message staff understand, and no secret in it', async () => {
    // Act
    const attempt = client({ credentials: { loginId: CREDENTIALS.loginId, password: 'not-it&x' } }).deposit('auth.xml', exampleDeposit());
    // Assess
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrossrefAuthError);
    expect((error as Error).message).toMatch(/Crossref refused the login \(HTTP 401\).*username.*password/);
    expect((error as Error).message).not.toContain('not-it');
    expect(sim.requests.deposit).toBe(1);
    expect(delays).toEqual([]);
  });

  it('gives up after the attempts with CrossrefUnavailableError', async () => {
    sim.injectFault(...Array.from({ length: 4 }, () => ({ on: 'deposit' as const, kind: 'status' as const, status: 500 })));
    const error = await client().deposit('down.xml', exampleDeposit()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrossrefUnavailableError);
    expect((error as Error).message).toMatch(/after 4 attempts: .*HTTP 500/);
    expect(delays).toHaveLength(3);
  });

  it('stops retrying before the deadline (a Lambda\'s remaining time): no sleep or attempt past it, the deposit is tried again later', async () => {
    // Prepare: a clock that the (recorded, not slept) backoff advances; 19 s until the deadline
    let clock = 0;
    sim.injectFault(...Array.from({ length: 4 }, () => ({ on: 'deposit' as const, kind: 'status' as const, status: 503 })));
    const slow = client({ retry: { attempts: 4, baseDelayMs: 10_000, maxDelayMs: 60_000 }, now: () => clock, deadline: () => 19_000, sleep: async (ms) => void (delays.push(ms), (clock += ms)) });
    // Act
    const error = await slow.deposit('late.xml', exampleDeposit()).catch((e: unknown) => e);
    // Assess: attempt 1 at 0 s, sleep 5 s, attempt 2 (after its log check) at 5 s; the next sleep (10 s) would leave 4 s, under MIN_ATTEMPT_MS
    expect(error).toBeInstanceOf(CrossrefUnavailableError);
    expect((error as Error).message).toMatch(/stopped after 2 of 4 attempts, to finish within the time this run has \(it is tried again later\): .*HTTP 503/);
    expect(delays).toEqual([5_000]);
    expect(sim.requests.deposit).toBe(2);
  });

  it('makes no attempt when the deadline is already too close', async () => {
    const error = await client({ now: () => 0, deadline: () => 4_000 }).deposit('none.xml', exampleDeposit()).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/stopped after 0 of 4 attempts.*: no attempt made$/);
    expect(sim.requests.deposit).toBe(0);
  });

  it('retries reading the log too', async () => {
    await client().deposit('r.xml', exampleDeposit());
    sim.injectFault({ on: 'result', kind: 'status', status: 502 });
    expect((await client().result('r.xml')).status).toBe('completed');
    expect(delays).toHaveLength(1);
  });
});

describe('credentials never leak', () => {
  it('redacts raw and URL-encoded forms', () => {
    expect(redact('pwd=s3cr%26t%20pass&x=s3cr%26t+pass s3cr&t pass', [CREDENTIALS.password])).toBe('pwd=***&x=*** ***');
  });

  it('a network error that quotes the URL (with pwd in its query) is redacted in the error and in the logs', async () => {
    // Prepare: a fetch that fails the way a proxy or resolver might, naming the whole URL.
    const leaky: typeof fetch = async (input) => {
      throw new TypeError(`fetch failed for ${String(input)}`);
    };
    // Act
    const error = await client({ fetch: leaky }).result('x.xml').catch((e: unknown) => e);
    // Assess
    const everything = `${(error as Error).message} ${String((error as Error).cause)} ${events.join(' ')}`;
    expect(error).toBeInstanceOf(CrossrefUnavailableError);
    expect(everything).not.toMatch(/s3cr/);
    expect(everything).toContain('pwd=***');
  });
});

describe('backoffDelay', () => {
  const policy = { attempts: 10, baseDelayMs: 1_000, maxDelayMs: 30_000 };
  it.each([
    [1, 0.999, undefined, 999],
    [3, 0.5, undefined, 2_000],
    [10, 0.999, undefined, 29_970],
    [1, 0, 5_000, 5_000],
    [1, 0, 600_000, 30_000],
  ])('attempt %i, random %f, Retry-After %s ms → %i ms', (attempt, random, retryAfter, expected) => {
    expect(backoffDelay(policy, attempt, random, retryAfter)).toBe(expected);
  });
});
