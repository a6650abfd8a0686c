/**
 * The staff console in Debian's Chromium on the local stand-in (issue 15): an editor signs in
 * through the Cognito emulator, sees the journal's article with its render and Crossref state, opens
 * the form generated from the schema (each field with its description), makes a mistake that the
 * form shows at its field with the CLI's words, fixes it and saves; an editor of another journal
 * sees nothing of this one. axe-core finds no WCAG 2.1 A/AA violation on any of these screens.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStaffUser } from '#infra/local/cognito';
import { METADATA_DIR } from '#infra/local/paths';
import { publishFolder } from '#infra/local/publish';
import { repoDir } from '#tests/helpers/shared';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { axe } from '../browser/console-axe.ts';
import { launchChromium, missingTools, type Browser } from '../browser/tools.ts';
import { adminClient, query } from './admin-client.ts';
import { checkHtml, describeMessages } from '../browser/vnu.ts';

/** Screenshots for people to look at (git-ignored, like tests/browser's). */
const SHOTS = join(repoDir, 'test-results/console');
const EDITOR = { username: 'console-editor', password: 'Console-editor-1!', groups: ['editor:balcanica'] };
const OTHER = { username: 'console-other', password: 'Console-other-1!', groups: ['editor:otherjournal'] };
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const missing = missingTools().filter((m) => m.startsWith('Chromium'));
if (missing.length > 0 && !ci) console.warn(`console browser test skipped, missing: ${missing.join('; ')}`);

// The page's globals, as far as the callbacks below use them (tests compile without the DOM lib).
declare const document: unknown;

let stage: TestStage;
let browser: Browser;
const admin = adminClient(() => stage);

