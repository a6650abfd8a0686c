/**
 * The S3 client, in a module of its own so that a handler needing S3 alone (Downloads) bundles no
 * other AWS client: esbuild keeps every client `aws-clients.ts` imports once that module is imported.
 * Path-style addressing only where an endpoint is given (`<bucket>.localhost` does not resolve).
 */
import { S3Client } from '@aws-sdk/client-s3';

export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const s3Endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  return new S3Client(s3Endpoint === undefined ? {} : { forcePathStyle: true });
}
