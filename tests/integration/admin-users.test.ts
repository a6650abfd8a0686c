/**
 * The console's Users page API (issue 15) on the local stand-in: Cognito is cognito-local, and the
 * Admin function reaches it through its IAM gateway, which enforces the role's grants from the
 * template. An admin lists staff, invites one (the temporary password goes to the emulator's
 * outbox, never to the admin), gives and takes per-journal roles (the group is created on first
 * use; only the stage's journals), disables and enables; an admin cannot take their own admin
 * role or disable themselves; an editor gets 403 on every users route. Every change is in the
 * audit trail by user id; no log line carries an e-mail. The Admin role can call only the granted
 * actions, on the staff pool only.
 */
import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUsersCommand, AdminDeleteUserCommand, AdminGetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoClient } from '#infra/local/cognito';
import { startIamGateway, type IamGateway } from '#infra/local/iam-gateway';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { adminClient } from './admin-client.ts';
import { fixtureSources } from './fixtures.ts';
import { tableItems } from './inspect.ts';

const ADMIN = { username: 'users-admin', password: 'Users-admin-1!', groups: ['admin'] };
const EDITOR = { username: 'users-editor', password: 'Users-editor-1!', groups: ['editor:testjournal'] };
const EMAIL = 'new.editor@example.org';

let stage: TestStage;
let adminToken: string;
let editorToken: string;
const { signIn, call, seedAndSignIn } = adminClient(() => stage);

/** What the emulator "e-mailed" a user (infra/local/cognito-process.ts): their temporary password. */
async function outbox(username: string): Promise<string[]> {
  const response = await fetch(stage.stack.staff!.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ColophonLocalOutbox' }, body: JSON.stringify({ Username: username }) });
  return ((await response.json()) as { Messages: { code: string }[] }).Messages.map((m) => m.code);
}

async function subOf(username: string): Promise<string> {
  const client = cognitoClient(stage.stack.staff!.endpoint);
  try {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: stage.stack.staff!.userPoolId, Username: username }));
    return user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain({ timeoutMs: 240_000 });
  [adminToken, editorToken] = await seedAndSignIn([ADMIN, EDITOR]);
}, 300_000);
afterAll(() => stage?.stop());

type UserView = { username: string; sub: string; email?: string; enabled: boolean; status: string; admin: boolean; journals: string[] };

describe('users: who may see and change staff accounts', () => {
  it('answers an editor 403 on every users route, saying to ask an administrator, and changes nothing', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/admin/users', undefined],
      ['POST', '/api/admin/users', { username: 'sneaky', email: 'x@example.org' }],
      ['POST', '/api/admin/users/role', { username: EDITOR.username, role: 'admin', give: true }],
      ['POST', '/api/admin/users/enabled', { username: ADMIN.username, enabled: false }],
    ] as const) {
      const answer = await call(method, path, editorToken, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.message).toMatch(/^Only an administrator can see and change staff accounts\. Ask one of your administrators/);
    }
    expect(await subOf(ADMIN.username)).toBeTruthy();
    const list = await call('GET', '/api/admin/users', adminToken);
    expect((list.body.users as UserView[]).map((u) => u.username)).not.toContain('sneaky');
    expect((list.body.users as UserView[]).find((u) => u.username === EDITOR.username)!.admin).toBe(false);
  });

  it('answers 401 without a token', async () => {
    expect((await call('GET', '/api/admin/users', undefined)).status).toBe(401);
  });
});

