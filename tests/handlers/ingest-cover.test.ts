/**
 * Ingest's check of an issue's cover (issue 11, item 3), with the inbox in memory: the cover that
 * came with the upload is read and checked like a galley and its facts reach the issue; a cover
 * that is not the image its name says refuses the issue at issue.yaml's `cover.path`; a cover the
 * stored issue already holds (same name, same bytes) is not downloaded again.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '#adapters/content-hash';
import { attachedFileKey, type Manifest } from '#adapters/inbox';
import type { IssueBundle, JournalSources } from '#core/model/index';
import { checkAttachedFiles } from '#handlers/flows/ingest-files';
import { recordById } from '#tests/core/oai/fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ISSUE_YAML = 'testjournal/2024-12-3/issue.yaml';
const { journal, issue } = recordById('a01-petrovic');
const bundle: IssueBundle = { journal, issue: { ...issue, cover: { path: 'cover.png', alt: 'A map.' } }, articles: [] };
const sources: JournalSources = { id: 'testjournal', journal: { path: 'testjournal/journal.yaml', text: '' }, issues: [{ id: issue.id, issue: { path: ISSUE_YAML, text: 'volume: 12\ncover:\n  path: cover.png\n  alt: A map.\n' }, articles: [] }] };

function world(bytes: Uint8Array) {
  const file = { sha256: sha256(bytes), size: bytes.length };
  const key = attachedFileKey('testjournal', file.sha256);
  const manifest = { files: { attached: [{ owner: ISSUE_YAML, name: 'cover.png', ...file, key }] } } as unknown as Manifest;
  const reads: string[] = [];
  const inbox = { head: async () => ({ size: bytes.length }), getBytes: async (k: string) => (reads.push(k), k === key ? bytes : undefined) };
  return { file, manifest, reads, deps: { inbox: inbox as never, maxBytes: 1_000_000 } };
}

describe("Ingest's check of the cover", () => {
  it('reads and checks the uploaded cover; its facts reach the issue', async () => {
    const { deps, manifest, file, reads } = world(PNG);
    const checked = await checkAttachedFiles(deps, manifest, sources, bundle, new Map());
    expect(checked.ok && checked.bundle.issue.cover).toEqual({ path: 'cover.png', alt: 'A map.', file });
    expect(reads).toHaveLength(1);
  });

  it('refuses a cover that is not the image its name says, at issue.yaml cover.path', async () => {
    const { deps, manifest } = world(new TextEncoder().encode('%PDF-1.7 not a picture'));
    const checked = await checkAttachedFiles(deps, manifest, sources, bundle, new Map());
    expect(checked.ok ? [] : checked.problems).toEqual([expect.objectContaining({ file: ISSUE_YAML, path: ['cover', 'path'], line: 3, message: expect.stringContaining('is not a PNG image but a PDF') })]);
  });

  it('does not download again a cover the stored issue holds', async () => {
    const { deps, manifest, file, reads } = world(PNG);
    const checked = await checkAttachedFiles(deps, manifest, sources, bundle, new Map(), { ...bundle.issue, cover: { path: 'cover.png', alt: 'A map.', file } });
    expect(checked.ok && checked.bundle.issue.cover?.file).toEqual(file);
    expect(reads).toEqual([]);
  });
});
