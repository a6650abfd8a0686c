/**
 * One rule for keys and URLs (core/urls.ts): every URL we publish (landing page, files, issue page)
 * names its object key under S3's documented decoding: the request path decoded once is the key
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectGET.html). Checked for every DOI of the
 * real-world corpus and for SICI-style DOIs with `: ; < > [ ] # ? %`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Journal } from '#core/model/index';
import { ARTICLE_FILES, articleFileUrl, articleKey, encodePath, issueKey, issueUrl, keyOfPath, landingUrl, type ArticleFileKind } from '#core/urls';
import { corpusDir } from '#tests/helpers/shared';

/** Real SICI and bracketed DOIs (the first from JASIS, 1998) and the characters the issue report found unreachable. */
export const AWKWARD_DOIS = [
  '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
  '10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2',
  '10.2298/abc[1]:x',
  '10.5555/a#b?c%20d',
  '10.5555/sp ace+plus',
  '10.5555/ünïcode–dash',
] as const;

const corpusDois = (): string[] => [...readFileSync(join(corpusDir(), 'INDEX.tsv'), 'utf8').matchAll(/\bDOI (10\.\d{4,9}\/[^\s;]+)/g)].map((m) => m[1]!);

const journal = { id: 'sbt-journal', base_url: 'https://press.example.org/sbt' } as Journal;

/** What S3 does with a request for `url` on a site whose root is `journal.base_url`: the key is the path below it, decoded once. */
const s3Key = (url: string): string => keyOfPath(new URL(url).pathname.slice(new URL(journal.base_url).pathname.length).replace(/\/$/, '/index.html'));

describe('keys and URLs', () => {
  const dois = [...new Set([...corpusDois(), ...AWKWARD_DOIS])];

  it('reads the whole corpus index', () => {
    expect(dois.length).toBeGreaterThan(80);
  });

  it.each(dois)('%s: each published URL decodes to its key', (doi) => {
    for (const kind of Object.keys(ARTICLE_FILES) as ArticleFileKind[]) expect(s3Key(articleFileUrl(journal, doi, kind))).toBe(articleKey(doi, kind));
    expect(s3Key(landingUrl(journal, doi))).toBe(`doi/${doi}/index.html`);
    // A URL parser keeps every character of the DOI inside its path (nothing becomes query or fragment).
    const url = new URL(landingUrl(journal, doi));
    expect(url.search + url.hash).toBe('');
  });

  it('does the same for issue pages whose ids need escaping', () => {
    for (const id of ['L-2019', '2024-12-3', 'vol 1:2']) expect(s3Key(issueUrl(journal, id))).toBe(issueKey(journal.id, id));
  });
});

describe('encodePath', () => {
  it('encodes each segment as encodeURIComponent does, for every character of the BMP (keys that need none are returned as they are)', () => {
    const segmentwise = (key: string): string => key.split('/').map(encodeURIComponent).join('/');
    const differ: string[] = [];
    for (let c = 0; c < 0xd800; c += 1) {
      const key = `doi/10.5555/a${String.fromCharCode(c)}b/index.html`;
      if (encodePath(key) !== segmentwise(key)) differ.push(key);
    }
    for (const key of ['', '/', 'a//b', "doi/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0", "it's~*!"]) if (encodePath(key) !== segmentwise(key)) differ.push(key);
    expect(differ).toEqual([]);
  });
});
