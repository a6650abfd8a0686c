/**
 * What `colophon status` says of an article's galleys: each file published beside its landing
 * page (from the render's artifacts: the key and the hash of every file it wrote), and, with an
 * issue folder, each galley the metadata names and whether the stage has that very file.
 */
import type { Head } from '#adapters/records';
import type { Article } from '#core/model/index';
import { DOWNLOADS_FILE } from '#core/publish/downloads';
import { ARTICLE_FILES, articleKey } from '#core/urls';

export type GalleyStatus = {
  /** The file name, beside the landing page. */
  readonly name: string;
  readonly format?: string;
  readonly size?: number;
  /** `published`: the stage serves this file; `changed`: it serves another version of it; `not published`: not yet. */
  readonly state: 'published' | 'changed' | 'not published';
};

const OWN_FILES = new Set<string>([...Object.values(ARTICLE_FILES), DOWNLOADS_FILE]);

/** The galley files a rendered head's artifacts list: every key beside the landing page that is not one of the article's own files. */
function publishedGalleys(head: Pick<Head, 'doi' | 'render'> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (head?.render.status !== 'done') return out;
  const landing = articleKey(head.doi, 'landing').slice(0, -ARTICLE_FILES.landing.length);
  for (const [key, hash] of Object.entries(head.render.artifacts)) {
    const name = key.startsWith(landing) ? key.slice(landing.length) : undefined;
    if (name !== undefined && !name.includes('/') && !OWN_FILES.has(name)) out.set(name, hash);
  }
  return out;
}

/** The galleys of one article: those the folder names (when given), then any the stage serves beyond them. */
export function galleyStatus(head: Pick<Head, 'doi' | 'render'> | undefined, local: Pick<Article, 'galleys'> | undefined): GalleyStatus[] {
  const published = publishedGalleys(head);
  const named = (local?.galleys ?? []).flatMap((g): GalleyStatus[] => {
    if (g.path === undefined) return [];
    const served = published.get(g.path);
    published.delete(g.path);
    const state = served === undefined ? 'not published' : g.file === undefined || served === g.file.sha256 ? 'published' : 'changed';
    return [{ name: g.path, format: g.format, ...(g.file ? { size: g.file.size } : {}), state }];
  });
  return [...named, ...[...published.keys()].sort().map((name) => ({ name, state: 'published' as const }))];
}

const KB = 1024;
const size = (bytes: number | undefined): string => (bytes === undefined ? '' : bytes < KB * KB ? `, ${Math.max(1, Math.round(bytes / KB))} KB` : `, ${(bytes / (KB * KB)).toFixed(1)} MB`);

/** `galleys: a01.pdf (pdf, 120 KB, published), a01.epub (epub, 2.1 MB, not published)` */
export function galleyLine(galleys: readonly GalleyStatus[]): string | undefined {
  if (galleys.length === 0) return undefined;
  return `galleys: ${galleys.map((g) => `${g.name} (${[g.format, ...(g.size === undefined ? [] : [size(g.size).slice(2)]), g.state].filter(Boolean).join(', ')})`).join(', ')}`;
}
