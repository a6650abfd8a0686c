import { Fn, Stack, Validations } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { UPLOADS_PREFIX } from '#adapters/galley-uploads';
import { FILES_PREFIX, INBOX_PREFIX } from '#adapters/inbox';
import { STAFF_PK_PREFIXES } from '#adapters/staff-items';
import { STAFF_USER_ACTIONS } from '#adapters/staff-users';
import { PROJECT_ROOT, type ColophonFunction } from './colophon-function.ts';
import type { HttpRouteSpec } from './http-routes.ts';
import type { IndexedTable } from './records-table.ts';

/** The admin API's routes (functions/handlers/admin.ts answers each), all behind the staff JWT authorizer. */
export const ADMIN_ROUTES = [
  { path: '/api/admin/catalog', methods: [HttpMethod.GET] },
  { path: '/api/admin/draft', methods: [HttpMethod.GET, HttpMethod.PUT] },
  { path: '/api/admin/validate', methods: [HttpMethod.POST] },
  { path: '/api/admin/preview', methods: [HttpMethod.POST] },
  { path: '/api/admin/publish', methods: [HttpMethod.POST] },
  { path: '/api/admin/audit', methods: [HttpMethod.GET] },
  { path: '/api/admin/issue', methods: [HttpMethod.POST] },
  { path: '/api/admin/article', methods: [HttpMethod.POST] },
  { path: '/api/admin/schedule', methods: [HttpMethod.POST] },
  { path: '/api/admin/withdraw', methods: [HttpMethod.POST] },
  { path: '/api/admin/retract', methods: [HttpMethod.POST] },
  { path: '/api/admin/deposit', methods: [HttpMethod.POST] },
  { path: '/api/admin/toc', methods: [HttpMethod.GET, HttpMethod.PUT] },
  { path: '/api/admin/galley', methods: [HttpMethod.POST] },
  { path: '/api/admin/galley/attach', methods: [HttpMethod.POST] },
  { path: '/api/admin/galley/remove', methods: [HttpMethod.POST] },
  { path: '/api/admin/users', methods: [HttpMethod.GET, HttpMethod.POST] },
  { path: '/api/admin/users/role', methods: [HttpMethod.POST] },
  { path: '/api/admin/users/enabled', methods: [HttpMethod.POST] },
] as const satisfies readonly { path: `/api/admin/${string}`; methods: readonly HttpMethod[] }[];

/** What the console reads before anyone signs in: where to sign in (pool, app client, Cognito endpoint). Public by nature. */
export const CONSOLE_CONFIG_PATH = '/api/console/config';

/** The console's static files and the JSON Schemas its form is built from, copied into the Site function's bundle (it writes them under admin/). */
export const STAFF_CONSOLE_FOLDERS = [
  { from: `${PROJECT_ROOT}functions/console/static`, to: 'console' },
  { from: `${PROJECT_ROOT}metadata/schema`, to: 'console/schema' },
] as const;

/**
 * The preview's renderer, bundled on its own (preview.mjs beside the handler's index.mjs): the
 * landing renderer and citeproc are a third of the Admin bundle, and only a preview needs them,
 * so a cold start that serves the catalog or a save does not compile them (handlers/admin.ts).
 */
export const ADMIN_PREVIEW_MODULE = 'preview.mjs';
export const ADMIN_BUNDLED_MODULES = [{ entry: `${PROJECT_ROOT}functions/handlers/admin/preview.ts`, out: ADMIN_PREVIEW_MODULE }] as const;

/** Cognito's issuer for a pool: what the authorizer and the handler both require of every token. */
export const cognitoIssuer = (region: string, userPoolId: string): string => Fn.join('', ['https://cognito-idp.', region, '.amazonaws.com/', userPoolId]);
/** Where the console's presigned galley uploads go: the inbox bucket's virtual-hosted origin, as the SDK's presigner writes it. */
export const uploadOrigin = (bucketName: string, region: string): string => Fn.join('', ['https://', bucketName, '.s3.', region, '.amazonaws.com']);
export const cognitoEndpoint = (region: string): string => Fn.join('', ['https://cognito-idp.', region, '.amazonaws.com/']);

