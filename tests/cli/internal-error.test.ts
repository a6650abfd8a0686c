/**
 * Exit 70 (issue 13 item 7): an error colophon did not expect tells staff what happened in one
 * line, what to do and where the details are; the stack goes to that file, never to the screen.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '#cli/main';
import { removeTempDirs, tempDir } from './run.ts';

afterAll(removeTempDirs);

describe('an internal error', () => {
  it('says what to do and where the details are, and writes the stack there instead of printing it', async () => {
    // Prepare: an output folder inside a regular file cannot be created (ENOTDIR), which build does not expect.
    const dir = tempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const errorDir = join(dir, 'errors');
    let stderr = '';
    let stdout = '';

    // Act
    const code = await main(['build', 'tests/fixtures/metadata', '--out', join(file, 'out')], { out: (t) => (stdout += t), err: (t) => (stderr += t), errorDir });

    // Assess
    expect(code).toBe(70);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^colophon: something went wrong inside colophon \(a bug, not a problem in your metadata\): Error: ENOTDIR/);
    expect(lines[1]).toBe('What to do: run the same command again (that is safe); if it fails the same way, send the details to the people who run Colophon for your journal.');
    const [written] = readdirSync(errorDir);
    expect(lines[2]).toBe(`Details: ${join(errorDir, written!)}`);
    expect(stderr).not.toMatch(/^\s+at /m);
    const details = readFileSync(join(errorDir, written!), 'utf8');
    expect(details).toContain(`command: colophon build tests/fixtures/metadata --out ${join(file, 'out')}`);
    expect(details).toMatch(/^\s+at /m);
    expect(stdout).toBe('');
  });
});
