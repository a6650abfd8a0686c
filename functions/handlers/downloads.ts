/**
 * Downloads Lambda: `GET|HEAD /doi/<doi>/<citation or reference-list file>` through CloudFront and
 * the HTTP API (flows/downloads.ts). Environment, read once at cold start: `SITE_BUCKET`; its grant
 * is s3:GetObject on `doi/*` of the site bucket alone (no ListBucket: a missing key is AccessDenied,
 * answered as 404). The S3 client only: no rendering code, no DynamoDB (cold start, issue 16).
 */
import { GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { createS3Client } from '#adapters/s3-client';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requireEnv } from './env.ts';
import { serveDownload, type DownloadsDeps } from './flows/downloads.ts';

const env = requireEnv(['SITE_BUCKET']);
// From its own module, not adapters/aws-clients.ts: that one would bring the DynamoDB client into
// this bundle (esbuild does not shake it out; tests/handlers/cold-imports.test.ts).
const s3 = createS3Client();

const deps: DownloadsDeps = {
  getText: async (key) => {
    try {
      const out = await s3.send(new GetObjectCommand({ Bucket: env.SITE_BUCKET, Key: key }));
      return await out.Body?.transformToString('utf8');
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'AccessDenied' || error.$metadata.httpStatusCode === 404 || error.$metadata.httpStatusCode === 403)) return undefined;
      throw error;
    }
  },
};

export const handler = (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => serveDownload(deps, event);
