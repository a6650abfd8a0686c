/**
 * Issue 15's follow-ups, by keyboard alone in Debian's Chromium on the local stand-in (the rules of
 * tests/browser/keyboard.ts: Tab to each control, Enter, Space or typed keys; no click, no fill()):
 * - an editor removes a PDF galley from an article and publishes the issue: the new landing page
 *   no longer links it, and the file the earlier version linked is still served;
 * - an administrator works the Staff and roles page: invites an editor, gives them a second
 *   journal, disables and enables the account, the focus staying on the control just used.
 * axe-core finds no WCAG 2.1 A/AA violation at each step, and the browser logs no error at all
 * (so no 404 for the site's /favicon.ico either, which Chromium asks for by itself on the console).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStaffUser } from '#infra/local/cognito';
import { METADATA_DIR } from '#infra/local/paths';
import { publishFolder, publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { axe } from '../browser/console-axe.ts';
import { focused, LONG, press, text, typeInto } from '../browser/keyboard.ts';
import { launchChromium, missingTools, type Browser } from '../browser/tools.ts';
import { fixtureSources } from './fixtures.ts';
import { siteKeys } from './inspect.ts';

const EDITOR = { username: 'keys-editor', password: 'Keys-editor-1!x', groups: ['editor:testjournal'] };
const ADMIN = { username: 'keys-admin', password: 'Keys-admin-1!x', groups: ['admin'] };
const TESTJOURNAL = 'Studia Balcanica Testimonia';
const BALCANICA = 'Balcanica - Annual of the Institute for Balkan Studies';
const DOI = '10.5555/sbt.2024.001';
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const missing = missingTools().filter((m) => m.startsWith('Chromium'));
if (missing.length > 0 && !ci) console.warn(`console keyboard test skipped, missing: ${missing.join('; ')}`);

let stage: TestStage;
let browser: Browser;

/** A new page that records every page error and every console error (a failed request is one). */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' ? errors.push(`${m.text()} (${m.location().url})`) : undefined));
  return { page, errors };
}

