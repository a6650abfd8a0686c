/** The stand-in's own rules, where they mirror AWS behaviour the integration tests rely on. */
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#infra/local/event-pattern';
import { rateMs } from '#infra/local/event-bus';
import { reportedFailures } from '#infra/local/event-source';
import { siteKey } from '#infra/local/site-server';
import { localName, Resolver, type Stack } from '#infra/local/template';

describe('EventBridge patterns', () => {
  const pattern = { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { bucket: { name: ['inbox'] }, object: { key: [{ wildcard: 'inbox/*/_publish.json' }] } } };
  const event = (bucket: string, key: string) => ({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { bucket: { name: bucket }, object: { key } } });

  it.each([
    ['a manifest in the inbox', event('inbox', 'inbox/j/i/b/_publish.json'), true],
    ['an article file', event('inbox', 'inbox/j/i/b/articles/a.yaml'), false],
    ['a manifest in another bucket', event('site', 'inbox/j/i/b/_publish.json'), false],
  ])('matches %s: %s', (_name, e, expected) => {
    expect(matchesPattern(pattern, e)).toBe(expected);
  });

  it('supports prefix, suffix, anything-but and exists', () => {
    expect(matchesPattern({ a: [{ prefix: 'in' }], b: [{ suffix: '.json' }], c: [{ 'anything-but': ['x'] }], d: [{ exists: false }] }, { a: 'inbox', b: 'm.json', c: 'y' })).toBe(true);
  });
});

describe('SQS partial batch responses', () => {
  const ids = new Set(['m1', 'm2']);
  it.each([
    ['nothing', undefined, []],
    ['an empty list', { batchItemFailures: [] }, []],
    ['one failure', { batchItemFailures: [{ itemIdentifier: 'm2' }] }, ['m2']],
  ])('reads %s as success except the items named', (_name, result, failed) => {
    expect([...reportedFailures(result, ids)!]).toEqual(failed);
  });

  it('treats an unknown item id as an invalid response (the whole batch fails)', () => {
    expect(reportedFailures({ batchItemFailures: [{ itemIdentifier: 'nope' }] }, ids)).toBeUndefined();
  });
});

describe('the rest of the stand-in', () => {
  it('maps directory URLs to index.html as the CloudFront function does', () => {
    expect([siteKey('/'), siteKey('/doi/10.2298/X/'), siteKey('/sitemap.xml?x=1'), siteKey('/doi/10.1002/%3Csici%3E/')]).toEqual(['index.html', 'doi/10.2298/X/index.html', 'sitemap.xml', 'doi/10.1002/<sici>/index.html']);
  });

  it('reads rate schedules', () => {
    expect([rateMs('rate(15 minutes)'), rateMs('rate(1 hour)'), rateMs('cron(0 * * * ? *)')]).toEqual([900_000, 3_600_000, undefined]);
  });

  it('resolves references across the two stacks to local names and URLs', () => {
    // Prepare
    const naming = { prefix: 't-', queueUrl: (n: string) => `http://sqs.local/${n}`, siteHost: '127.0.0.1:9' };
    const stacks: Stack[] = [
      { name: 'A', template: { Resources: { Bucket: { Type: 'AWS::S3::Bucket' }, Dist: { Type: 'AWS::CloudFront::Distribution' } }, Outputs: { Name: { Value: { Ref: 'Bucket' } }, Url: { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Dist', 'DomainName'] }]] } } } } },
      { name: 'B', template: { Resources: { Q: { Type: 'AWS::SQS::Queue' } } } },
    ];
    const r = new Resolver(stacks, naming);

    // Act
    const env = r.value('B', { BUCKET: { 'Fn::GetStackOutput': { StackName: 'A', OutputName: 'Name' } }, QUEUE: { Ref: 'Q' }, ARN: { 'Fn::GetAtt': ['Q', 'Arn'] }, SITE: { 'Fn::GetStackOutput': { StackName: 'A', OutputName: 'Url' } } });

    // Assess
    expect(env).toEqual({ BUCKET: 't-a-bucket', QUEUE: 'http://sqs.local/t-B-Q', ARN: 'arn:aws:sqs:us-east-1:000000000000:t-B-Q', SITE: 'http://127.0.0.1:9' });
    expect(r.string('B', { 'Fn::GetStackOutput': { StackName: 'A', OutputName: 'Url' } })).toBe('http://127.0.0.1:9');
    expect(localName(naming, 'A', 'Bucket', 'AWS::S3::Bucket')).toBe('t-a-bucket');
  });
});
