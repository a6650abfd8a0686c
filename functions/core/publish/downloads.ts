/**
 * An article's six citation downloads (citation.ris/.bib/.json, references.ris/.bib/.json) stored
 * as one object per article (issue 16: their six PUTs were about half of what publishing an article cost). Render
 * writes the bundle beside the landing page; the Downloads function answers the six public URLs
 * from it, with the Content-Type and Cache-Control the static files had. The bundle is never
 * served itself.
 *
 * Visibility follows the bundle: it is written with the article's other files (never before its
 * release), and each version replaces it whole, so reference lists a version dropped, or that a
 * withdrawn article no longer states, are gone with it (404), not left at their URLs.
 *
 * Kept free of the renderers: the Downloads function imports this module alone (a small bundle).
 */
import { DOI_PATTERN } from '../model/identifiers.ts';

/** The bundle's file name beside the landing page; reserved like the article's own files (no galley may take it). */
export const DOWNLOADS_FILE = 'downloads.json';

/** The six public file names served from the bundle, as core/urls.ts ARTICLE_FILES names them. */
export const DOWNLOAD_NAMES = ['citation.ris', 'citation.bib', 'citation.json', 'references.ris', 'references.bib', 'references.json'] as const;
export type DownloadName = (typeof DOWNLOAD_NAMES)[number];

/** What one download is served as. */
export type Download = { readonly contentType: string; readonly body: string };

/** Bumped when the layout changes; the reader refuses any other. */
const BUNDLE_VERSION = 1;

export class DownloadBundleError extends Error {
  override readonly name = 'DownloadBundleError';
}

/** The bundle's text: the downloads by file name (only those the article has). */
export function encodeDownloads(files: ReadonlyMap<DownloadName, Download>): string {
  return JSON.stringify({ v: BUNDLE_VERSION, files: Object.fromEntries(files) });
}

/** One download out of a bundle's text; undefined when the article has no such file. */
export function decodeDownload(text: string, name: DownloadName): Download | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DownloadBundleError('the downloads bundle is not JSON', { cause: error });
  }
  // Checked by hand, not with zod: Render writes the bundle, and the Downloads function's bundle stays small (cold start).
  const bundle = parsed as { v?: unknown; files?: Record<string, { contentType?: unknown; body?: unknown }> };
  if (bundle?.v !== BUNDLE_VERSION || typeof bundle.files !== 'object' || bundle.files === null) throw new DownloadBundleError(`the downloads bundle is not version ${BUNDLE_VERSION}`);
  if (!Object.hasOwn(bundle.files, name)) return undefined;
  const file = bundle.files[name]!;
  if (typeof file.contentType !== 'string' || typeof file.body !== 'string') throw new DownloadBundleError(`the downloads bundle's ${name} has no content type or body`);
  return { contentType: file.contentType, body: file.body };
}

/**
 * The request of one download, from the object key its URL path names (decoded once, as S3 and the
 * HTTP API decode it): `doi/<doi>/<name>` with `<name>` one of the six and `<doi>` one the model
 * accepts (core/model/primitives.ts: Crossref's pattern, no empty, `.` or `..` part). Anything else
 * is undefined (a 404 without any read): other names, the bundle's own, other characters.
 */
export function parseDownloadKey(key: string): { readonly bundleKey: string; readonly name: DownloadName } | undefined {
  if (!key.startsWith('doi/')) return undefined;
  const slash = key.lastIndexOf('/');
  const name = key.slice(slash + 1);
  const doi = key.slice('doi/'.length, slash);
  if (!(DOWNLOAD_NAMES as readonly string[]).includes(name) || !DOI_PATTERN.test(doi)) return undefined;
  if (doi.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
  return { bundleKey: `doi/${doi}/${DOWNLOADS_FILE}`, name: name as DownloadName };
}
