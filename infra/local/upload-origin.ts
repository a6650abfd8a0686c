/**
 * Where a presigned S3 URL is served on this machine. On AWS a URL presigned by a function goes to
 * S3 itself, which authorises the request as its signer (the function's role). Here every function
 * reaches s3rver through its own IAM gateway (iam-gateway.ts), so a URL the Admin function signs
 * points at the Admin's gateway, which checks the Admin role's grants as S3 would.
 * A function's environment value that names a bucket's S3 origin (`https://<bucket>.s3.<region>.amazonaws.com`,
 * the console page's CSP `connect-src` for galley uploads) becomes the gateway of the function whose
 * role may PUT under that bucket's `uploads/`, the one that signs those URLs. Any other value is kept.
 */
import { UPLOADS_PREFIX } from '#adapters/galley-uploads';
import { authorize } from './iam-policy.ts';
import type { LocalFunction } from './model.ts';

const S3_ORIGIN = /^https:\/\/([a-z0-9][a-z0-9.-]*)\.s3\.[a-z0-9-]+\.amazonaws\.com$/;

export function localUploadOrigin(value: string, functions: readonly LocalFunction[], gatewayOf: (fn: LocalFunction) => string | undefined): string {
  const bucket = S3_ORIGIN.exec(value)?.[1];
  if (bucket === undefined) return value;
  const signer = functions.find((fn) => authorize(fn.role.statements, [{ action: 's3:PutObject', resource: `arn:aws:s3:::${bucket}/${UPLOADS_PREFIX}upload` }]).allowed);
  return (signer && gatewayOf(signer)) ?? value;
}
