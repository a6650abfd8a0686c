/**
 * The local site server as an attacker meets it (issue 12, Medium 7 and the local HTTP API of the
 * Low items): no path reaches another bucket, only its own Host is answered (DNS rebinding), odd
 * keys give 400/404 without S3's words, and the API refuses oversized bodies and hides its errors.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources } from './fixtures.ts';

let stage: TestStage;
let inboxKey: string;
beforeAll(async () => {
  stage = await startTestStage();
  inboxKey = (await publishSources(stage.stack, fixtureSources()))[0]!;
  await stage.stack.drain();
});
afterAll(() => stage.stop());

/** A raw request: the path exactly as given (no client normalises `..`), any Host. */
function raw(path: string, options: { host?: string; method?: string; body?: Buffer } = {}): Promise<{ status: number; text: string }> {
  const url = new URL(stage.stack.siteUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: { host: options.host ?? url.host, ...(options.body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': options.body.length } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the local site server', () => {
  it('never serves another bucket by path traversal', async () => {
    // Prepare: the article file of the published issue, with contributor e-mails, in the inbox bucket.
    const inbox = stage.stack.bucket('InboxBucket');
    const article = inboxKey.replace(/_publish\.json$/, 'articles/a01-petrovic.yaml');
    const target = `${inbox}/${article}`;
    const tries = [`/..%2F${encodeURIComponent(target)}`, `/../${target}`, `/%2e%2e/${target}`, `/doi/..%2F..%2F..%2F${encodeURIComponent(target)}`, `/./../${target}`];

    // Act
    const answers = await Promise.all(tries.map((path) => raw(path)));

    // Assess
    for (const [k, answer] of answers.entries()) {
      expect(answer.status, tries[k]).toBe(404);
      expect(answer.text, tries[k]).not.toMatch(/doi:|@|contributors/);
    }
  });

  it('answers a journal home or an issue typed without its closing slash with a 301 to the folder, which serves the page', async () => {
    for (const path of ['/testjournal', '/testjournal/issues/2024-12-3', '/admin']) {
      // Act
      const typed = await fetch(`${stage.stack.siteUrl}${path}`, { redirect: 'manual' });
      const folder = await fetch(new URL(typed.headers.get('location') ?? '/', stage.stack.siteUrl));
      // Assess: on main each was S3's 404.
      expect(`${typed.status} ${typed.headers.get('location')}`).toBe(`301 ${path}/`);
      expect(folder.status).toBe(200);
    }
  });

  it('answers only to its own host name', async () => {
    // Act
    const rebound = await raw('/', { host: 'attacker.example:80' });
    const own = await raw('/doi/10.5555/sbt.2024.001/');

    // Assess
    expect(rebound.status).toBe(421);
    expect(own.status).toBe(200);
  });

  it('answers /%00 with 400 and a key over 1,024 bytes with 404, without S3 error text', async () => {
    // Act
    const nul = await raw('/%00');
    const long = await raw(`/${'a'.repeat(1100)}`);

    // Assess
    expect(nul.status).toBe(400);
    expect(long.status).toBe(404);
    for (const answer of [nul, long]) expect(answer.text).not.toMatch(/S3|KeyTooLong|InvalidURI|Error:/);
  });

  it('refuses an API request body over the limit with 413, and no function runs', async () => {
    // Prepare
    const body = Buffer.alloc(7 * 1024 * 1024, 'a');
    const before = stage.stack.lambdas.get(stage.stack.fn('Oai').name)!.stats.invocations;

    // Act
    const answer = await raw('/api/oai', { method: 'POST', body });

    // Assess
    expect(answer.status).toBe(413);
    expect(stage.stack.lambdas.get(stage.stack.fn('Oai').name)!.stats.invocations).toBe(before);
  });
});
