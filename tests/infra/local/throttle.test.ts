/**
 * The stand-in throttles the HTTP API as API Gateway does (issue 12): a token bucket per route key
 * from the stage's RouteSettings (else DefaultRouteSettings), 429 `Too Many Requests` when it is
 * empty, the function never called. One route's flood leaves the other routes theirs. It also caps
 * a function's local environments at its reserved concurrency. Before, the stand-in had no
 * throttle at all (every request reached the function) and read no stage.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '#infra/config';
import { apiRouter } from '#infra/local/http-api';
import type { LocalLambda } from '#infra/local/lambda';
import { localModel, type LocalRoute } from '#infra/local/model';
import { CDK_OUT } from '#infra/local/paths';
import { localConcurrency } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';
import { readStacks } from '#infra/local/template';
import { createThrottles } from '#infra/local/throttle';

describe('the token bucket per route key', () => {
  it('lets a burst through, refuses the next, and refills at the rate', () => {
    // Prepare
    let now = 0;
    const throttles = createThrottles(() => now);
    const limit = { rateLimit: 2, burstLimit: 3 };
    // Act
    const burst = [1, 2, 3, 4].map(() => throttles.take('GET /api/oai', limit));
    now = 500; // half a second: one token back
    const refilled = [throttles.take('GET /api/oai', limit), throttles.take('GET /api/oai', limit)];
    const other = throttles.take('POST /api/crossref/callback', limit);
    // Assess
    expect(burst).toEqual([true, true, true, false]);
    expect(refilled).toEqual([true, false]);
    expect(other).toBe(true);
    expect(throttles.take('GET /x', undefined)).toBe(true);
  });
});

describe('the local HTTP API under a flood of one route', () => {
  let server: Server;
  let base = '';
  const calls: string[] = [];
  const routes: LocalRoute[] = [
    { method: 'GET', path: '/api/oai', routeKey: 'GET /api/oai', functionName: 'oai', payloadFormatVersion: '2.0', throttle: { rateLimit: 0, burstLimit: 2 } },
    { method: 'POST', path: '/api/crossref/callback', routeKey: 'POST /api/crossref/callback', functionName: 'callback', payloadFormatVersion: '2.0', throttle: { rateLimit: 0, burstLimit: 1 } },
  ];
  const fake = (name: string) => ({ invoke: async () => (calls.push(name), { ok: true, result: { statusCode: 200, body: name } }) }) as unknown as LocalLambda;
  beforeAll(async () => {
    const route = apiRouter(routes, new Map([['oai', fake('oai')], ['callback', fake('callback')]]));
    server = createServer((req, res) => void route(req, res).then((handled) => handled || res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 429 once the OAI route's bucket is empty, without calling the function, and still serves the callback route", async () => {
    // Act
    const oai = [];
    for (let i = 0; i < 4; i += 1) oai.push(await fetch(`${base}/api/oai?verb=Identify`));
    const callback = await fetch(`${base}/api/crossref/callback`, { method: 'POST' });
    // Assess
    expect(oai.map((r) => r.status)).toEqual([200, 200, 429, 429]);
    expect(await oai[2]!.json()).toEqual({ message: 'Too Many Requests' });
    expect(callback.status).toBe(200);
    expect(calls).toEqual(['oai', 'oai', 'callback']);
  });
});

describe('the local model of the synthesized stage', () => {
  it("reads each route's throttle from the stage and each public function's reserved concurrency", async () => {
    // Prepare
    await ensureSynth({ cdkOut: CDK_OUT });
    // Act
    const model = localModel(readStacks(CDK_OUT, 'local'), { prefix: '', queueUrl: (n) => n, siteHost: 'localhost' }, CDK_OUT);
    const throttleOf = (key: string) => model.routes.find((r) => r.routeKey === key)?.throttle;
    const { api } = STAGES.local;
    // Assess
    expect(throttleOf('GET /api/oai')).toEqual({ rateLimit: api.oai.rateLimit, burstLimit: api.oai.burstLimit });
    expect(throttleOf('POST /api/crossref/callback')).toEqual({ rateLimit: api.callback.rateLimit, burstLimit: api.callback.burstLimit });
    expect(throttleOf('GET /api/admin/catalog')).toEqual(api.throttle);
    const oai = model.functions.find((f) => f.logicalId === 'Oai')!;
    expect(oai.reservedConcurrency).toBe(api.oai.reservedConcurrency);
    expect([localConcurrency(oai, 50), localConcurrency(oai, undefined), localConcurrency({}, 50)]).toEqual([api.oai.reservedConcurrency, 1, 50]);
  }, 600_000);
});
