/**
 * Galleys uploaded from the console straight to the inbox bucket (issue 15): the browser PUTs the
 * file to a presigned URL under `uploads/`, bound to the declared Content-Type and exact
 * Content-Length (both signed, so S3 refuses any other type or size); the Admin function then
 * checks what arrived and keeps it where every galley is kept, by content (`galleys/<journal>/<sha256>`,
 * inbox.ts), for the next publish to name in its manifest.
 *
 *     uploads/<journal>/<issue>/<article>/<upload id>/<file name>   what the browser sent (expires)
 *
 * Grants (infra/constructs/staff-api.ts): PutObject on `uploads/*` (the URLs are signed with the
 * Admin role, and S3 authorises a presigned request as its signer) and on `galleys/*` (the copy).
 */
import { createHash } from 'node:crypto';
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { attachedFileKey, FILES_PREFIX } from './inbox.ts';
import type { ObjectStore } from './object-store.ts';

export const UPLOADS_PREFIX = 'uploads/';
/** How long a presigned URL works: enough for a large PDF on a slow line, short enough not to be kept. */
export const UPLOAD_URL_SECONDS = 15 * 60;

/** The folder of one article's uploads; an upload's key is `<folder><upload id>/<file name>`. */
export const uploadFolder = (journal: string, issue: string, article: string): string => `${UPLOADS_PREFIX}${journal}/${issue}/${article}/`;

export type UploadedFile = { readonly sha256: string; readonly size: number };

/**
 * `signer` signs the upload URLs: a client made with `requestChecksumCalculation: 'WHEN_REQUIRED'`,
 * since a presigned URL carries no body checksum (the SDK's default would sign one for an empty body).
 */
export function createGalleyUploads(s3: S3Client, signer: S3Client, inbox: ObjectStore) {
  const bucket = inbox.bucket;

  /** A URL the browser PUTs exactly `size` bytes of `contentType` to, valid UPLOAD_URL_SECONDS. */
  async function presignPut(key: string, contentType: string, size: number): Promise<string> {
    return getSignedUrl(signer, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }), {
      expiresIn: UPLOAD_URL_SECONDS,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
  }

  /** The first `count` bytes of an upload (a ranged GET: a 100 MB file is not read to look at its header). */
  async function firstBytes(key: string, count: number): Promise<Uint8Array> {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${count - 1}` }));
    return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  /** The SHA-256 and size of an upload, read as a stream (never the whole file in memory). */
  async function digest(key: string): Promise<UploadedFile> {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of out.Body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  /** Keeps the upload at the journal's content-addressed key (copied inside S3), unless those bytes are there already. */
  async function keep(key: string, journal: string, file: UploadedFile): Promise<string> {
    const target = attachedFileKey(journal, file.sha256);
    if (!target.startsWith(FILES_PREFIX)) throw new RangeError(`${target} is not under ${FILES_PREFIX}`);
    if ((await inbox.head(target))?.sha256 === file.sha256) return target;
    await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: target,
        CopySource: `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'REPLACE',
        ContentType: 'application/octet-stream',
        Metadata: { sha256: file.sha256 },
      }),
    );
    return target;
  }

  return { presignPut, firstBytes, digest, keep, head: inbox.head };
}
export type GalleyUploads = ReturnType<typeof createGalleyUploads>;
