/**
 * The console's Users page (issue 15): an admin (group `admin`) lists the staff, invites a new
 * member (Cognito e-mails them a temporary password; there is no self sign-up), gives and takes
 * roles (`admin`, or editor of one of the stage's journals: group `editor:<journal id>`), and
 * disables or enables an account. Everyone else gets 403 from every route here.
 * An admin cannot take their own admin role away or disable themselves: the stage could be left
 * with no admin, and nobody could undo it from the console.
 * Every change goes to the users' audit trail by user id (`sub`); e-mails are shown to admins in the
 * answer and never logged.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { Logger } from '#adapters/logger';
import type { StaffUser, StaffUsers } from '#adapters/staff-users';
import { AccessError, ADMIN_GROUP, EDITOR_PREFIX, type Staff } from './access.ts';
import { BadRequest, body, json, parse, slug, type Result } from './http.ts';

// Cognito's user names here: the pool signs in by user name or e-mail, so a user name may not look like an e-mail.
const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/i, 'a user name: 2 to 64 letters, digits, dot, dash or underscore (not an e-mail address)');
const inviteBody = z.strictObject({ username, email: z.email('an e-mail address such as ana@example.org').max(254), journals: z.array(slug).max(50).default([]), admin: z.boolean().default(false) });
const roleBody = z.strictObject({ username, role: z.union([z.literal('admin'), z.strictObject({ editor: slug })]), give: z.boolean() });
const enabledBody = z.strictObject({ username, enabled: z.boolean() });

export type UsersDeps = {
  readonly users: StaffUsers;
  /** The journals the stage has (id and title): roles are given only for these. */
  readonly journals: () => Promise<readonly { readonly id: string; readonly title: string }[]>;
  readonly log: Logger;
  readonly now: () => Date;
};

/** 403 for anyone not in the admin group, before anything is read. */
function requireAdmin(staff: Staff): void {
  if (!staff.admin) throw new AccessError(403, 'Only an administrator can see and change staff accounts. Ask one of your administrators to do this for you.');
}

const groupOf = (role: z.output<typeof roleBody>['role']): string => (role === 'admin' ? ADMIN_GROUP : `${EDITOR_PREFIX}${role.editor}`);
const roleText = (group: string): string => (group === ADMIN_GROUP ? 'administrator' : `editor of ${group.slice(EDITOR_PREFIX.length)}`);

/** What the page shows of a user: the groups as roles (admin, journals), the e-mail (admins only reach this). */
const view = (u: StaffUser) => ({
  username: u.username,
  sub: u.sub,
  ...(u.email === undefined ? {} : { email: u.email }),
  enabled: u.enabled,
  status: u.status,
  admin: u.groups.includes(ADMIN_GROUP),
  journals: u.groups.filter((g) => g.startsWith(EDITOR_PREFIX)).map((g) => g.slice(EDITOR_PREFIX.length)),
});

export function userRoutes(deps: UsersDeps) {
  async function knownJournal(journal: string): Promise<void> {
    const journals = await deps.journals();
    if (!journals.some((j) => j.id === journal)) {
      throw new BadRequest(`This stage has no journal "${journal}": choose one of ${journals.map((j) => j.id).join(', ') || '(none yet: publish a journal’s first issue with colophon publish)'}.`, 422);
    }
  }

  async function target(name: string): Promise<StaffUser> {
    const user = await deps.users.get(name);
    if (user === undefined) throw new BadRequest(`There is no staff member "${name}": check the user name in the list.`, 404);
    return user;
  }

  async function record(staff: Staff, action: string, user: StaffUser, role?: string): Promise<void> {
    await deps.users.audit({ by: staff.sub, action, user: user.sub, ...(role === undefined ? {} : { role }) }, deps.now().toISOString());
    deps.log.info('staff account changed', { by: staff.sub, action, user: user.sub, ...(role === undefined ? {} : { role }) });
  }

  /** GET /api/admin/users: every member of staff, the stage's journals (for the role choices) and the latest changes. */
  async function list(staff: Staff): Promise<Result> {
    requireAdmin(staff);
    const [users, journals, audit] = await Promise.all([deps.users.list(), deps.journals(), deps.users.auditTrail(50)]);
    return json(200, { users: users.map(view), journals, audit, you: staff.sub });
  }

  /** POST /api/admin/users: invites a member of staff (Cognito e-mails the temporary password) with the roles chosen. */
  async function invite(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    requireAdmin(staff);
    const input = parse(inviteBody, body(event));
    for (const journal of input.journals) await knownJournal(journal);
    const created = await deps.users.invite(input.username, input.email);
    if (!created.ok) return json(409, { message: `A staff member named "${input.username}" already exists. Choose another user name, or give "${input.username}" the roles in the list below.` });
    await record(staff, 'invite', created.user);
    const groups = [...(input.admin ? [ADMIN_GROUP] : []), ...input.journals.map((j) => `${EDITOR_PREFIX}${j}`)];
    for (const group of groups) {
      await deps.users.addToGroup(created.user.username, group);
      await record(staff, 'give role', created.user, group);
    }
    const roles = groups.map(roleText).join(', ') || 'no role yet (give one below)';
    return json(201, { user: view({ ...created.user, groups }), message: `Invited ${created.user.username}: Cognito is e-mailing them a temporary password, which they change when they first sign in. Roles: ${roles}.` });
  }

  /** POST /api/admin/users/role: gives or takes the admin role, or editor of one journal. */
  async function role(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    requireAdmin(staff);
    const input = parse(roleBody, body(event));
    if (input.role !== 'admin' && input.give) await knownJournal(input.role.editor);
    const user = await target(input.username);
    const group = groupOf(input.role);
    if (!input.give && group === ADMIN_GROUP && user.sub === staff.sub) {
      return json(409, { message: 'You cannot take away your own administrator role: the stage could be left without an administrator. Ask another administrator to do it.' });
    }
    if (input.give) await deps.users.addToGroup(user.username, group);
    else await deps.users.removeFromGroup(user.username, group);
    await record(staff, input.give ? 'give role' : 'take role', user, group);
    const after = await target(user.username);
    return json(200, { user: view(after), message: `${user.username} ${input.give ? 'is now' : 'is no longer'} ${roleText(group)}. It applies from their next sign-in (within an hour at most).` });
  }

  /** POST /api/admin/users/enabled: disables (no sign-in) or enables an account. */
  async function enabled(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    requireAdmin(staff);
    const input = parse(enabledBody, body(event));
    const user = await target(input.username);
    if (!input.enabled && user.sub === staff.sub) {
      return json(409, { message: 'You cannot disable your own account: you would be signed out with nobody to let you back in. Ask another administrator to do it.' });
    }
    await deps.users.setEnabled(user.username, input.enabled);
    await record(staff, input.enabled ? 'enable' : 'disable', user);
    const after = await target(user.username);
    return json(200, {
      user: view(after),
      message: input.enabled ? `${user.username} can sign in again, with the roles shown.` : `${user.username} can no longer sign in. A sign-in they already have ends within an hour; enable the account to let them back.`,
    });
  }

  return { list, invite, role, enabled };
}
