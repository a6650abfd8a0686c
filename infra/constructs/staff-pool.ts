import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AccountRecovery, CfnUserPoolGroup, Mfa, UserPool } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ADMIN_GROUP } from '#handlers/admin/access';
import { pinLogicalId } from './logical-id.ts';

/**
 * The group that may see and change every journal of the stage. Editors of one journal are in
 * `editor:<journal id>` (STAFF_EDITOR_PREFIX); an admin creates that group when the journal arrives
 * (`aws cognito-idp create-group --group-name editor:balcanica`). The admin API checks the group
 * on every request (functions/handlers/admin/access.ts), after the route's JWT authorizer.
 */
export { ADMIN_GROUP as STAFF_ADMIN_GROUP, EDITOR_PREFIX as STAFF_EDITOR_PREFIX } from '#handlers/admin/access';

export interface StaffPoolProps {
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Who may sign in to the staff console: an Amazon Cognito user pool with no self sign-up (an admin
 * invites staff), optional TOTP MFA (no SMS: it costs, and SIM swaps defeat it), and one public app
 * client for the console's browser code (no secret: a browser cannot keep one). Tokens last an hour;
 * the console asks again after that. It lives in the stateful stack: deleting it would lose every
 * account. https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 */
export class StaffPool extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: StaffPoolProps) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(7) },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Your Colophon staff console account',
        emailBody: 'An administrator invited you to the Colophon staff console. Your user name is {username} and your temporary password is {####}. Sign in at the console address you were given; you will choose your own password then.',
      },
      removalPolicy: props.removalPolicy,
    });
    pinLogicalId(this.pool, 'StaffUserPool');
    Validations.of(this.pool).acknowledge(
      { id: 'AwsSolutions-COG2', reason: 'TOTP MFA is offered to every user and required by policy for admins; forcing it at the pool would lock out an editor before their first sign-in sets it up.' },
      { id: 'AwsSolutions-COG8', reason: 'Advanced security (threat protection) is a paid Plus-tier feature; staff accounts are few, invited, and protected by strong passwords and optional TOTP.' },
    );
    this.client = this.pool.addClient('ConsoleClient', {
      userPoolClientName: 'staff-console',
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    pinLogicalId(this.client, 'StaffConsoleClient');
    const admins = new CfnUserPoolGroup(this, 'AdminGroup', { userPoolId: this.pool.userPoolId, groupName: ADMIN_GROUP, description: 'Sees and changes every journal of the stage' });
    admins.overrideLogicalId('StaffAdminGroup');
  }
}
