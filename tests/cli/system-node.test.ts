/**
 * `npx colophon` under the machine's own Node (older than the Node 22 the repository installs)
 * prints no npm engine warning, and the bin hands over to the bundled Node 22 (issue 13, item 8).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repoDir } from '#tests/helpers/shared';

const SYSTEM_NODE = '/usr/bin/node';
const systemMajor = existsSync(SYSTEM_NODE) ? Number(spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) : NaN;

/** The environment of a terminal on this machine: the system Node first, none of npm's variables from the test run. */
const terminal = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
  PATH: '/usr/bin:/bin',
  npm_config_update_notifier: 'false',
});

describe.runIf(systemMajor < 22)(`npx colophon on the system Node ${systemMajor}`, () => {
  test('prints no EBADENGINE warning and runs the command', () => {
    // Act
    const run = spawnSync('/usr/bin/npx', ['colophon', 'validate', 'metadata'], { cwd: repoDir, env: terminal(), encoding: 'utf8', timeout: 120_000 });
    // Assess
    expect(run.stderr).not.toContain('EBADENGINE');
    expect(run.stderr).toBe('');
    // The seed's journal.yaml has no licence: validate warns about it (issue 14) and still says OK.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('OK: 1 journal, 1 issue, 1 article in metadata (1 warning above)');
    expect(run.status).toBe(0);
  });

  test('the bin hands over to the bundled Node 22', () => {
    // Act: a preload names the Node of every process it starts in (the launcher's and the CLI's)
    const run = spawnSync(SYSTEM_NODE, ['functions/cli/colophon.mjs', 'validate', 'metadata'], { cwd: repoDir, env: { ...terminal(), NODE_OPTIONS: '--import=./tests/cli/print-node-version.mjs' }, encoding: 'utf8' });
    // Assess
    expect(run.stderr.trim().split('\n').sort()).toEqual([`node v${systemMajor}`, 'node v22'].sort());
    // The seed's journal.yaml has no licence: validate warns about it (issue 14) and still says OK.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('OK: 1 journal, 1 issue, 1 article in metadata (1 warning above)');
    expect(run.status).toBe(0);
  });
});
