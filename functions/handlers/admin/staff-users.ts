/**
 * The Users page's side of the staff pool (issue 15), as its own module: infra bundles it beside
 * the Admin handler (users.mjs, handlers/bundled-modules.ts) and the handler imports it on the
 * first users request, so the Cognito client costs nothing at a cold start (issue 16). It makes
 * its own clients rather than take the handler's: nothing but strings crosses between the two
 * bundles (each carries its own copy of the SDK classes).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDynamoClients } from '#adapters/aws-clients';
import { createStaffUsers, type StaffUsers } from '#adapters/staff-users';

/** The staff pool through the Cognito endpoint the SDK resolves (locally AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, the IAM gateway). */
export const staffUsersOf = (userPoolId: string, tableName: string): StaffUsers => createStaffUsers(new CognitoIdentityProviderClient({}), userPoolId, createDynamoClients().dynamo, tableName);
