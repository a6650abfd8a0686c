/**
 * The staff console's sign-in and API in the templates (issue 15): the Cognito pool in the
 * stateful stack, the JWT authorizer on every /api/admin/* route, and the Admin function's grants.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, CONSOLE_CONFIG_PATH } from '#infra/constructs/staff-api';
import { grants, readable, resourcesOf, synthStage } from './synth.ts';

const TABLE = 'arn:{AWS::Partition}:dynamodb:{AWS::Region}:{AWS::AccountId}:table/{Stateful.TableName}';
const INDEXES = ['gsi1', 'gsi2', 'gsi3'].map((name) => `${TABLE}/index/${name}`);

describe('staff sign-in: the Cognito user pool (stateful stack)', () => {
  const { statefulTemplate: template } = synthStage('dev');

  it('has one pool: no self sign-up (admins invite), TOTP MFA offered and no SMS, a strong password policy', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercase: true, RequireLowercase: true }) },
    });
    expect(Object.keys(resourcesOf(template, 'AWS::Cognito::UserPool'))).toEqual(['StaffUserPool']);
  });

  it('keeps the pool in prod when the stack goes (accounts outlive redeploys)', () => {
    synthStage('prod').statefulTemplate.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('has one public app client for the console: no secret, password and SRP sign-in, one-hour tokens', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: 'StaffUserPool' },
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 60,
    });
  });

  it('has the admin group; editors are in editor:<journal>', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin', UserPoolId: { Ref: 'StaffUserPool' } });
  });

  it('publishes the pool id and client id as outputs (what the stateless stack and the console read)', () => {
    template.hasOutput('StaffUserPoolId', { Value: { Ref: 'StaffUserPool' } });
    template.hasOutput('StaffUserPoolClientId', { Value: { Ref: 'StaffConsoleClient' } });
  });
});

describe('staff API: the JWT authorizer and the Admin function (stateless stack)', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const authorizers = Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer'));
  const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));

  it('has one JWT authorizer: the staff pool as issuer, the console client as audience, the Authorization header', () => {
    expect(authorizers).toHaveLength(1);
    const [, authorizer] = authorizers[0]!;
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    const jwt = authorizer.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
    expect(readable(jwt.Issuer)).toBe('https://cognito-idp.{AWS::Region}.amazonaws.com/{Stateful.StaffUserPoolId}');
    expect(jwt.Audience.map(readable)).toEqual(['{Stateful.StaffUserPoolClientId}']);
  });

  it('puts the authorizer on every /api/admin/* route, and on no other', () => {
    const [authorizerId] = authorizers[0]!;
    const admin = routes.filter((r) => String(r.Properties.RouteKey).includes(' /api/admin/'));
    expect(admin).toHaveLength(ADMIN_ROUTES.flatMap((r) => r.methods).length);
    for (const route of admin) expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    const others = routes.filter((r) => !String(r.Properties.RouteKey).includes(' /api/admin/'));
    for (const route of others) expect(route.Properties.AuthorizerId).toBeUndefined();
    expect(others.map((r) => r.Properties.RouteKey)).toContain(`GET ${CONSOLE_CONFIG_PATH}`);
  });

  it('gives Admin reads of the records, writes only to draft and audit partitions, reads of the inbox and writes only under inbox/', () => {
    const g = grants(template, 'Admin');
    expect(g).toEqual({
      'logs:CreateLogStream': ['{AdminLogs.Arn}'],
      'logs:PutLogEvents': ['{AdminLogs.Arn}'],
      'xray:PutTelemetryRecords': ['*'],
      'xray:PutTraceSegments': ['*'],
      'dynamodb:GetItem': [TABLE],
      'dynamodb:BatchGetItem': [TABLE],
      'dynamodb:Query': [TABLE, ...INDEXES].sort(),
      'dynamodb:PutItem': [TABLE],
      'dynamodb:UpdateItem': [TABLE],
      's3:GetObject': ['arn:{AWS::Partition}:s3:::{Stateful.InboxBucketName}/*'],
      's3:ListBucket': ['arn:{AWS::Partition}:s3:::{Stateful.InboxBucketName}'],
      // A console publish writes a batch under inbox/; a galley upload is signed for uploads/ and kept under galleys/ (issue 15).
      's3:PutObject': ['arn:{AWS::Partition}:s3:::{Stateful.InboxBucketName}/galleys/*', 'arn:{AWS::Partition}:s3:::{Stateful.InboxBucketName}/inbox/*', 'arn:{AWS::Partition}:s3:::{Stateful.InboxBucketName}/uploads/*'],
      // "Send to Crossref again": the deposit job, nothing else of the queue.
      'sqs:SendMessage': ['{DepositQueue.Arn}'],
      // ---- issue 15, users (developer B): the Users page's Cognito calls, on the staff pool only ----
      ...Object.fromEntries(
        ['ListUsers', 'ListGroups', 'ListUsersInGroup', 'AdminGetUser', 'AdminCreateUser', 'CreateGroup', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminDisableUser', 'AdminEnableUser'].map((a) => [`cognito-idp:${a}`, ['arn:{AWS::Partition}:cognito-idp:{AWS::Region}:{AWS::AccountId}:userpool/{Stateful.StaffUserPoolId}']]),
      ),
      // ---- end issue 15, users ----
    });
    const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes('AdminRole'));
    const writes = policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: unknown; Condition?: unknown }[] }).Statement).filter((s) => JSON.stringify(s.Action).includes('dynamodb:PutItem'));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DRAFT#*', 'AUDIT#*', 'RATE#*'] } });
  });
});
