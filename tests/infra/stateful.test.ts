import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STAGES, type StageConfig } from '#infra/config';
import { indexRewriteSource } from '#infra/constructs/index-rewrite';
import { RECORD_INDEX_NAMES } from '#infra/constructs/records-table';
import { DOWNLOAD_PATH_PATTERNS, SITE_CSP } from '#infra/constructs/site-distribution';
import { STATEFUL_OUTPUTS } from '#infra/stacks/stateful-outputs';
import { resourcesOf, synthStage } from './synth.ts';

const DATA_BUCKETS = ['InboxBucket', 'SiteBucket', 'ArtifactsBucket'] as const;
const ref = (id: string): { Ref: string } => ({ Ref: id });
const arnOf = (id: string): { 'Fn::GetAtt': [string, string] } => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('stateful stack: buckets', () => {
  const { statefulTemplate: template } = synthStage('dev');
  const buckets = resourcesOf(template, 'AWS::S3::Bucket');

  it('has the three data buckets and the access-log bucket, under their contract names', () => {
    expect(Object.keys(buckets).sort()).toEqual(['AccessLogsBucket', 'ArtifactsBucket', 'InboxBucket', 'SiteBucket']);
  });

  it.each([...DATA_BUCKETS, 'AccessLogsBucket'])('%s blocks public access and encrypts with S3-managed keys', (id) => {
    expect(buckets[id]?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
  });

  it.each([...DATA_BUCKETS, 'AccessLogsBucket'])('%s refuses requests without TLS 1.2', (id) => {
    const everything = [arnOf(id), { 'Fn::Join': ['', [arnOf(id), '/*']] }];
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(id),
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: 's3:*', Effect: 'Deny', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Resource: everything },
          { Action: 's3:*', Effect: 'Deny', Principal: { AWS: '*' }, Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } }, Resource: everything },
        ]),
      },
    });
  });

  it.each(DATA_BUCKETS)('%s disables ACLs and logs its access under its own prefix', (id) => {
    expect(buckets[id]?.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: ref('AccessLogsBucket'), LogFilePrefix: `${id}/` },
    });
  });

  it('versions the inbox only, and sends its object events to EventBridge', () => {
    expect(buckets.InboxBucket?.Properties).toMatchObject({ VersioningConfiguration: { Status: 'Enabled' }, NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } } });
    expect(buckets.SiteBucket?.Properties.VersioningConfiguration).toBeUndefined();
    expect(buckets.ArtifactsBucket?.Properties.NotificationConfiguration).toBeUndefined();
    // No custom-resource Lambda just to switch notifications on.
    expect(resourcesOf(template, 'Custom::S3BucketNotifications')).toEqual({});
    expect(resourcesOf(template, 'AWS::Lambda::Function')).toEqual({});
  });

  it('expires the deposit files that never reached Crossref after 30 days, and keeps the sent ones', () => {
    // Prepare
    const rules = (buckets.ArtifactsBucket?.Properties.LifecycleConfiguration as { Rules: { Prefix?: string; ExpirationInDays?: number }[] }).Rules;

    // Assess
    expect(rules.filter((r) => r.ExpirationInDays !== undefined)).toEqual([
      expect.objectContaining({ Prefix: 'crossref/dry-run/', ExpirationInDays: 30, Status: 'Enabled' }),
      expect.objectContaining({ Prefix: 'crossref/invalid/', ExpirationInDays: 30, Status: 'Enabled' }),
    ]);
    const site = (buckets.SiteBucket?.Properties.LifecycleConfiguration as { Rules: { ExpirationInDays?: number }[] }).Rules;
    expect(site.filter((r) => r.ExpirationInDays !== undefined)).toEqual([]);
  });

  it("keeps each issue's current upload (the published source the console edits) and the galleys, and deletes replaced versions and finished rebuild pages after 30 days (uploads carry contributors' e-mail addresses; issue 12, Low)", () => {
    const rules = (buckets.InboxBucket?.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    // …and the console's galley uploads (issue 15), which are copied under galleys/ once checked.
    expect(rules.filter((r) => r.ExpirationInDays !== undefined)).toEqual([expect.objectContaining({ Prefix: 'rebuild/', ExpirationInDays: 30, Status: 'Enabled' }), expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 30, Status: 'Enabled' })]);
    expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, ExpiredObjectDeleteMarker: true, Status: 'Enabled' }));
    expect(rules.every((r) => r.Prefix === undefined || r.Prefix === 'rebuild/' || r.Prefix === 'uploads/')).toBe(true);
  });

  it('lets the browser PUT to the inbox (the console\'s presigned galley uploads) from the site\'s origin only, with nothing but its Content-Type', () => {
    expect(buckets.InboxBucket?.Properties.CorsConfiguration).toEqual({
      CorsRules: [{ AllowedMethods: ['PUT'], AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^Site/), 'DomainName'] }]] }], AllowedHeaders: ['content-type'], MaxAge: 3000 }],
    });
    for (const id of ['SiteBucket', 'ArtifactsBucket', 'AccessLogsBucket']) expect(buckets[id]?.Properties.CorsConfiguration).toBeUndefined();
  });

  it('keeps ACLs on the access-log bucket (CloudFront standard logging writes through them) and expires logs with the log retention', () => {
    expect(buckets.AccessLogsBucket?.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: expect.arrayContaining([expect.objectContaining({ ExpirationInDays: STAGES.dev.logRetention })]) },
    });
  });
});

