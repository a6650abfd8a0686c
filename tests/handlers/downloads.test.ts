/**
 * The Downloads function's flow (issue 16: the six citation downloads come from one object per
 * article): strict paths, answered before any read when they are not one of the six names below a
 * DOI; the part asked for, with the static file's headers; 404 for a missing bundle or part.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { encodeDownloads, parseDownloadKey, type Download, type DownloadName } from '#core/publish/downloads';
import { CONTENT_TYPES } from '#core/publish/outputs';
import { cacheControlFor } from '#core/site/files';
import { serveDownload } from '#handlers/flows/downloads';

const DOI = '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0';
const RIS = 'TY  - JOUR\r\nDO  - x\r\nER  - \r\n';

function world(objects: Record<string, string>) {
  const reads: string[] = [];
  const deps = { getText: async (key: string) => (reads.push(key), objects[key]) };
  const get = (rawPath: string, method = 'GET') => serveDownload(deps, { rawPath, requestContext: { http: { method } } } as unknown as APIGatewayProxyEventV2);
  return { reads, get };
}

const bundle = (files: [DownloadName, Download][]): string => encodeDownloads(new Map(files));

describe('downloads: one part of an article\'s downloads object', () => {
  it('answers the part with the Content-Type, Cache-Control and ETag of the static file', async () => {
    // Prepare
    const { reads, get } = world({ [`doi/${DOI}/downloads.json`]: bundle([['citation.ris', { contentType: CONTENT_TYPES.ris, body: RIS }]]) });
    // Act
    const response = await get(`/doi/${DOI}/citation.ris`);
    // Assess: the HTTP API gives the path decoded once, which is the key (no second decoding)
    expect(reads).toEqual([`doi/${DOI}/downloads.json`]);
    expect(response).toEqual({
      statusCode: 200,
      headers: { 'content-type': CONTENT_TYPES.ris, 'cache-control': cacheControlFor(`doi/${DOI}/citation.ris`), etag: `"${createHash('md5').update(RIS).digest('hex')}"` },
      body: RIS,
    });
  });

  it('answers 404 for a part the article has not (a reference list it dropped) and for a missing bundle', async () => {
    // Prepare
    const { get } = world({ [`doi/${DOI}/downloads.json`]: bundle([['citation.ris', { contentType: CONTENT_TYPES.ris, body: RIS }]]) });
    // Act
    const dropped = await get(`/doi/${DOI}/references.ris`);
    const unknown = await get('/doi/10.5555/never.rendered/citation.bib');
    // Assess
    expect(dropped.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
  });

  it.each([
    ['the bundle itself', `/doi/${DOI}/downloads.json`],
    ['another file name', `/doi/${DOI}/index.html`],
    ['a name in another case', `/doi/${DOI}/citation.RIS`],
    ['no DOI', '/doi/citation.ris'],
    ['not a DOI', '/doi/inbox/citation.ris'],
    ['outside doi/', '/api/oai/citation.ris'],
    ['a dot-dot segment', '/doi/10.5555/../../inbox/citation.ris'],
    ['an empty segment', '/doi/10.5555//x/citation.ris'],
    ['a control character', '/doi/10.5555/a\u0000b/citation.ris'],
    ['a backslash', '/doi/10.5555/a\\..\\b/citation.ris'],
  ])('answers 404 for %s without reading anything', async (_what, path) => {
    // Prepare
    const { reads, get } = world({});
    // Act
    const response = await get(path);
    // Assess
    expect(response.statusCode).toBe(404);
    expect(reads).toEqual([]);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    // Prepare
    const { get } = world({ [`doi/${DOI}/downloads.json`]: bundle([['citation.ris', { contentType: CONTENT_TYPES.ris, body: RIS }]]) });
    // Act
    const head = await get(`/doi/${DOI}/citation.ris`, 'HEAD');
    const post = await get(`/doi/${DOI}/citation.ris`, 'POST');
    // Assess
    expect(head).toMatchObject({ statusCode: 200, body: '' });
    expect(post.statusCode).toBe(405);
  });

  it('maps each of the six names to the bundle beside its landing page', () => {
    for (const name of ['citation.ris', 'citation.bib', 'citation.json', 'references.ris', 'references.bib', 'references.json']) {
      expect(parseDownloadKey(`doi/10.2298/BALC1950375E/${name}`)).toEqual({ bundleKey: 'doi/10.2298/BALC1950375E/downloads.json', name });
    }
  });
});
