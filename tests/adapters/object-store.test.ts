/** Site storage against s3rver: writes only what changed, lists across pages. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createObjectStore, type ObjectStore } from '#adapters/object-store';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';

let stage: TestStage;
let site: ObjectStore;
beforeAll(async () => {
  stage = await startTestStage();
  site = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('ArtifactsBucket'));
});
afterAll(() => stage.stop());

const headers = { contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300' };

it('writes an object once and leaves it (and its ETag) alone while nothing changed', async () => {
  // Act
  const first = await site.putIfChanged('a/index.html', '<p>één</p>', headers);
  const etag = (await site.head('a/index.html'))!.etag;
  const again = await site.putIfChanged('a/index.html', '<p>één</p>', headers);

  // Assess
  expect(first.written).toBe(true);
  expect(again).toEqual({ key: 'a/index.html', sha256: first.sha256, written: false });
  expect((await site.head('a/index.html'))!.etag).toBe(etag);
  expect(await site.getText('a/index.html')).toBe('<p>één</p>');
});

it('writes again when the body or a header changed', async () => {
  // Act
  const body = await site.putIfChanged('a/index.html', '<p>two</p>', headers);
  const header = await site.putIfChanged('a/index.html', '<p>two</p>', { ...headers, cacheControl: 'no-store' });

  // Assess
  expect([body.written, header.written]).toEqual([true, true]);
  expect(await site.head('a/index.html')).toMatchObject({ contentType: headers.contentType, cacheControl: 'no-store', sha256: body.sha256 });
});

it('keeps the hash a caller gives for bytes it has just hashed, as it would its own', async () => {
  // Prepare
  const bytes = new TextEncoder().encode('%PDF-1.7 galley');
  const own = await site.put('b/own.pdf', bytes, { contentType: 'application/pdf' });

  // Act
  const given = await site.put('b/given.pdf', bytes, { contentType: 'application/pdf' }, own.sha256);

  // Assess: the same outcome and stored metadata as a put that hashed the bytes itself
  expect(given).toEqual({ key: 'b/given.pdf', sha256: own.sha256, written: true });
  expect((await site.head('b/given.pdf'))?.sha256).toBe(own.sha256);
  expect(await site.getBytes('b/given.pdf')).toEqual(await site.getBytes('b/own.pdf'));
});

it('reads a missing object as undefined and lists past the first page', async () => {
  // Prepare: more keys than one ListObjectsV2 page (1,000) holds.
  await Promise.all(Array.from({ length: 1005 }, (_, k) => site.put(`many/${String(k).padStart(4, '0')}.txt`, 'x', { contentType: 'text/plain' })));

  // Act
  const keys = await site.list('many/');

  // Assess
  expect(await site.getText('nope.txt')).toBeUndefined();
  expect(await site.head('nope.txt')).toBeUndefined();
  expect(keys).toHaveLength(1005);
  expect(keys.at(-1)).toBe('many/1004.txt');
});
