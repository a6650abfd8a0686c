/**
 * axe-core's WCAG 2.1 A/AA violations on a page of the staff console (or any page), for the console's
 * browser tests. Injected through the DevTools protocol (page.evaluate of the source), not a script
 * tag: the console's CSP allows no inline script.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { AXE_TAGS } from './crawl.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The page's globals, as far as the callback below uses them (tests compile without the DOM lib).
declare const document: unknown;

/** Each violation as `rule: target, target`; [] when axe finds none. */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const run = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await run.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, [...AXE_TAGS]);
}