async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${stage.stack.siteUrl}/admin/`);
  await typeInto(page, page.locator('#username'), 'the user name field', user.username);
  await typeInto(page, page.locator('#password'), 'the password field', user.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Journals' }).waitFor(LONG);
}

describe.runIf(missing.length === 0 || ci)('the console by keyboard alone: galley removal, staff and roles', () => {
  beforeAll(async () => {
    stage = await startTestStage();
    await publishSources(stage.stack, fixtureSources());
    await publishFolder(stage.stack, METADATA_DIR);
    await stage.stack.drain({ timeoutMs: 300_000 });
    const staff = stage.stack.staff!;
    await seedStaffUser(staff.endpoint, staff.userPoolId, EDITOR);
    await seedStaffUser(staff.endpoint, staff.userPoolId, ADMIN);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stage?.stop();
  });

  it('an editor removes the PDF galley and publishes: the page no longer links it, the old file stays', async () => {
    const { page, errors } = await watchedPage();
    expect(await (await fetch(`${stage.stack.siteUrl}/doi/${DOI}/`)).text()).toContain('a01-petrovic.pdf');
    await signIn(page, EDITOR);

    // Open the article from the list, then its galleys.
    await press(page, page.getByRole('button', { name: /The Danube Question/ }).first(), 'the article a01-petrovic in the list');
    await expect.poll(() => text(page.locator('#editor-heading')), LONG).toBe('Article a01-petrovic (testjournal, 2024-12-3)');
    const list = page.locator('#galley-list');
    await expect.poll(() => text(list), LONG).toContain('a01-petrovic.pdf');
    expect(await axe(page)).toEqual([]);

    // Remove: the status says what happened, the focus goes to the list's heading, the PDF is gone from it.
    await press(page, page.getByRole('button', { name: 'Remove a01-petrovic.pdf' }), 'the Remove a01-petrovic.pdf button');
    await expect.poll(() => text(page.locator('#galley-remove-status')), LONG).not.toBe('');
    expect(await focused(page)).toMatch(/^h3#galley-list-heading/);
    expect(await text(list)).not.toContain('a01-petrovic.pdf');
    expect(await list.getByRole('button').allTextContents()).toEqual([expect.stringMatching(/^Remove /)]);
    expect(await axe(page)).toEqual([]);

    // Publish the issue from the article's form.
    await press(page, page.locator('#publish'), 'the Publish issue button');
    await expect.poll(() => text(page.locator('#editor-status')), LONG).toMatch(/^Publishing \d+ article\(s\)/);
    await stage.stack.drain({ timeoutMs: 240_000 });
    const landing = await (await fetch(`${stage.stack.siteUrl}/doi/${DOI}/`)).text();
    expect(landing).not.toContain('a01-petrovic.pdf');
    expect(landing).not.toContain('citation_pdf_url');
    // Nothing published is deleted: the address the earlier version gave still answers.
    expect(await siteKeys(stage.stack)).toContain(`doi/${DOI}/a01-petrovic.pdf`);
    expect((await fetch(`${stage.stack.siteUrl}/doi/${DOI}/a01-petrovic.pdf`)).status).toBe(200);
    expect(errors).toEqual([]);
    expect(stage.errors).toEqual([]);
    await page.close();
  }, 900_000);

  it('an administrator invites, gives a role, disables and enables by keyboard, the focus staying where it was', async () => {
    const { page, errors } = await watchedPage();
    await signIn(page, ADMIN);
    await press(page, page.getByRole('button', { name: 'Staff and roles' }), 'the Staff and roles button');
    await page.getByRole('heading', { name: 'Staff and roles' }).waitFor(LONG);
    await page.getByRole('row', { name: new RegExp(ADMIN.username) }).waitFor(LONG);
    expect(await axe(page)).toEqual([]);

    // Invite: name, e-mail, one journal's editor role (Space on the checkbox), Enter on Invite.
    await typeInto(page, page.getByLabel('Their sign-in name'), 'the sign-in name field', 'mira');
    await typeInto(page, page.getByLabel('Their e-mail address'), 'the e-mail field', 'mira@example.org');
    await press(page, page.locator('#invite-roles').getByLabel(`Editor of ${TESTJOURNAL}`), `the invite's Editor of ${TESTJOURNAL} box`, 'Space');
    await press(page, page.getByRole('button', { name: 'Invite' }), 'the Invite button');
    const status = page.locator('#users-status');
    await expect.poll(() => text(status), LONG).toMatch(/^Invited mira/);
    const row = page.getByRole('row', { name: /mira/ });
    expect(await row.getByLabel(`Editor of ${TESTJOURNAL}`).isChecked()).toBe(true);

    // Give a second journal with Space: the list is drawn again, and the focus is back on that box.
    const second = row.getByLabel(`Editor of ${BALCANICA}`);
    await press(page, second, `mira's Editor of ${BALCANICA} box`, 'Space');
    await expect.poll(() => second.isChecked(), LONG).toBe(true);
    await expect.poll(() => focused(page), LONG).toBe('input#role-mira-balcanica');
    expect(await text(status)).not.toBe('');

    // Disable, then enable: Enter on the row's button, which keeps the focus under its new name.
    await press(page, page.getByRole('button', { name: 'Disable mira' }), 'the Disable mira button');
    await expect.poll(() => text(row), LONG).toContain('Disabled: cannot sign in');
    await expect.poll(() => focused(page), LONG).toBe('button#enabled-mira "Enable mira"');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(row), LONG).toContain('Can sign in');
    await expect.poll(() => focused(page), LONG).toBe('button#enabled-mira "Disable mira"');
    expect(await text(page.locator('#users-audit'))).toContain(`${ADMIN.username} invited mira`);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 900_000);
});
