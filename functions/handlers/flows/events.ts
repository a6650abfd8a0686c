/**
 * The objects an "object created" event names, from either way S3 can deliver it: a bucket
 * notification (`Records[].s3`, keys URL-encoded with `+` for spaces) or EventBridge
 * (`detail-type: Object Created`, `detail.object.key`).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
import type { S3Event } from 'aws-lambda';

export type CreatedObject = { readonly bucket: string; readonly key: string };
export type EventBridgeObjectCreated = { readonly 'detail-type': 'Object Created'; readonly source: 'aws.s3'; readonly detail: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string } } };
export type ObjectCreatedEvent = S3Event | EventBridgeObjectCreated;

const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

export function createdObjects(event: ObjectCreatedEvent): CreatedObject[] {
  if ('Records' in event) {
    return event.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).map((r) => ({ bucket: r.s3.bucket.name, key: decodeS3Key(r.s3.object.key) }));
  }
  if (event['detail-type'] === 'Object Created') return [{ bucket: event.detail.bucket.name, key: event.detail.object.key }];
  return [];
}