export interface StaffApiProps {
  /** The Admin function (functions/handlers/admin.ts). */
  readonly admin: ColophonFunction;
  readonly records: IndexedTable;
  readonly inbox: { readonly bucketName: string; readonly bucketArn: string; arnForObjects(pattern: string): string };
  /** The staff pool's id and app client id, as the stateful stack's outputs give them. */
  readonly userPoolId: string;
  readonly clientId: string;
  /** DepositQueue: the console's "send to Crossref again" after a failed deposit. */
  readonly depositQueue: IQueue;
  /** The largest galley the stage takes (what Ingest is given): checked when the console presigns an upload and after it. */
  readonly maxFileBytes: number;
}

/**
 * The staff console's API (issue 15): a JWT authorizer on every `/api/admin/*` route that accepts
 * only the staff pool's access tokens for the console's app client, and the Admin function's
 * grants: read the records table, write only drafts and the audit trail (`DRAFT#`, `AUDIT#`
 * partitions), read the inbox and write new batches under `inbox/` (a publish, as the CLI does).
 * The handler checks the token again (aws-jwt-verify) and the journal per request.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
export function staffApi(scope: Stack, props: StaffApiProps): { readonly authorizer: HttpJwtAuthorizer; readonly routes: HttpRouteSpec[] } {
  const region = Stack.of(scope).region;
  const issuer = cognitoIssuer(region, props.userPoolId);
  const authorizer = new HttpJwtAuthorizer('StaffJwt', issuer, { jwtAudience: [props.clientId], identitySource: ['$request.header.Authorization'] });
  const { admin, records } = props;
  admin.bindTable(records, 'read');
  admin.role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      resources: [records.table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': STAFF_PK_PREFIXES.map((p) => `${p}*`) } },
    }),
  );
  admin.bindBucket(props.inbox, 'INBOX_BUCKET', 'read');
  admin.bindQueue(props.depositQueue, 'DEPOSIT_QUEUE_URL', 'send');
  const batches = props.inbox.arnForObjects(`${INBOX_PREFIX}*`);
  admin.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [batches] }));
  Validations.of(admin).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(batches))}]`,
    reason: 'A console publish writes a new batch folder under inbox/ (keys computed at run time), as the CLI does; nothing outside inbox/ (not the galleys).',
  });
  // Galley uploads (issue 15): the browser PUTs to URLs signed with this role under uploads/ (S3
  // authorises a presigned request as its signer), and the checked file is copied to galleys/.
  const uploads = props.inbox.arnForObjects(`${UPLOADS_PREFIX}*`);
  const files = props.inbox.arnForObjects(`${FILES_PREFIX}*`);
  admin.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [uploads, files] }));
  for (const [arn, reason] of [
    [uploads, 'The console\'s presigned galley uploads: one new key per upload under uploads/ (computed at run time), signed with this role.'],
    [files, 'A checked galley is kept by content under galleys/<journal>/<sha256> (computed at run time), where Ingest and Render read it.'],
  ] as const) {
    Validations.of(admin).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`, reason });
  }
  // ---- issue 15, users (developer B): the console's Users page calls these on the staff pool, and on no other pool ----
  admin.role.addToPrincipalPolicy(new PolicyStatement({ actions: [...STAFF_USER_ACTIONS], resources: [Stack.of(scope).formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: props.userPoolId })] }));
  // ---- end issue 15, users ----
  admin.fn.addEnvironment('GALLEY_MAX_BYTES', String(props.maxFileBytes));
  admin.fn.addEnvironment('STAFF_ISSUER', issuer);
  admin.fn.addEnvironment('STAFF_CLIENT_ID', props.clientId);
  admin.fn.addEnvironment('STAFF_USER_POOL_ID', props.userPoolId);
  admin.fn.addEnvironment('STAFF_COGNITO_ENDPOINT', cognitoEndpoint(region));
  const fn: IFunction = admin.fn;
  const routes: HttpRouteSpec[] = [
    ...ADMIN_ROUTES.map((r) => ({ path: r.path, fn, methods: r.methods, access: { authorizer } })),
    { path: CONSOLE_CONFIG_PATH, fn, methods: [HttpMethod.GET], access: { public: 'The console must learn where to sign in before it has a token: the pool id and app client id are public by design (they are in every browser that signs in)' } },
  ];
  return { authorizer, routes };
}