describe('users: an admin manages staff', () => {
  let invitedSub: string;

  it('lists staff with their e-mail, enabled, roles, and the stage’s journals to choose from', async () => {
    const { status, body } = await call('GET', '/api/admin/users', adminToken);
    expect(status).toBe(200);
    const users = body.users as UserView[];
    expect(users.find((u) => u.username === ADMIN.username)).toMatchObject({ admin: true, journals: [], enabled: true });
    expect(users.find((u) => u.username === EDITOR.username)).toMatchObject({ admin: false, journals: ['testjournal'], enabled: true });
    expect(body.journals).toEqual([{ id: 'testjournal', title: expect.any(String) }]);
    expect(body.you).toBe(await subOf(ADMIN.username));
  });

  it('invites a member of staff as editor of a journal: Cognito sends the temporary password; they must choose their own', async () => {
    const { status, body } = await call('POST', '/api/admin/users', adminToken, { username: 'ana', email: EMAIL, journals: ['testjournal'] });
    expect(status).toBe(201);
    expect(body.message).toMatch(/^Invited ana: Cognito is e-mailing them a temporary password, which they change when they first sign in\. Roles: editor of testjournal\./);
    expect(JSON.stringify(body)).not.toMatch(/password"\s*:/i);
    const user = body.user as UserView;
    expect(user).toMatchObject({ username: 'ana', email: EMAIL, status: 'FORCE_CHANGE_PASSWORD', journals: ['testjournal'], admin: false });
    invitedSub = user.sub;
    const [temporary] = await outbox('ana');
    expect(temporary).toBeTruthy();
    // The first sign-in asks for a new password (what the console's sign-in form handles), then the token carries the role.
    const client = cognitoClient(stage.stack.staff!.endpoint);
    try {
      const first = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stage.stack.staff!.clientId, AuthParameters: { USERNAME: 'ana', PASSWORD: temporary! } }));
      expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const done = await client.send(new RespondToAuthChallengeCommand({ ClientId: stage.stack.staff!.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session, ChallengeResponses: { USERNAME: 'ana', NEW_PASSWORD: 'Ana-chosen-1!' } }));
      const catalog = await call('GET', '/api/admin/catalog', done.AuthenticationResult!.AccessToken!);
      expect((catalog.body.journals as { id: string }[]).map((j) => j.id)).toEqual(['testjournal']);
    } finally {
      client.destroy();
    }
  });

  it('refuses a user name already taken (409), an e-mail that is not one, and a journal the stage does not have, each saying what to do', async () => {
    const taken = await call('POST', '/api/admin/users', adminToken, { username: 'ana', email: 'other@example.org' });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe('A staff member named "ana" already exists. Choose another user name, or give "ana" the roles in the list below.');
    const badEmail = await call('POST', '/api/admin/users', adminToken, { username: 'bob', email: 'not-an-address' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.message).toMatch(/email: an e-mail address such as ana@example\.org/);
    const unknown = await call('POST', '/api/admin/users', adminToken, { username: 'bob', email: 'bob@example.org', journals: ['nojournal'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toBe('This stage has no journal "nojournal": choose one of testjournal.');
    const role = await call('POST', '/api/admin/users/role', adminToken, { username: 'ana', role: { editor: 'nojournal' }, give: true });
    expect(role.status).toBe(422);
    const list = await call('GET', '/api/admin/users', adminToken);
    expect((list.body.users as UserView[]).map((u) => u.username)).not.toContain('bob');
  });

  it('gives and takes the admin role and a journal’s editor role', async () => {
    const give = await call('POST', '/api/admin/users/role', adminToken, { username: 'ana', role: 'admin', give: true });
    expect(give.status).toBe(200);
    expect(give.body.message).toBe('ana is now administrator. It applies from their next sign-in (within an hour at most).');
    expect(give.body.user).toMatchObject({ admin: true, journals: ['testjournal'] });
    const take = await call('POST', '/api/admin/users/role', adminToken, { username: 'ana', role: { editor: 'testjournal' }, give: false });
    expect(take.status).toBe(200);
    expect(take.body.user).toMatchObject({ admin: true, journals: [] });
    const back = await call('POST', '/api/admin/users/role', adminToken, { username: 'ana', role: 'admin', give: false });
    expect(back.body.user).toMatchObject({ admin: false, journals: [] });
    const missing = await call('POST', '/api/admin/users/role', adminToken, { username: 'nobody-here', role: 'admin', give: true });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('There is no staff member "nobody-here": check the user name in the list.');
  });

  it('refuses to let an admin take their own admin role or disable themselves, and says why', async () => {
    const role = await call('POST', '/api/admin/users/role', adminToken, { username: ADMIN.username, role: 'admin', give: false });
    expect(role.status).toBe(409);
    expect(role.body.message).toBe('You cannot take away your own administrator role: the stage could be left without an administrator. Ask another administrator to do it.');
    const disable = await call('POST', '/api/admin/users/enabled', adminToken, { username: ADMIN.username, enabled: false });
    expect(disable.status).toBe(409);
    expect(disable.body.message).toBe('You cannot disable your own account: you would be signed out with nobody to let you back in. Ask another administrator to do it.');
    const me = ((await call('GET', '/api/admin/users', adminToken)).body.users as UserView[]).find((u) => u.username === ADMIN.username)!;
    expect(me).toMatchObject({ admin: true, enabled: true });
  });

  it('disables a user (they cannot sign in) and enables them again', async () => {
    const off = await call('POST', '/api/admin/users/enabled', adminToken, { username: 'ana', enabled: false });
    expect(off.status).toBe(200);
    expect(off.body.user).toMatchObject({ enabled: false });
    expect(off.body.message).toMatch(/^ana can no longer sign in\./);
    await expect(signIn({ username: 'ana', password: 'Ana-chosen-1!' })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const on = await call('POST', '/api/admin/users/enabled', adminToken, { username: 'ana', enabled: true });
    expect(on.body.user).toMatchObject({ enabled: true });
    expect(await signIn({ username: 'ana', password: 'Ana-chosen-1!' })).toBeTruthy();
  });

  it('keeps every change in the audit trail by user id, never an e-mail, password or token; no log line has an e-mail', async () => {
    const adminSub = await subOf(ADMIN.username);
    const { body } = await call('GET', '/api/admin/users', adminToken);
    const audit = body.audit as { by: string; action: string; user: string; role?: string }[];
    expect(audit.map((a) => `${a.action} ${a.role ?? ''}`.trim()).reverse()).toEqual(['invite', 'give role editor:testjournal', 'give role admin', 'take role editor:testjournal', 'take role admin', 'disable', 'enable']);
    for (const a of audit) expect(a).toMatchObject({ by: adminSub, user: invitedSub });
    const stored = (await tableItems(stage.stack)).filter((i) => i.pk === 'AUDIT#~users');
    expect(stored).toHaveLength(7);
    const text = JSON.stringify(stored) + JSON.stringify(stage.logs);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain('Ana-chosen-1!');
    expect(text).not.toContain(adminToken.split('.')[2]);
    expect(stage.logs.some((l) => JSON.stringify(l).includes('staff account changed'))).toBe(true);
    expect(stage.stack.iam.denials).toEqual([]);
  });
});

describe('users: the Admin role’s Cognito grants', () => {
  let gateway: IamGateway;
  let client: CognitoIdentityProviderClient;
  let otherPool: string;
  beforeAll(async () => {
    // The Admin role's statements from the template, its staff pool named as the emulator named it (as the stand-in does).
    const admin = stage.stack.fn('Admin');
    const templatePool = admin.environment.STAFF_USER_POOL_ID!;
    const statements = admin.role.statements.map((s) => ({ ...s, resources: s.resources.map((r) => r.split(templatePool).join(stage.stack.staff!.userPoolId)) }));
    gateway = await startIamGateway({
      principal: `arn:aws:sts::000000000000:assumed-role/${admin.role.name}/${admin.name}`,
      statements,
      upstream: { s3: stage.endpoints.s3, dynamodb: stage.endpoints.dynamodb, sqs: stage.endpoints.sqs, ssm: stage.endpoints.s3, 'cognito-idp': stage.endpoints.cognito },
      context: { keySchemas: new Map() },
    });
    client = new CognitoIdentityProviderClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: gateway.endpoint, maxAttempts: 1 });
    const direct = cognitoClient(stage.stack.staff!.endpoint);
    otherPool = (await direct.send(new CreateUserPoolCommand({ PoolName: 'another-pool' }))).UserPool!.Id!;
    direct.destroy();
  });
  afterAll(async () => {
    client.destroy();
    await gateway.stop();
  });

  it('lets Admin list the staff pool, refuses it another pool, and refuses an action it was not granted (AdminDeleteUser)', async () => {
    await expect(client.send(new ListUsersCommand({ UserPoolId: stage.stack.staff!.userPoolId }))).resolves.toBeDefined();
    await expect(client.send(new ListUsersCommand({ UserPoolId: otherPool }))).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringMatching(/not authorized to perform: cognito-idp:ListUsers on resource: arn:aws:cognito-idp:[^:]+:\d+:userpool\//) });
    await expect(client.send(new AdminDeleteUserCommand({ UserPoolId: stage.stack.staff!.userPoolId, Username: EDITOR.username }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(await subOf(EDITOR.username)).toBeTruthy();
  });
});
