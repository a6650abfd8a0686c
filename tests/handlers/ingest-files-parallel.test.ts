/**
 * Ingest checks an issue's files a few at once (issue 16: one by one, 25 galleys took 0.7–4 s of an
 * issue's Ingest on the stand-in), with the inbox in memory: reads overlap, at most 8 at once, and
 * fewer when the files are large (Ingest holds each whole to hash it); problems are still reported
 * in the issue's order; a stored file whose size is not the one uploaded is refused unread.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '#adapters/content-hash';
import { attachedFileKey, type Manifest } from '#adapters/inbox';
import type { Article, IssueBundle, JournalSources } from '#core/model/index';
import { checkAttachedFiles } from '#handlers/flows/ingest-files';
import { recordById } from '#tests/core/oai/fixtures';

const { journal, issue, article } = recordById('a01-petrovic');
const DIR = 'testjournal/2024-12-3';
const PDF = (k: number): Uint8Array => new TextEncoder().encode(`%PDF-1.7 article ${k}`);

/** `n` articles, each with one PDF galley `a<k>.pdf`; the manifest declares `declared(k)` bytes for it. */
function world(n: number, options: { declared?: (k: number) => number; stored?: (k: number) => Uint8Array; headSize?: (k: number) => number } = {}) {
  const ids = Array.from({ length: n }, (_, k) => `a${String(k).padStart(2, '0')}`);
  const articles: Article[] = ids.map((id) => ({ ...article, id, doi: `10.5555/${id}`, galleys: [{ format: 'pdf', path: `${id}.pdf` }] }) as Article);
  const bundle: IssueBundle = { journal, issue, articles };
  const sources: JournalSources = { id: 'testjournal', journal: { path: 'testjournal/journal.yaml', text: '' }, issues: [{ id: issue.id, issue: { path: `${DIR}/issue.yaml`, text: '' }, articles: ids.map((id) => ({ path: `${DIR}/${id}.yaml`, text: `galleys:\n  - format: pdf\n    path: ${id}.pdf\n` })) }] };
  const bytes = new Map<string, Uint8Array>();
  const headSizes = new Map<string, number>();
  const attached = ids.map((id, k) => {
    const file = PDF(k);
    const key = attachedFileKey('testjournal', sha256(file));
    bytes.set(key, options.stored?.(k) ?? file);
    if (options.headSize) headSizes.set(key, options.headSize(k));
    return { owner: `${DIR}/${id}.yaml`, name: `${id}.pdf`, sha256: sha256(file), size: options.declared?.(k) ?? file.length, key };
  });
  const manifest = { files: { attached } } as unknown as Manifest;
  const reads: string[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  // Each read waits a turn of the event loop, as a request would, so reads started together overlap.
  const inbox = {
    head: async (key: string) => ({ size: headSizes.get(key) ?? bytes.get(key)?.length }),
    getBytes: async (key: string) => {
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      reads.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return bytes.get(key);
    },
  };
  return { bundle, sources, manifest, reads, mostAtOnce: () => mostAtOnce, deps: { inbox: inbox as never, maxBytes: 100 * 1024 * 1024 } };
}

describe("Ingest's check of an issue's files, a few at once", () => {
  it('reads up to 8 files at once and attaches each to its own article', async () => {
    const w = world(25);
    const checked = await checkAttachedFiles(w.deps, w.manifest, w.sources, w.bundle, new Map());
    expect(checked.ok).toBe(true);
    expect(w.reads).toHaveLength(25);
    expect(w.mostAtOnce()).toBe(8);
    expect(checked.ok && checked.bundle.articles.map((a) => a.galleys[0]?.file?.sha256)).toEqual(w.bundle.articles.map((_, k) => sha256(PDF(k))));
  });

  it('reads fewer at once when the files are large: never more than 256 MB held', async () => {
    // Declared (and listed in the inbox) at 100 MB each, the stage's largest: two at once. The bytes
    // the in-memory inbox returns are small, so each is then refused for its hash; what counts here
    // is how many were read at once.
    const large = world(6, { declared: () => 100 * 1024 * 1024, headSize: () => 100 * 1024 * 1024 });
    const checked = await checkAttachedFiles(large.deps, large.manifest, large.sources, large.bundle, new Map());
    expect(checked.ok).toBe(false);
    expect(large.reads).toHaveLength(6);
    expect(large.mostAtOnce()).toBe(2);
  });

  it("refuses, unread, a stored file whose size is not the upload's, and reports problems in the issue's order", async () => {
    const w = world(12, { stored: (k) => (k % 5 === 1 ? new TextEncoder().encode('%PDF-1.7 another file altogether') : PDF(k)) });
    const checked = await checkAttachedFiles(w.deps, w.manifest, w.sources, w.bundle, new Map());
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems.map((p) => [p.file, p.message])).toEqual(
      [1, 6, 11].map((k) => [`${DIR}/a${String(k).padStart(2, '0')}.yaml`, `file "a${String(k).padStart(2, '0')}.pdf" on the stage does not match the one uploaded (its size differs)`]),
    );
    expect(w.reads).toHaveLength(9);
  });
});
