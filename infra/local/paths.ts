/** Where the local stand-in keeps things: downloads in `.cache/`, state in `.local/` (both git-ignored). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_DIR = join(ROOT, '.cache');
export const STATE_DIR = join(ROOT, '.local');
export const CDK_OUT = join(ROOT, 'cdk.out');
export const METADATA_DIR = join(ROOT, 'metadata');

/** Credentials for every emulator. DynamoDB Local accepts access keys of letters and digits only. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'colophonlocal', secretAccessKey: 'colophonlocal' } as const;
export const LOCAL_REGION = 'us-east-1';
/** The account id the SQS emulator puts in every ARN and queue URL. */
export const LOCAL_ACCOUNT = '000000000000';