async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${stage.stack.siteUrl}/admin/`);
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Journals' }).waitFor();
}

describe.runIf(missing.length === 0 || ci)('the staff console in a browser', () => {
  beforeAll(async () => {
    stage = await startTestStage();
    await publishFolder(stage.stack, METADATA_DIR);
    // A loaded machine (several suites at once) can take more than the default minute.
    await stage.stack.drain({ timeoutMs: 180_000 });
    const staff = stage.stack.staff!;
    await seedStaffUser(staff.endpoint, staff.userPoolId, EDITOR);
    await seedStaffUser(staff.endpoint, staff.userPoolId, OTHER);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stage?.stop();
  });

  it('signs an editor in and lists the journal’s article with its states; the sign-in and list pass axe', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stage.stack.siteUrl}/admin/`);
    await page.getByLabel('User name').waitFor();
    expect(await axe(page)).toEqual([]);
    await signIn(page, EDITOR);
    const row = page.getByRole('row', { name: /Additional Evidence/ });
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('10.2298/BALC1950375E');
    expect(await row.textContent()).toContain('rendered');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'catalog.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is readable on a tablet and on a laptop: the list and the editor fit the width, no sideways scrolling', async () => {
    type El = { getBoundingClientRect(): { right: number }; offsetParent: unknown };
    type Doc = { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): Iterable<El> };
    for (const size of [
      { width: 768, height: 1024 },
      { width: 1280, height: 800 },
    ]) {
      const page = await browser.context.newPage();
      await page.setViewportSize(size);
      const sideways = (): Promise<number> => page.evaluate(() => (document as Doc).documentElement.scrollWidth - (document as Doc).documentElement.clientWidth);
      const rightmostField = (): Promise<number> =>
        page.evaluate(() => Math.max(0, ...[...(document as Doc).querySelectorAll('input, textarea, select, button')].filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect().right)));
      await signIn(page, EDITOR);
      await page.getByRole('row', { name: /Additional Evidence/ }).waitFor();
      expect(await sideways(), `the list at ${size.width} px`).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: /Additional Evidence/ }).click();
      await page.getByLabel(/^doi( \(optional\))?$/).waitFor();
      expect(await sideways(), `the editor at ${size.width} px`).toBeLessThanOrEqual(0);
      expect(await rightmostField(), `the editor's fields at ${size.width} px`).toBeLessThanOrEqual(size.width);
      await page.close();
    }
  });

  it('shows a mistake at its field with the CLI’s words, and saves once it is fixed', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /Additional Evidence/ }).click();
    // Optional where journal.yaml has a doi_pattern, as Balcanica's has: the label says so.
    const doi = page.getByLabel(/^doi( \(optional\))?$/);
    await doi.waitFor();
    // Every field carries its description from the JSON Schema.
    expect(await page.locator('#field-doi-hint').textContent()).toContain("The DOI of the article, under the journal's doi_prefix");
    expect(await axe(page)).toEqual([]);

    await doi.fill('10.9999/BALC1950375E');
    await page.getByRole('button', { name: 'Check' }).click();
    const message = page.locator('#field-doi-error');
    await expect.poll(() => message.textContent(), { timeout: 30_000 }).toMatch(/10\.9999\/BALC1950375E/);
    expect(await page.locator('#error-summary').isVisible()).toBe(true);
    expect(await page.locator('#error-summary-list a').first().getAttribute('href')).toBe('#field-doi');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'editor-problem.png') });

    // The Nu HTML Checker: the page as served, and the form screen with a problem as the browser built it.
    const dir = mkdtempSync(join(tmpdir(), 'colophon-console-'));
    writeFileSync(join(dir, 'served.html'), await (await fetch(`${stage.stack.siteUrl}/admin/`)).text());
    writeFileSync(join(dir, 'form.html'), await page.content());
    const nu = checkHtml([join(dir, 'served.html'), join(dir, 'form.html')]);
    rmSync(dir, { recursive: true, force: true });
    expect(describeMessages(nu)).toEqual([]);

    await doi.fill('10.2298/BALC1950375E');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toBe('Saved as version 1.');
    expect(await message.textContent()).toBe('');
    expect(await page.locator('#error-summary').isHidden()).toBe(true);
    await page.close();
    // The Nu checker (Java) and three axe runs take more than the default minute on a loaded machine.
  }, 300_000);

  it('shows two editors’ conflicting saves side by side instead of overwriting, and lets the second start again from the first', async () => {
    const [first, second] = [await browser.context.newPage(), await browser.context.newPage()];
    for (const page of [first, second]) {
      await signIn(page, EDITOR);
      await page.getByRole('button', { name: /Additional Evidence/ }).click();
      await page.getByLabel('title', { exact: true }).waitFor();
    }
    await first.getByLabel('title', { exact: true }).fill('Title saved by the first editor');
    await first.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => first.locator('#editor-status').textContent(), { timeout: 30_000 }).toMatch(/^Saved as version \d+\.$/);
    await second.getByLabel('title', { exact: true }).fill('Title typed by the second editor');
    await second.getByRole('button', { name: 'Save draft' }).click();
    const conflict = second.locator('#conflict');
    await conflict.waitFor({ state: 'visible' });
    const text = await conflict.textContent();
    expect(text).toContain('Someone else saved this article');
    expect(text).toContain('Title saved by the first editor');
    expect(text).toContain('Title typed by the second editor');
    expect(await axe(second)).toEqual([]);
    await second.getByRole('button', { name: 'Start again from their version' }).click();
    expect(await second.getByLabel('title', { exact: true }).inputValue()).toBe('Title saved by the first editor');
    await Promise.all([first.close(), second.close()]);
  });

  it('publishes the issue from the page: the public landing page then shows the saved title', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /Additional Evidence|Title saved/ }).click();
    await page.getByLabel('title', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Publish issue' }).click();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toMatch(/^Publishing 1 article\(s\) \(batch .+\): the pages update in a minute\.$/);
    await stage.stack.drain({ timeoutMs: 120_000 });
    const landing = await (await fetch(`${stage.stack.siteUrl}/doi/10.2298/BALC1950375E/`)).text();
    expect(landing).toContain('<h1 lang="en">Title saved by the first editor</h1>');
    await page.close();
  });

  it('works with the keyboard alone: sign in, open the article, check it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stage.stack.siteUrl}/admin/`);
    await page.getByLabel('User name').waitFor();
    /** Presses Tab until the focused element matches, as a keyboard user would (at most `max` presses). */
    const tabTo = async (selector: string, max = 80): Promise<void> => {
      for (let n = 0; n < max; n++) {
        if (await page.locator(selector).evaluate((node) => node === (node.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`${selector} not reached with ${max} presses of Tab`);
    };
    await tabTo('#username');
    await page.keyboard.type(EDITOR.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(EDITOR.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Journals' }).waitFor();
    await tabTo('#catalog-list td button');
    await page.keyboard.press('Enter');
    await page.getByLabel('title', { exact: true }).waitFor();
    await tabTo('#validate');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toBe('No problems found.');
    await page.close();
  });

  it('edits contributors in a sub-form (names, ORCID, ROR) and shows a mistake at its field as the editor types, without pressing Check', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /Additional Evidence|Title saved/ }).click();
    const first = page.getByRole('group', { name: 'Contributor 1', exact: true });
    await first.getByLabel('family_name').waitFor();
    expect(await first.getByLabel('given_name').inputValue()).toBe('Andrey');
    expect(await first.getByLabel('family_name').inputValue()).toBe('Edemskiy');
    expect(await page.locator('#field-contributors-0-orcid-hint').textContent()).toContain('checksum');
    expect(await page.locator('textarea#field-contributors').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // A wrong check digit: the CLI's words appear at the ORCID field once the editor stops typing.
    await first.getByLabel('orcid').fill('0000-0002-1825-0098');
    const orcidError = page.locator('#field-contributors-0-orcid-error');
    await expect.poll(() => orcidError.textContent(), { timeout: 30_000 }).toMatch(/not a valid ORCID iD.*checksum/);
    expect(await first.getByLabel('orcid').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#error-summary-list a').first().getAttribute('href')).toBe('#field-contributors-0-orcid');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'contributors-live-check.png') });
    await first.getByLabel('orcid').fill('0000-0002-1825-0097');
    await expect.poll(() => orcidError.textContent(), { timeout: 30_000 }).toBe('');

    // A ROR id with a wrong check digit, in the affiliation's own fields.
    const affiliation = page.getByRole('group', { name: 'Affiliation 1 of contributor 1' });
    await affiliation.getByLabel('ror (ROR id)').fill('https://ror.org/05kgm8x48');
    const rorError = page.locator('#field-contributors-0-affiliations-0-ror-error');
    await expect.poll(() => rorError.textContent(), { timeout: 30_000 }).toMatch(/ROR/);
    await affiliation.getByLabel('ror (ROR id)').fill('https://ror.org/05kgm8x47');
    await expect.poll(() => rorError.textContent(), { timeout: 30_000 }).toBe('');
    // An added affiliation without a name is a problem at its name field until it is removed.
    await page.getByRole('button', { name: 'Add an affiliation to contributor 1' }).click();
    await expect.poll(() => page.locator('#field-contributors-0-affiliations-1-name-error').textContent(), { timeout: 30_000 }).not.toBe('');
    await page.getByRole('button', { name: 'Remove affiliation 2 of contributor 1' }).click();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toBe('Checked as you type: no problems.');
    await page.close();
  });

  it('creates a new issue and an article in it from the list, a mistake shown at its field first, nothing created until it is fixed', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /^New issue of / }).click();
    await page.getByLabel('Issue id').fill('LI-2020');
    await page.getByLabel('volume (optional)').fill('LI');
    await page.getByLabel('year', { exact: true }).fill('20');
    await page.getByLabel('published online (optional)').fill('2020-12-01');
    await page.locator('#create-form button[type=submit]').click();
    await expect.poll(() => page.locator('#new-year-error').textContent(), { timeout: 30_000 }).toMatch(/must be at least 1000/);
    expect(await page.locator('#create-summary').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('year', { exact: true }).fill('2020');
    await page.locator('#create-form button[type=submit]').click();
    const newIssue = page.getByRole('button', { name: 'New article in Vol. LI (2020) (new, not published yet)' });
    await newIssue.waitFor({ timeout: 30_000 });
    await newIssue.click();
    await page.getByLabel('Article id', { exact: true }).fill('stojanovic');
    await page.getByLabel('title', { exact: true }).fill('A Second Look at the Danube Question');
    await page.getByLabel(/^doi/).fill('10.2298/BALC2051001S');
    await page.locator('#create-form button[type=submit]').click();
    await expect.poll(() => page.locator('#editor-heading').textContent(), { timeout: 30_000 }).toBe('Article stojanovic (balcanica, LI-2020)');
    expect(await page.locator('#field-title').inputValue()).toBe('A Second Look at the Danube Question');
    expect(await axe(page)).toEqual([]);

    // Schedule it: the draft's online date becomes the day given.
    await page.getByLabel('Publish online on').fill('2099-01-01');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toMatch(/^Scheduled for 2099-01-01 as version 2/);
    await expect.poll(() => page.locator('#field-dates').inputValue(), { timeout: 30_000 }).toContain('2099-01-01');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('withdraws from the page only where the CLI would: Balcanica has no Crossmark policy, and the page says what to add', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /Additional Evidence|Title saved/ }).click();
    await page.getByLabel('Reason (for a withdrawal or a retraction)').fill('Published in error: a duplicate.');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toMatch(/^Nothing was saved/);
    expect(await page.locator('#error-summary').textContent()).toContain('crossmark_policy');
    await page.close();
  });

  /** Presses Tab until the focused element matches, as a keyboard user would (at most `max` presses). */
  const tabTo = async (page: Page, selector: string, max = 120): Promise<void> => {
    for (let n = 0; n < max; n++) {
      if (await page.locator(selector).evaluate((node) => node === (node.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} not reached with ${max} presses of Tab`);
  };
  const tocTitles = (page: Page): Promise<string[]> => page.locator('#toc-list li .toc-title').allTextContents();

  it('orders the table of contents with the keyboard alone, each move announced, and saves the order; axe finds nothing', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    // A second article in the seed's issue (which lists no order: its articles follow their first page).
    await page.getByRole('button', { name: 'New article in Vol. L (2019)' }).click();
    await page.getByLabel('Article id', { exact: true }).fill('petrovic');
    await page.getByLabel('title', { exact: true }).fill('Borders on Paper');
    await page.getByLabel(/^doi/).fill('10.2298/BALC1950397P');
    await page.locator('#create-form button[type=submit]').click();
    await expect.poll(() => page.locator('#editor-heading').textContent(), { timeout: 30_000 }).toBe('Article petrovic (balcanica, L-2019)');
    await page.getByRole('button', { name: '← All journals' }).first().click();
    await page.getByRole('heading', { name: 'Journals' }).waitFor();

    // From here on, the keyboard only.
    await tabTo(page, 'button:text-is("Order the contents of Vol. L (2019)")');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Table of contents: Vol. L (2019)' }).waitFor();
    await expect.poll(() => tocTitles(page), { timeout: 30_000 }).toEqual([expect.stringMatching(/^1\. (Additional Evidence|Title saved)/), '2. Borders on Paper']);
    expect(await axe(page)).toEqual([]);
    await tabTo(page, '#toc-down-a-edemskiy');
    await page.keyboard.press('Enter');
    expect(await tocTitles(page)).toEqual(['1. Borders on Paper', expect.stringMatching(/^2\. /)]);
    // Focus stays on the moved article (its other button, the one at the end being disabled), and the move is said aloud.
    expect(await page.evaluate(() => (document as unknown as { activeElement: { id: string } }).activeElement.id)).toBe('toc-up-a-edemskiy');
    await expect.poll(() => page.locator('#toc-live').textContent()).toMatch(/: now 2 of 2 in the issue\. Not saved yet\.$/);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'table-of-contents.png') });
    await tabTo(page, '#toc-save');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#toc-status').textContent(), { timeout: 30_000 }).toBe('Order saved as version 1. Publish the issue to make it public.');

    // Read back: the saved order, then dragged back with the mouse (drag and drop), and saved again.
    await page.getByRole('button', { name: '← All journals' }).first().click();
    await page.getByRole('button', { name: 'Order the contents of Vol. L (2019)' }).click();
    await expect.poll(() => tocTitles(page), { timeout: 30_000 }).toEqual(['1. Borders on Paper', expect.stringMatching(/^2\. /)]);
    await page.dragAndDrop('#toc-list li:nth-child(2)', '#toc-list li:nth-child(1)');
    expect(await tocTitles(page)).toEqual([expect.stringMatching(/^1\. (Additional Evidence|Title saved)/), '2. Borders on Paper']);
    await page.getByRole('button', { name: 'Save order' }).click();
    await expect.poll(() => page.locator('#toc-status').textContent(), { timeout: 30_000 }).toBe('Order saved as version 2. Publish the issue to make it public.');
    await page.close();
  });

  it('uploads a PDF galley straight to the stage’s storage, checked first: a file that is no PDF is refused at its field; axe finds nothing', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The refused file's 422 is logged by the browser as a failed load: expected; a CSP or CORS refusal is not.
    page.on('console', (m) => (m.type() === 'error' && !/status of 422/.test(m.text()) ? errors.push(m.text()) : undefined));
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /Additional Evidence|Title saved/ }).click();
    await page.getByLabel('title', { exact: true }).waitFor();
    const WORD = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(300, 1)]);
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'edemskiy.pdf', mimeType: 'application/pdf', buffer: WORD });
    await page.getByRole('button', { name: 'Upload and attach' }).click();
    await expect.poll(() => page.locator('#galley-file-error').textContent(), { timeout: 30_000 }).toMatch(/file "edemskiy\.pdf" is not a PDF/);
    expect(await page.getByLabel('File', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await axe(page)).toEqual([]);

    const pdf = readFileSync(join(repoDir, 'examples/exemplaria/XII-2024/carberry.pdf'));
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'edemskiy.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByLabel('Link text (optional)').fill('PDF (English)');
    await page.getByRole('button', { name: 'Upload and attach' }).click();
    await expect.poll(() => page.locator('#galley-status').textContent(), { timeout: 30_000 }).toMatch(/^Attached edemskiy\.pdf \(1 KB\) as draft version \d+\. Publish the issue to make it public\.$/);
    expect(await page.locator('#galley-file-error').textContent()).toBe('');
    expect(await page.locator('#field-galleys').inputValue()).toContain('edemskiy.pdf');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'galley-upload.png') });
    // The browser met no CSP refusal or failed request on the way (the upload went to the storage's own origin).
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an editor of another journal nothing of this one', async () => {
    const page = await browser.context.newPage();
    await signIn(page, OTHER);
    await expect.poll(() => page.locator('#catalog-list').textContent(), { timeout: 30_000 }).toContain('You are not an editor of any journal yet');
    expect(await page.content()).not.toContain('BALC1950375E');
    await page.close();
  });

  it('edits an abstract and references in sub-forms (one as text, one structured with a bad DOI shown at its field, then fixed), and saves them', async () => {
    const page = await browser.context.newPage();
    await signIn(page, EDITOR);
    await page.getByRole('button', { name: /Additional Evidence|Title saved/ }).click();
    const abstract = page.getByRole('group', { name: 'Abstract 1', exact: true });
    await abstract.getByLabel('text', { exact: true }).waitFor();
    expect(await abstract.getByLabel('language', { exact: true }).inputValue()).toBe('en');
    expect(await page.locator('textarea#field-abstract, textarea#field-references').count()).toBe(0);
    const summary = 'Khrushchev and Hoxha fell out over the Soviet naval base at Vlorë (edited in the console).';
    await abstract.getByLabel('text', { exact: true }).fill(summary);

    // Edemskiy's article has no references yet: one as printed, one with its parts.
    expect(await page.locator('fieldset.reference').count()).toBe(0);
    await page.getByRole('button', { name: 'Add a reference as text' }).click();
    const printed = 'Hoxha, Enver. <i>Hrushovianët</i>. Tiranë: 8 Nëntori, 1980.';
    await page.getByRole('group', { name: 'Reference 1 (text)' }).getByLabel('text', { exact: true }).fill(printed);
    await page.getByRole('button', { name: 'Add a structured reference' }).click();
    const structured = page.getByRole('group', { name: 'Reference 2 (structured)' });
    await structured.getByLabel('citation', { exact: true }).fill('Pavlović, M. Consuls on the Danube. Balcanica 50 (2019): 1–20.');
    await structured.getByLabel('type (optional)').selectOption('journal-article');
    await structured.getByLabel('title (optional)').fill('Consuls on the Danube');
    await structured.getByLabel('year (optional)').fill('2019');
    expect(await page.locator('#field-references-1-doi-hint').textContent()).toContain('The DOI of the cited work');
    await structured.getByLabel('doi (optional)').fill('not-a-doi');
    const doiError = page.locator('#field-references-1-doi-error');
    await expect.poll(() => doiError.textContent(), { timeout: 30_000 }).toMatch(/"not-a-doi" is not a DOI/);
    expect(await structured.getByLabel('doi (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#error-summary-list a').first().getAttribute('href')).toBe('#field-references-1-doi');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'references.png') });
    await structured.getByLabel('doi (optional)').fill('10.2298/BALC1950001P');
    await expect.poll(() => doiError.textContent(), { timeout: 30_000 }).toBe('');
    // Moved up: the structured reference comes first.
    await page.getByRole('button', { name: 'Move reference 2 up' }).click();
    await page.getByRole('group', { name: 'Reference 1 (structured)' }).waitFor();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toBe('Checked as you type: no problems.');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('#editor-status').textContent(), { timeout: 30_000 }).toMatch(/^Saved as version \d+\.$/);
    const token = await admin.signIn(EDITOR);
    const saved = await admin.call('GET', `/api/admin/draft?${query({ journal: 'balcanica', issue: 'L-2019', article: 'edemskiy' })}`, token);
    expect(saved.status).toBe(200);
    const data = saved.body.data as { abstract: Record<string, string>; references: unknown[] };
    expect(data.abstract).toEqual({ en: summary });
    expect(data.references).toEqual([
      { citation: 'Pavlović, M. Consuls on the Danube. Balcanica 50 (2019): 1–20.', type: 'journal-article', title: 'Consuls on the Danube', year: '2019', doi: '10.2298/BALC1950001P' },
      printed,
    ]);
    await page.close();
  });
});
