/**
 * The staff pool's users, as the console's Users page needs them (issue 15): list them with their
 * groups, invite one (Cognito's AdminCreateUser: Cognito e-mails the temporary password; nobody here
 * sees it), add and remove groups (an `editor:<journal>` group is created the first time it is
 * given), disable and enable. Only the actions in STAFF_USER_ACTIONS, on the staff pool alone: the
 * Admin role is granted exactly these (infra/constructs/staff-api.ts).
 *
 * The audit trail of these changes is in the records table under `AUDIT#~users` (the Admin role may
 * already write `AUDIT#` partitions; `~` cannot start a journal id): who, when, what, whom, by user
 * id (`sub`) only, never an e-mail, a password or a token.
 */
import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Every Cognito action the Users page uses; the Admin role gets these and no other, on the staff pool only. */
export const STAFF_USER_ACTIONS = [
  'cognito-idp:ListUsers',
  'cognito-idp:ListGroups',
  'cognito-idp:ListUsersInGroup',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:CreateGroup',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
] as const;

export type StaffUser = { readonly username: string; readonly sub: string; readonly email?: string; readonly enabled: boolean; readonly status: string; readonly groups: readonly string[] };
export type UserAuditEntry = { readonly at: string; readonly by: string; readonly action: string; readonly user: string; readonly role?: string };

export const USERS_AUDIT_PK = 'AUDIT#~users';

export type StaffUsers = {
  list(): Promise<StaffUser[]>;
  get(username: string): Promise<StaffUser | undefined>;
  /** Creates the user and has Cognito e-mail them a temporary password; false when the user name is taken. */
  invite(username: string, email: string): Promise<{ ok: true; user: StaffUser } | { ok: false }>;
  addToGroup(username: string, group: string): Promise<void>;
  removeFromGroup(username: string, group: string): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
  audit(entry: Omit<UserAuditEntry, 'at'>, at: string): Promise<void>;
  auditTrail(limit: number): Promise<UserAuditEntry[]>;
};

const attribute = (attributes: readonly AttributeType[] | undefined, name: string): string | undefined => attributes?.find((a) => a.Name === name)?.Value;
const withEmail = (email: string | undefined): { email?: string } => (email === undefined ? {} : { email });
const named = (error: unknown, name: string): boolean => (error as Error | undefined)?.name === name;

export function createStaffUsers(cognito: CognitoIdentityProviderClient, userPoolId: string, dynamo: DynamoDBDocumentClient, tableName: string): StaffUsers {
  async function pages<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[]; next: string | undefined }>): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    do {
      const page = await fetchPage(token);
      out.push(...page.items);
      token = page.next;
    } while (token !== undefined);
    return out;
  }

  async function list(): Promise<StaffUser[]> {
    const users = await pages(async (token) => {
      const out = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken: token }));
      return { items: out.Users ?? [], next: out.PaginationToken };
    });
    const groups = await pages(async (token) => {
      const out = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, NextToken: token }));
      return { items: (out.Groups ?? []).map((g) => g.GroupName!).filter(Boolean), next: out.NextToken };
    });
    // One call per group, not per user: a stage has a few groups (admin, one per journal) and many more users.
    const members = new Map<string, string[]>();
    for (const group of groups) {
      const inGroup = await pages(async (token) => {
        const out = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: group, NextToken: token }));
        return { items: out.Users ?? [], next: out.NextToken };
      });
      for (const u of inGroup) if (u.Username) members.set(u.Username, [...(members.get(u.Username) ?? []), group]);
    }
    return users
      .map((u): StaffUser => ({
        username: u.Username ?? '',
        sub: attribute(u.Attributes, 'sub') ?? '',
        ...withEmail(attribute(u.Attributes, 'email')),
        enabled: u.Enabled !== false,
        status: u.UserStatus ?? 'UNKNOWN',
        groups: (members.get(u.Username ?? '') ?? []).sort(),
      }))
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  async function get(username: string): Promise<StaffUser | undefined> {
    try {
      const out = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
      const all = await list();
      const email = attribute(out.UserAttributes, 'email');
      return { username: out.Username ?? username, sub: attribute(out.UserAttributes, 'sub') ?? '', ...(email === undefined ? {} : { email }), enabled: out.Enabled !== false, status: out.UserStatus ?? 'UNKNOWN', groups: all.find((u) => u.username === out.Username)?.groups ?? [] };
    } catch (error) {
      if (named(error, 'UserNotFoundException')) return undefined;
      throw error;
    }
  }

  async function invite(username: string, email: string): Promise<{ ok: true; user: StaffUser } | { ok: false }> {
    try {
      const out = await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          // The invitation goes to this address; it is verified because an admin vouches for it (account recovery uses it).
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      const u = out.User!;
      return { ok: true, user: { username: u.Username ?? username, sub: attribute(u.Attributes, 'sub') ?? '', email, enabled: u.Enabled !== false, status: u.UserStatus ?? 'FORCE_CHANGE_PASSWORD', groups: [] } };
    } catch (error) {
      if (named(error, 'UsernameExistsException')) return { ok: false };
      throw error;
    }
  }

  /** Adds the user to the group; a journal's first editor group is created then (a second admin doing the same at once is fine). */
  async function addToGroup(username: string, group: string): Promise<void> {
    const add = () => cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }));
    try {
      await add();
      return;
    } catch (error) {
      if (!named(error, 'ResourceNotFoundException')) throw error;
    }
    try {
      await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
    } catch (error) {
      if (!named(error, 'GroupExistsException')) throw error;
    }
    await add();
  }

  async function removeFromGroup(username: string, group: string): Promise<void> {
    try {
      await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }));
    } catch (error) {
      // A group that does not exist holds nobody: nothing to take away.
      if (!named(error, 'ResourceNotFoundException')) throw error;
    }
  }

  async function setEnabled(username: string, enabled: boolean): Promise<void> {
    await cognito.send(enabled ? new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: username }) : new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: username }));
  }

  async function audit(entry: Omit<UserAuditEntry, 'at'>, at: string): Promise<void> {
    await dynamo.send(new PutCommand({ TableName: tableName, Item: { pk: USERS_AUDIT_PK, sk: `${at}#${randomUUID()}`, at, ...entry }, ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async function auditTrail(limit: number): Promise<UserAuditEntry[]> {
    const out = await dynamo.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': USERS_AUDIT_PK }, ScanIndexForward: false, Limit: limit }));
    return (out.Items ?? []).map((i) => ({ at: String(i.at), by: String(i.by), action: String(i.action), user: String(i.user), ...(i.role === undefined ? {} : { role: String(i.role) }) }));
  }

  return { list, get, invite, addToGroup, removeFromGroup, setEnabled, audit, auditTrail };
}
