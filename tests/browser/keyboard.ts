/**
 * The console by keyboard alone, for the browser tests on the local stand-in: every control is
 * reached by pressing Tab (`tabTo`, bounded, failing with where the focus got stuck) and worked with
 * Enter, Space or typed keys; no click, no fill(). Shared by console-goal.test.ts and
 * console-keyboard.test.ts.
 */
import type { Locator, Page } from 'playwright-core';

// The page's globals, as far as the callbacks below use them (tests compile without the DOM lib).
declare const document: unknown;
type Focusable = { id: string; tagName: string; textContent: string | null; getAttribute(name: string): string | null };

/** On a loaded machine (six suites on two cores) a step can take minutes: wait on states, generously. */
export const LONG = { timeout: 180_000 };

/** The focused element, described for a failure message: tag#id "its name". */
export const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const node = (document as { activeElement: Focusable | null }).activeElement;
    if (!node) return 'nothing';
    const name = (node.getAttribute('aria-label') ?? node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${name ? ` "${name}"` : ''}`;
  });

/** Presses of Tab or Shift+Tab so far in this test file, for a test's own report of the effort. */
export const presses = { tabs: 0 };

/**
 * Presses Tab until `target` has the focus, as a keyboard user would, at most `max` times: Shift+Tab
 * when the target comes before the focused control in the page (a person goes back up rather than
 * round), Tab otherwise (the page wraps round from its last control to its first). Fails saying what
 * could not be reached and where the focus was instead: that is a console bug, not a test to loosen.
 */
export async function tabTo(page: Page, target: Locator, what: string, max = 250): Promise<void> {
  await target.waitFor({ state: 'visible', ...LONG });
  // DOCUMENT_POSITION_PRECEDING (2): the target is above the focused element.
  const above = await target.evaluate((node) => {
    const active = (node.ownerDocument as unknown as { activeElement: { compareDocumentPosition(n: unknown): number; tagName: string } | null }).activeElement;
    return active !== null && !/^(BODY|MAIN)$/.test(active.tagName) && (active.compareDocumentPosition(node) & 2) !== 0;
  });
  for (let n = 0; n <= max; n++) {
    if (await target.evaluate((node) => node === (node.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
    if (n === max) break;
    await page.keyboard.press(above ? 'Shift+Tab' : 'Tab');
    presses.tabs++;
  }
  throw new Error(`${what} cannot be reached with the keyboard: ${max} presses of ${above ? 'Shift+Tab' : 'Tab'} never focused it (the focus is on ${await focused(page)})`);
}

/** Tab to `target`, then press `key` on it (Enter by default). */
export async function press(page: Page, target: Locator, what: string, key = 'Enter'): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

/** Tab to a text field and type into it (after selecting what it held, as Ctrl+A does). */
export async function typeInto(page: Page, target: Locator, what: string, text: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A locator's text, trimmed. */
export const text = (locator: Locator): Promise<string> => locator.textContent().then((t) => (t ?? '').trim());