describe('stateful stack: records table', () => {
  const { statefulTemplate: dev } = synthStage('dev');
  const { statefulTemplate: prod } = synthStage('prod');

  it('is on demand with pk/sk string keys, point-in-time recovery and three indexes projecting only what their queries read', () => {
    const keys = (name: string) => [
      { AttributeName: `${name}pk`, KeyType: 'HASH' },
      { AttributeName: `${name}sk`, KeyType: 'RANGE' },
    ];
    expect(resourcesOf(dev, 'AWS::DynamoDB::Table').RecordsTable?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: expect.arrayContaining(['pk', 'sk', ...RECORD_INDEX_NAMES.flatMap((n) => [`${n}pk`, `${n}sk`])].map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      // Written out here, not taken from the construct: a projection that grows must change this test.
      GlobalSecondaryIndexes: [
        { IndexName: 'gsi1', KeySchema: keys('gsi1'), Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['doi', 'createdAt', 'withdrawn', 'scheduledFor'] } },
        { IndexName: 'gsi2', KeySchema: keys('gsi2'), Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['createdAt', 'releasedAt', 'version', 'withdrawn', 'oaiGz'] } },
        { IndexName: 'gsi3', KeySchema: keys('gsi3'), Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
    });
  });

  it('projects no record body, render or deposit state into any index (they change on every render and deposit)', () => {
    const indexes = resourcesOf(dev, 'AWS::DynamoDB::Table').RecordsTable?.Properties?.GlobalSecondaryIndexes as { Projection: { ProjectionType: string; NonKeyAttributes?: string[] } }[];
    for (const { Projection } of indexes) {
      expect(Projection.ProjectionType).not.toBe('ALL');
      for (const attribute of ['record', 'recordGz', 'render', 'deposit', 'data']) expect(Projection.NonKeyAttributes ?? []).not.toContain(attribute);
    }
  });

  it('is deletion-protected and retained in prod only', () => {
    dev.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
  });

  it('retains the data buckets in prod and lets dev delete them', () => {
    for (const id of DATA_BUCKETS) {
      expect(prod.toJSON().Resources[id].DeletionPolicy).toBe('Retain');
      expect(dev.toJSON().Resources[id].DeletionPolicy).toBe('Delete');
    }
  });

  it('turns on termination protection for the prod stateful stack', () => {
    expect(synthStage('prod').stateful.terminationProtection).toBe(true);
    expect(synthStage('dev').stateful.terminationProtection).toBe(false);
  });
});

describe('stateful stack: Crossref credentials', () => {
  it('keeps no secret (no monthly fee, issue 16) and names the stage\'s SecureString parameters, which hold the values', () => {
    const { statefulTemplate: template } = synthStage('dev');
    expect(resourcesOf(template, 'AWS::SecretsManager::Secret')).toEqual({});
    // CloudFormation can create no SecureString: a String parameter here would be the value in clear.
    expect(resourcesOf(template, 'AWS::SSM::Parameter')).toEqual({});
    template.hasOutput('CrossrefParameterName', { Value: '/colophon/dev/crossref' });
    template.hasOutput('OaiTokenParameterName', { Value: '/colophon/dev/oai-token-seal' });
  });
});

