/**
 * Site puts an issue's checked cover beside its issue page (issue 11, item 3): from the files
 * Ingest checked, with its image Content-Type, once (not again when the same bytes are there), and
 * never bytes other than the checked ones.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '#adapters/content-hash';
import type { ObjectStore } from '#adapters/object-store';
import type { Issue } from '#core/model/index';
import { publishCover } from '#handlers/flows/site-cover';
import { recordById } from '#tests/core/oai/fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const FILE = { sha256: sha256(PNG), size: PNG.length };
const ISSUE: Issue = { ...recordById('a01-petrovic').issue, cover: { path: 'cover.png', alt: 'A map.', file: FILE } };
const KEY = 'testjournal/issues/2024-12-3/cover.png';

function world(stored: Uint8Array = PNG) {
  const site = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const reads: string[] = [];
  const deps = {
    site: {
      head: async (key: string) => ((s) => (s === undefined ? undefined : { sha256: sha256(s.bytes), contentType: s.contentType, size: s.bytes.length }))(site.get(key)),
      put: async (key: string, body: string | Uint8Array, headers: { contentType: string }) => {
        site.set(key, { bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body, contentType: headers.contentType });
        return { key, sha256: 'x', written: true };
      },
    } as unknown as Pick<ObjectStore, 'head' | 'put'>,
    files: { getBytes: async (key: string) => (reads.push(key), stored) },
  };
  return { deps, site, reads };
}

describe('publishCover', () => {
  it('copies the checked file beside the issue page as image/png, then leaves it', async () => {
    // Prepare
    const { deps, site, reads } = world();
    // Act
    const first = await publishCover(deps, 'testjournal', ISSUE);
    const second = await publishCover(deps, 'testjournal', ISSUE);
    // Assess
    expect([first, second]).toEqual([true, false]);
    expect(site.get(KEY)?.contentType).toBe('image/png');
    expect(Buffer.compare(Buffer.from(site.get(KEY)!.bytes), Buffer.from(PNG))).toBe(0);
    expect(reads).toEqual([`galleys/testjournal/${FILE.sha256}`]);
  });

  it('replaces the published cover when the issue names a changed file', async () => {
    // Prepare
    const { deps, site } = world();
    await publishCover(deps, 'testjournal', ISSUE);
    const next = new Uint8Array([...PNG, 4, 5]);
    const changed = { ...deps, files: { getBytes: async () => next } };
    // Act
    const written = await publishCover(changed, 'testjournal', { ...ISSUE, cover: { path: 'cover.png', alt: 'A map.', file: { sha256: sha256(next), size: next.length } } });
    // Assess
    expect(written).toBe(true);
    expect(Buffer.compare(Buffer.from(site.get(KEY)!.bytes), Buffer.from(next))).toBe(0);
  });

  it('refuses bytes that are not the checked file, and copies nothing without a checked cover', async () => {
    // Prepare
    const tampered = world(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9]));
    const none = world();
    // Act / Assess
    await expect(publishCover(tampered.deps, 'testjournal', ISSUE)).rejects.toThrow(/does not match its hash/);
    expect(tampered.site.size).toBe(0);
    expect(await publishCover(none.deps, 'testjournal', { ...ISSUE, cover: { path: 'cover.png', alt: 'A map.' } })).toBe(false);
    expect(none.reads).toEqual([]);
  });
});
