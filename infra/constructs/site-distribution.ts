import { Duration, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  type ErrorResponse,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DOWNLOAD_NAMES, DOWNLOADS_FILE } from '#core/publish/downloads';
import { NOT_FOUND_KEY } from '#core/site/files';
import type { CustomDomain } from '../config.ts';
import { indexRewriteSource } from './index-rewrite.ts';

/** Every public path the API serves starts here; CloudFront sends exactly these to the API. */
export const API_PATH_PREFIX = '/api/';

/**
 * The article downloads served by the Downloads function through the API (issue 16: one object per
 * article instead of six): the six public names below `/doi/`, and the bundle's own name, which the
 * function refuses (404) so the bundle is never served from S3 as a file. Exact names, not
 * `citation.*`, so a galley such as `citation.pdf` stays a file. CloudFront's `*` matches `/` too,
 * as a DOI needs. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */
export const DOWNLOAD_PATH_PATTERNS: readonly string[] = [...DOWNLOAD_NAMES, DOWNLOADS_FILE].map((name) => `/doi/*/${name}`);

/**
 * The site is static HTML and XML: no script of its own, nothing framed, no form posted elsewhere.
 * Landing pages carry JSON-LD in `<script type="application/ld+json">`, which is data, not script,
 * so `script-src 'self'` does not block it. Their only styling is one inline `<style>` element
 * (functions/core/site/style.ts): a hash of it would leave every page rendered before a style
 * change unstyled until re-rendered, so inline styles are allowed while scripts stay locked down.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

/** The site's own "not found" page, at the key the site function writes it to. */
export const NOT_FOUND_PAGE = `/${NOT_FOUND_KEY}`;

/**
 * How long CloudFront keeps a "not found" (its own default is 10 s): stated, and short, because a
 * landing page requested just before its issue is published must appear within seconds.
 */
export const NOT_FOUND_TTL = Duration.seconds(10);

/**
 * S3 behind Origin Access Control answers a missing key with 403 (the distribution may not list
 * the bucket, so S3 will not say whether the key exists) and 404 only where listing is allowed.
 * Both become the site's 404 page with status 404, so readers get the page and crawlers a real
 * 404, never a soft 200 or an S3 XML error. CloudFront applies these to the whole distribution:
 * a 403/404 from the API behind `/api/*` (only API Gateway's own "no such route") gets the same page.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html
 */
export const NOT_FOUND_RESPONSES: ErrorResponse[] = [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 404, responsePagePath: NOT_FOUND_PAGE, ttl: NOT_FOUND_TTL }));

export interface SiteDistributionProps {
  readonly bucket: IBucket;
  /** Host name of the HTTP API that serves `/api/*`. */
  readonly apiDomainName: string;
  readonly logBucket: IBucket;
  readonly customDomain?: CustomDomain | undefined;
  /** The journal whose issue pages were at `/issues/<id>/` before the stage held several: those paths redirect (index-rewrite.ts). */
  readonly legacyJournal?: string | undefined;
}

/** CloudFront in front of the private site bucket (Origin Access Control) and the public API. */
export class SiteDistribution extends Construct {
  readonly distribution: Distribution;
  /** `https://<domain>` without a trailing slash, as `SITE_BASE_URL` gives it to the functions. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: SiteDistributionProps) {
    super(scope, id);
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Colophon site: CSP, HSTS, nosniff, referrer policy',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: SITE_CSP, override: true },
        // No includeSubDomains: the publisher's other subdomains are not ours to pin to HTTPS.
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: false, preload: false, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
    });
    const indexRewrite = new CloudFrontFunction(this, 'IndexRewrite', {
      comment: 'Rewrite /path/ to /path/index.html',
      code: FunctionCode.fromInline(indexRewriteSource(props.legacyJournal)),
      runtime: FunctionRuntime.JS_2_0,
    });
    const domain = props.customDomain;
    const apiOrigin = new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2] });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Colophon site and public API',
      defaultRootObject: 'index.html',
      errorResponses: NOT_FOUND_RESPONSES,
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(props.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        ...Object.fromEntries(
          DOWNLOAD_PATH_PATTERNS.map((pattern) => [
            pattern,
            {
              origin: apiOrigin,
              viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
              allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
              // Cached as the static files were: by path alone, for the Cache-Control the function sends (an hour).
              cachePolicy: CachePolicy.CACHING_OPTIMIZED,
              // No origin request policy: CloudFront then sends the origin's own Host (API Gateway answers only to it) and no query string.
              responseHeadersPolicy: headers,
            },
          ]),
        ),
        [`${API_PATH_PREFIX}*`]: {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway answers only to its own Host header.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(domain === undefined
        ? {}
        : {
            domainNames: [domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }),
    });
    this.baseUrl = `https://${domain?.name ?? this.distribution.distributionDomainName}`;

    if (domain === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose minimum TLS version cannot be raised; stages with site.customDomain get TLSv1.2_2021.',
      });
    }
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'A scholarly journal is read worldwide: no geo restriction, by design.' },
      { id: 'AwsSolutions-CFR2', reason: 'Static public pages and a throttled API; a WAF web ACL is a later, priced decision (see the API stage throttling).' },
    );
  }
}
