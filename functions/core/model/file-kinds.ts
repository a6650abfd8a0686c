/**
 * What a file staff attach (a galley, an issue cover) must look like: the first bytes of each
 * declared kind, checked before anything is published, so that a Word file named `article.pdf`
 * or a PDF declared `epub` never reaches readers. Pure: callers read the bytes.
 *
 * Signatures:
 * - PDF: `%PDF-` at offset 0 (ISO 32000-2 §7.5.2, the header line).
 * - EPUB: a ZIP whose first entry is `mimetype`, stored uncompressed without extra field, holding
 *   exactly `application/epub+zip` (EPUB OCF 3.3 §4.3: so that the type can be read at offset 38).
 * - HTML: `<!DOCTYPE html` or `<html` after an optional BOM and white space (WHATWG HTML §13.1).
 * - XML: `<?xml` or a start tag after an optional BOM and white space (XML 1.0 §2.8).
 * - JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF….WEBP` (their specifications' magic numbers).
 */

/** How many bytes the checks read from the start of a file. */
export const SNIFF_BYTES = 64;

/** The largest galley or cover a stage takes unless its config says otherwise (Ingest: `GALLEY_MAX_BYTES`). */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export const COVER_FORMATS = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const;
export type CoverFormat = keyof typeof COVER_FORMATS;

const COVER_ENDINGS = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp' } as const satisfies Record<string, CoverFormat>;

/** The format a cover's file name declares (the cover schema, cover.ts, allows only these endings). */
export function coverFormat(path: string): CoverFormat | undefined {
  const ending = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ending !== undefined && ending in COVER_ENDINGS ? COVER_ENDINGS[ending as keyof typeof COVER_ENDINGS] : undefined;
}

/** The content-addressed facts of a file that travels with the metadata: what Ingest verified and Render copies. */
export type AttachedFile = { readonly sha256: string; readonly size: number };

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, k) => bytes[k] === b);

/** The text after an optional UTF-8 BOM and leading white space, lower-cased: enough to see how markup starts. */
function markupStart(bytes: Uint8Array): string {
  const from = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return ascii(bytes, from, bytes.length).replace(/^[\t\n\f\r ]+/, '').toLowerCase();
}

const EPUB_MIMETYPE = 'application/epub+zip';

function isEpub(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  const method = bytes[8]! | (bytes[9]! << 8);
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  const extraLength = bytes[28]! | (bytes[29]! << 8);
  return method === 0 && nameLength === 8 && extraLength === 0 && ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 38 + EPUB_MIMETYPE.length) === EPUB_MIMETYPE;
}

/** Each kind's check of a file's first bytes, and what the kind is called in messages. */
export const FILE_SIGNATURES = {
  pdf: { name: 'a PDF', test: (b: Uint8Array): boolean => ascii(b, 0, 5) === '%PDF-' },
  epub: { name: 'an EPUB', test: isEpub },
  html: { name: 'an HTML document', test: (b: Uint8Array): boolean => /^(?:<!doctype html|<html)/.test(markupStart(b)) },
  xml: { name: 'an XML document', test: (b: Uint8Array): boolean => /^<[?!a-z_]/.test(markupStart(b)) },
  jpeg: { name: 'a JPEG image', test: (b: Uint8Array): boolean => startsWith(b, [0xff, 0xd8, 0xff]) },
  png: { name: 'a PNG image', test: (b: Uint8Array): boolean => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  webp: { name: 'a WebP image', test: (b: Uint8Array): boolean => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
} as const;
export type FileKind = keyof typeof FILE_SIGNATURES;

/** The kind a file's first bytes show, if any of the known ones. */
export function detectKind(head: Uint8Array): FileKind | undefined {
  return (Object.keys(FILE_SIGNATURES) as FileKind[]).find((kind) => kind !== 'xml' && FILE_SIGNATURES[kind].test(head)) ?? (FILE_SIGNATURES.xml.test(head) ? 'xml' : undefined);
}

/** Why a file is not what it is declared to be (`undefined` when it is): its size and its first bytes. */
export function fileProblem(kind: FileKind, head: Uint8Array, size: number, maxBytes: number): string | undefined {
  if (size === 0) return 'is empty';
  if (size > maxBytes) return `is ${megabytes(size)}, more than the ${megabytes(maxBytes)} this stage takes`;
  if (FILE_SIGNATURES[kind].test(head)) return undefined;
  const found = detectKind(head);
  return `is not ${FILE_SIGNATURES[kind].name}${found === undefined ? '' : ` but ${FILE_SIGNATURES[found].name}`}: its first bytes do not match the declared format "${kind}"`;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
