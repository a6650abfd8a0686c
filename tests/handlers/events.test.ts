import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createdObjects, type EventBridgeObjectCreated } from '#handlers/flows/events';

const notification = (eventName: string, key: string): S3Event => ({
  Records: [{ eventName, s3: { bucket: { name: 'inbox-bucket' }, object: { key } } }],
}) as unknown as S3Event;

describe('createdObjects', () => {
  it('decodes the URL-encoded key of a bucket notification', () => {
    // Act
    const objects = createdObjects(notification('ObjectCreated:Put', 'inbox/j/i/b/articles/a+b%C3%A9.yaml'));

    // Assess
    expect(objects).toEqual([{ bucket: 'inbox-bucket', key: 'inbox/j/i/b/articles/a bé.yaml' }]);
  });

  it('takes the key of an EventBridge Object Created event as it is', () => {
    // Prepare
    const event: EventBridgeObjectCreated = { 'detail-type': 'Object Created', source: 'aws.s3', detail: { bucket: { name: 'inbox-bucket' }, object: { key: 'inbox/j/i/b/_publish.json' } } };

    // Act
    const objects = createdObjects(event);

    // Assess
    expect(objects).toEqual([{ bucket: 'inbox-bucket', key: 'inbox/j/i/b/_publish.json' }]);
  });

  it('ignores removals', () => {
    expect(createdObjects(notification('ObjectRemoved:Delete', 'inbox/x'))).toEqual([]);
  });
});
