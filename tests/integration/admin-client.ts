/**
 * The staff console's API as a browser calls it, for the admin integration tests: sign in to the
 * Cognito emulator (an access token, as the console gets one) and call a route with it.
 */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient, seedStaffUser, type LocalStaffUser } from '#infra/local/cognito';
import type { TestStage } from '#tests/setup/local-stage';

export type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

export function adminClient(stage: () => TestStage) {
  async function signIn(user: { username: string; password: string }): Promise<string> {
    const staff = stage().stack.staff!;
    const client = cognitoClient(staff.endpoint);
    try {
      const out = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: staff.clientId, AuthParameters: { USERNAME: user.username, PASSWORD: user.password } }));
      return out.AuthenticationResult!.AccessToken!;
    } finally {
      client.destroy();
    }
  }

  async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> {
    const response = await fetch(`${stage().stack.siteUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
  }

  /** Seeds each member of staff in the stage's pool, one after the other, then signs them all in: their access tokens, in order. */
  async function seedAndSignIn<T extends LocalStaffUser[]>(users: readonly [...T]): Promise<{ [K in keyof T]: string }> {
    const staff = stage().stack.staff!;
    for (const user of users) await seedStaffUser(staff.endpoint, staff.userPoolId, user);
    return (await Promise.all(users.map(signIn))) as { [K in keyof T]: string };
  }

  return { signIn, call, seedAndSignIn };
}

/** An article's or issue's reference as a query string. */
export const query = (ref: Record<string, string>): string => new URLSearchParams(ref).toString();
