/**
 * Ports: servers the stand-in owns bind port 0 themselves and report what they got; DynamoDB Local,
 * which must be told its port, starts again on another one when the probed port was taken meanwhile
 * (parallel test workers raced for it: `listen EADDRINUSE` on the baseline).
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { listenLoopback, probePort } from '#infra/local/net';
import { openSite } from '#infra/local/site-server';

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  busyPort = await listenLoopback(busy, 0);
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('binding ports', () => {
  it('binds port 0 and reports the port it got', async () => {
    // Act
    const site = await openSite(0);

    // Assess
    expect(site.port).toBeGreaterThan(0);
    expect(site.url).toBe(`http://127.0.0.1:${site.port}`);
    expect((await fetch(`${site.url}/`)).status).toBe(503);
    await site.close();
  });

  it('takes any free port when the preferred one is busy and fallback is allowed, and fails without it', async () => {
    // Act
    const site = await openSite(busyPort, { fallback: true });

    // Assess
    expect(site.port).not.toBe(busyPort);
    await site.close();
    await expect(openSite(busyPort)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('starts DynamoDB Local on another port when the probed one is taken before Java binds it', async () => {
    // Prepare: the first probe hands out a port someone else holds by the time Java binds it.
    const probes = [async () => busyPort, probePort];
    let calls = 0;

    // Act
    const local = await startDynamoDbLocal({ probe: () => probes[Math.min(calls++, 1)]!() });

    // Assess
    try {
      expect(calls).toBe(2);
      expect(local.port).not.toBe(busyPort);
      expect((await fetch(local.endpoint)).status).toBe(400);
    } finally {
      await local.stop();
    }
  });
});