describe('stateful stack: site distribution', () => {
  const { statefulTemplate: template } = synthStage('dev');
  const [distribution] = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'));
  const config = distribution?.Properties.DistributionConfig as Record<string, unknown>;

  it('serves the site bucket through Origin Access Control, HTTPS only, with the index rewrite and security headers', () => {
    const [oacId] = Object.keys(resourcesOf(template, 'AWS::CloudFront::OriginAccessControl'));
    const [headersId] = Object.keys(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const [functionId] = Object.keys(resourcesOf(template, 'AWS::CloudFront::Function'));
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        ResponseHeadersPolicyId: ref(headersId!),
        FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }],
      },
      Origins: expect.arrayContaining([expect.objectContaining({ DomainName: { 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] }, OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] } })]),
      Logging: { Bucket: { 'Fn::GetAtt': ['AccessLogsBucket', 'RegionalDomainName'] }, Prefix: 'cloudfront/' },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
  });

  it('lets only this distribution read the site bucket', () => {
    const [distributionId] = Object.keys(resourcesOf(template, 'AWS::CloudFront::Distribution'));
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref('SiteBucket'),
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Resource: { 'Fn::Join': ['', [arnOf('SiteBucket'), '/*']] },
            Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', Match.arrayWith([':distribution/', ref(distributionId!)])] } } },
          },
        ]),
      },
    });
  });

  it('sends /api/* to the HTTP API uncached, with every method and the viewer headers except Host, over TLS 1.2', () => {
    const apiId = Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect(config.CacheBehaviors).toEqual([
      ...DOWNLOAD_PATH_PATTERNS.map((PathPattern) => expect.objectContaining({ PathPattern })),
      expect.objectContaining({
        PathPattern: '/api/*',
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      }),
    ]);
    expect(config.Origins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          DomainName: { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }] }] },
          CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
        }),
      ]),
    );
  });

  it('sends the six citation downloads (and their object\'s own name) below /doi/ to the same API origin, cached by path, GET and HEAD only, without the viewer\'s Host', () => {
    const behaviours = config.CacheBehaviors as Record<string, unknown>[];
    const api = behaviours.find((b) => b.PathPattern === '/api/*')!;
    expect(DOWNLOAD_PATH_PATTERNS).toEqual(['citation.ris', 'citation.bib', 'citation.json', 'references.ris', 'references.bib', 'references.json', 'downloads.json'].map((name) => `/doi/*/${name}`));
    for (const pattern of DOWNLOAD_PATH_PATTERNS) {
      const behaviour = behaviours.find((b) => b.PathPattern === pattern)!;
      expect(behaviour).toMatchObject({ TargetOriginId: api.TargetOriginId, ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'], CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' }); // Managed-CachingOptimized
      expect(behaviour.OriginRequestPolicyId).toBeUndefined();
    }
  });

  it('adds CSP, HSTS, nosniff, a referrer policy and frame denial to every response', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: SITE_CSP, Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: false, Preload: false, Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        },
      },
    });
    expect(SITE_CSP).toMatch(/default-src 'self'/);
    expect(SITE_CSP).toMatch(/frame-ancestors 'none'/);
    // Landing pages style themselves with one inline <style> (functions/core/site/style.ts); scripts stay same-origin.
    expect(SITE_CSP).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(SITE_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('publishes the index rewrite as a cloudfront-js-2.0 function', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', { AutoPublish: true, FunctionCode: indexRewriteSource(STAGES.dev.site.legacyJournal), FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }) });
  });

  it('answers a missing key (S3 says 403 through OAC, 404 otherwise) with the site 404 page and status 404, cached briefly', () => {
    // Assess: the literal path, so moving the page (core/site NOT_FOUND_KEY) fails here, not in production.
    expect(config.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 10 },
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 10 },
    ]);
  });

  it('answers on the cloudfront.net name without a custom domain', () => {
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
  });

  it('takes a custom domain with its certificate and TLS 1.2 (2021) as the minimum', () => {
    // Prepare
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
    const withDomain: StageConfig = { ...STAGES.prod, site: { customDomain: { name: 'journal.example.org', certificateArn } } };
    // Act
    const { statefulTemplate } = synthStage(withDomain);
    // Assess
    statefulTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['journal.example.org'],
        ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    statefulTemplate.hasOutput('SiteBaseUrl', { Value: 'https://journal.example.org' });
  });
});

describe('stateful stack: HTTP API', () => {
  const { statefulTemplate: template } = synthStage('dev');

  it('is an HTTP API with an access log group; its stage (with the throttles) is the stateless stack\'s', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 0);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: STAGES.dev.logRetention });
    const [logsId] = Object.keys(resourcesOf(template, 'AWS::Logs::LogGroup'));
    template.hasOutput('ApiAccessLogGroupName', { Value: ref(logsId!) });
  });

  it('has no routes of its own: they come from the stateless stack', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
  });
});

describe('stateful stack: outputs', () => {
  it('publishes every contract output under its exact name, with a description', () => {
    const { statefulTemplate: template } = synthStage('dev');
    const outputs = template.toJSON().Outputs as Record<string, { Description: string }>;
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(STATEFUL_OUTPUTS).sort());
    template.hasOutput('InboxBucketName', { Value: ref('InboxBucket') });
    template.hasOutput('TableName', { Value: ref('RecordsTable') });
    // Named, never valued: the parameters are created by whoever deploys (issue 12, Medium 4; issue 16).
    template.hasOutput('CrossrefParameterName', { Value: '/colophon/dev/crossref' });
    template.hasOutput('OaiTokenParameterName', { Value: '/colophon/dev/oai-token-seal' });
    template.hasOutput('SiteBaseUrl', { Value: { 'Fn::Join': ['', ['https://', Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['DomainName']) })]] } });
    for (const [name, output] of Object.entries(outputs)) expect(output.Description, name).toBe(STATEFUL_OUTPUTS[name as keyof typeof STATEFUL_OUTPUTS]);
  });
});
