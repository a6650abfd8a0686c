/**
 * One S3 bucket (inbox, site or artifacts). Site files are written only when their content
 * or headers changed, so republishing unchanged metadata leaves every object (and its ETag,
 * and CloudFront's caches) as it was.
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { sha256 } from './content-hash.ts';
import { StorageError } from './errors.ts';

export type ObjectHeaders = { readonly contentType: string; readonly cacheControl?: string | undefined };
export type ObjectInfo = { readonly etag: string | undefined; readonly sha256: string | undefined; readonly contentType: string | undefined; readonly cacheControl: string | undefined; readonly size?: number | undefined };
export type PutOutcome = { readonly key: string; readonly sha256: string; readonly written: boolean };

/** User metadata key carrying the body's SHA-256 (S3 returns it as `x-amz-meta-sha256`). */
const HASH_META = 'sha256';

export type ObjectStore = ReturnType<typeof createObjectStore>;

export function createObjectStore(s3: S3Client, bucket: string) {
  const fail = (what: string, key: string | undefined, cause: unknown): StorageError => new StorageError(`s3://${bucket}/${key ?? ''}: could not ${what}`, bucket, key, { cause });

  async function head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { etag: out.ETag, sha256: out.Metadata?.[HASH_META], contentType: out.ContentType, cacheControl: out.CacheControl, size: out.ContentLength };
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
      throw fail('read the headers', key, error);
    }
  }

  /**
   * `knownSha256`: the body's SHA-256 when the caller has just computed it from these very bytes
   * (Render checks each galley it copies against Ingest's hash): a large PDF is not hashed twice.
   */
  async function put(key: string, body: string | Uint8Array, headers: ObjectHeaders, knownSha256?: string): Promise<PutOutcome> {
    const hash = knownSha256 ?? sha256(body);
    try {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: headers.contentType, ...(headers.cacheControl ? { CacheControl: headers.cacheControl } : {}), Metadata: { [HASH_META]: hash } }),
      );
    } catch (error) {
      throw fail('write', key, error);
    }
    return { key, sha256: hash, written: true };
  }

  /** Writes the object unless one with the same body, Content-Type and Cache-Control is already there. */
  async function putIfChanged(key: string, body: string | Uint8Array, headers: ObjectHeaders): Promise<PutOutcome> {
    const hash = sha256(body);
    const current = await head(key);
    if (current && current.sha256 === hash && current.contentType === headers.contentType && current.cacheControl === headers.cacheControl) return { key, sha256: hash, written: false };
    return put(key, body, headers);
  }

  async function getText(key: string): Promise<string | undefined> {
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return await out.Body?.transformToString('utf8');
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) return undefined;
      throw fail('read', key, error);
    }
  }

  /** The object's bytes, or undefined when there is none. */
  async function getBytes(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return await out.Body?.transformToByteArray();
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) return undefined;
      throw fail('read', key, error);
    }
  }

  /** Every key below `prefix`, following continuation tokens. */
  async function list(prefix = ''): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
        for (const object of page.Contents ?? []) if (object.Key !== undefined) found.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    } catch (error) {
      throw fail('list', prefix, error);
    }
    return found;
  }

  return { bucket, head, put, putIfChanged, getText, getBytes, list };
}
