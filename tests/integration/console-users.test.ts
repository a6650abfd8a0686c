/**
 * Staff and roles in the console, in Debian's Chromium on the local stand-in (issue 15): an admin
 * opens "Staff and roles", invites a member of staff as editor of one journal; the invited person
 * signs in with the temporary password Cognito sent (here: the emulator's outbox), chooses their own
 * password, and sees that journal only, with no "Staff and roles" button; the API answers them 403
 * on the users routes. axe-core finds no WCAG 2.1 A/AA violation on the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStaffUser } from '#infra/local/cognito';
import { METADATA_DIR } from '#infra/local/paths';
import { publishFolder, publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { axe } from '../browser/console-axe.ts';
import { launchChromium, missingTools, type Browser } from '../browser/tools.ts';
import { adminClient } from './admin-client.ts';
import { fixtureSources } from './fixtures.ts';

const ADMIN = { username: 'console-admin', password: 'Console-admin-1!', groups: ['admin'] };
const INVITED = { username: 'lena', email: 'lena@example.org', password: 'Lena-chosen-1!' };
const TESTJOURNAL = 'Studia Balcanica Testimonia';
const BALCANICA = 'Balcanica - Annual of the Institute for Balkan Studies';
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const missing = missingTools().filter((m) => m.startsWith('Chromium'));
if (missing.length > 0 && !ci) console.warn(`console users browser test skipped, missing: ${missing.join('; ')}`);

let stage: TestStage;
let browser: Browser;
const api = adminClient(() => stage);

/** What the emulator "e-mailed" the user (infra/local/cognito-process.ts): their temporary password. */
async function temporaryPassword(username: string): Promise<string> {
  const response = await fetch(stage.stack.staff!.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ColophonLocalOutbox' }, body: JSON.stringify({ Username: username }) });
  return ((await response.json()) as { Messages: { code: string }[] }).Messages.at(-1)!.code;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${stage.stack.siteUrl}/admin/`);
  await page.getByLabel('User name', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.runIf(missing.length === 0 || ci)('staff and roles in the console', () => {
  beforeAll(async () => {
    stage = await startTestStage();
    await publishSources(stage.stack, fixtureSources());
    await publishFolder(stage.stack, METADATA_DIR);
    await stage.stack.drain({ timeoutMs: 300_000 });
    const staff = stage.stack.staff!;
    await seedStaffUser(staff.endpoint, staff.userPoolId, ADMIN);
    browser = await launchChromium();
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
    await stage?.stop();
  });

  it('an admin invites a member of staff as editor of one journal; the page passes axe', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByRole('heading', { name: 'Journals' }).waitFor();
    await page.getByRole('button', { name: 'Staff and roles' }).click();
    await page.getByRole('row', { name: new RegExp(ADMIN.username) }).waitFor();
    // The admin's own admin role is marked "(you)".
    expect(await page.getByLabel('Administrator (you)').isChecked()).toBe(true);
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('Their sign-in name').fill(INVITED.username);
    await page.getByLabel('Their e-mail address').fill(INVITED.email);
    await page.locator('#invite-roles').getByLabel(`Editor of ${TESTJOURNAL}`).check();
    await page.getByRole('button', { name: 'Invite' }).click();
    const status = page.locator('#users-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^Invited lena: Cognito is e-mailing them a temporary password/);
    const row = page.getByRole('row', { name: /lena/ });
    expect(await row.textContent()).toContain(INVITED.email);
    expect(await row.textContent()).toContain('has not chosen a password yet');
    expect(await row.getByLabel(`Editor of ${TESTJOURNAL}`).isChecked()).toBe(true);
    expect(await row.getByLabel(`Editor of ${BALCANICA}`).isChecked()).toBe(false);
    expect(await page.locator('#users-audit').textContent()).toContain('console-admin invited lena');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the invited editor signs in with the temporary password, chooses their own, and sees only that journal and no Users page', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, INVITED.username, await temporaryPassword(INVITED.username));
    const choose = page.getByLabel('Choose your own password');
    await choose.waitFor();
    expect(await axe(page)).toEqual([]);
    await choose.fill(INVITED.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Journals' }).waitFor();
    await page.getByRole('heading', { name: TESTJOURNAL }).waitFor();
    expect(await page.locator('#catalog-list h2').allTextContents()).toEqual([TESTJOURNAL]);
    expect(await page.locator('#catalog').textContent()).not.toContain('Balcanica - Annual');
    expect(await page.getByRole('button', { name: 'Staff and roles' }).count()).toBe(0);
    expect(await page.locator('#users').isHidden()).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();

    // The API refuses them the users routes, whatever a page shows.
    const token = await api.signIn({ username: INVITED.username, password: INVITED.password });
    const answer = await api.call('GET', '/api/admin/users', token);
    expect(answer.status).toBe(403);
    expect((await api.call('POST', '/api/admin/users/role', token, { username: INVITED.username, role: 'admin', give: true })).status).toBe(403);
  });
});
