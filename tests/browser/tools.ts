/**
 * The programs the browser tests drive, found on this machine: Debian's Chromium (installed by
 * scripts/setup-browser.sh; Playwright never downloads a browser of its own) and Java for the Nu
 * HTML Checker (infra/local/setup-java.sh). In CI a missing program fails the suite; on a
 * developer's machine it is skipped with a message saying which script installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoDir } from '#tests/helpers/shared';

export const CHROMIUM = process.env.COLOPHON_CHROMIUM ?? '/usr/bin/chromium';
export const VNU_JAR = join(repoDir, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** Headless, sandbox off (root in CI), and nothing that would reach the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const javaRuns = (): boolean => spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;

/** What is missing, each with the script that installs it. */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (run scripts/setup-browser.sh)`);
  if (!javaRuns()) missing.push('Java 17 for the Nu HTML Checker (run infra/local/setup-java.sh)');
  if (!existsSync(VNU_JAR)) missing.push(`${VNU_JAR} (run npm ci)`);
  return missing;
}

export type Browser = { readonly context: BrowserContext; close(): Promise<void> };

/** Chromium with a fresh profile (`--user-data-dir` in a new temporary folder), removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'colophon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
