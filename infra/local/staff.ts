/**
 * The staff console on `npm start` (issue 15): the local editor it seeds in the Cognito emulator,
 * and the lines it prints (README shows them). Local only: the password is printed because the
 * emulator's pool holds nothing but this machine's test data; on AWS an admin invites staff.
 */
export const LOCAL_EDITOR = { username: 'editor', password: 'Colophon-local-1' } as const;
/** A local administrator (issue 15, users): the console's Staff and roles page, to invite and give roles locally. */
export const LOCAL_ADMIN = { username: 'admin', password: 'Colophon-admin-1' } as const;

/** `console: http://127.0.0.1:8788/admin/` and the sign-in, labels aligned with urlLines. */
export function consoleLines(siteUrl: string, journals: readonly string[]): string[] {
  return [`${'console:'.padEnd(9)}${siteUrl}/admin/`, `${'sign-in:'.padEnd(9)}user ${LOCAL_EDITOR.username}, password ${LOCAL_EDITOR.password} (editor of ${journals.join(', ') || 'no journal'})`, `${'admin:'.padEnd(9)}user ${LOCAL_ADMIN.username}, password ${LOCAL_ADMIN.password} (administrator: Staff and roles)`];
}
