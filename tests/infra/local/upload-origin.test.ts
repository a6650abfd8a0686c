/**
 * The local address of a presigned upload URL (infra/local/upload-origin.ts): a function's
 * environment value that is a bucket's S3 origin becomes the IAM gateway of the function whose role
 * may PUT under that bucket's uploads/ (the signer); anything else is left as it is.
 */
import { describe, expect, it } from 'vitest';
import type { Statement } from '#infra/local/iam-policy';
import type { LocalFunction } from '#infra/local/model';
import { localUploadOrigin } from '#infra/local/upload-origin';

const allow = (actions: string[], resources: string[]): Statement => ({ effect: 'Allow', actions, resources, conditions: [] });
const fn = (name: string, statements: Statement[]): LocalFunction => ({ name, role: { statements } }) as unknown as LocalFunction;
const functions = [
  fn('site', [allow(['s3:GetObject'], ['arn:aws:s3:::inbox-local/galleys/*'])]),
  fn('ingest', [allow(['s3:PutObject'], ['arn:aws:s3:::inbox-local/inbox/*'])]),
  fn('admin', [allow(['s3:PutObject'], ['arn:aws:s3:::inbox-local/uploads/*', 'arn:aws:s3:::inbox-local/galleys/*'])]),
];
const gateways: Record<string, string> = { site: 'http://127.0.0.1:1001', ingest: 'http://127.0.0.1:1002', admin: 'http://127.0.0.1:1003' };

describe('localUploadOrigin', () => {
  it('sends the inbox bucket’s S3 origin to the gateway of the function allowed to write its uploads', () => {
    expect(localUploadOrigin('https://inbox-local.s3.us-east-1.amazonaws.com', functions, (f) => gateways[f.name])).toBe('http://127.0.0.1:1003');
  });

  it('leaves other values, and a bucket nobody may upload to, as they are', () => {
    const same = (v: string): string => localUploadOrigin(v, functions, (f) => gateways[f.name]);
    expect(same('https://cognito-idp.us-east-1.amazonaws.com/')).toBe('https://cognito-idp.us-east-1.amazonaws.com/');
    expect(same('https://site-local.s3.us-east-1.amazonaws.com')).toBe('https://site-local.s3.us-east-1.amazonaws.com');
    expect(same('inbox-local')).toBe('inbox-local');
  });
});
