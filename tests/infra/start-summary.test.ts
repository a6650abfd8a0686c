/**
 * README's `npm start` lines are what it prints: the block after "prints the local URLs" is
 * compared with what infra/local/start.ts prints for the repository's metadata on the default port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { portNotice, urlLines } from '#infra/local/summary';
import { repoDir } from '#tests/helpers/shared';

describe('npm start prints what the README shows', () => {
  test('the URL lines for metadata/ on port 8788, line for line', () => {
    // Prepare
    const readme = readFileSync(join(repoDir, 'README.md'), 'utf8');
    const documented = /prints the local URLs, for example:\n\n```\n([\s\S]*?)```/.exec(readme)?.[1]?.trimEnd().split('\n');
    const loaded = loadMetadata(join(repoDir, 'metadata'));
    if (!loaded.ok) throw new Error('metadata/ loads');
    // Act
    const printed = urlLines('http://127.0.0.1:8788', loaded.bundles);
    // Assess
    expect(printed).toEqual(documented);
    expect(printed.at(-1)).toBe('OAI-PMH: http://127.0.0.1:8788/api/oai?verb=Identify');
  });

  test('says when the preferred port was taken, and nothing when it was not; the README says so too', () => {
    const readme = readFileSync(join(repoDir, 'README.md'), 'utf8');
    expect(portNotice(8788, 8788)).toEqual([]);
    expect(portNotice(8788, 40123)).toEqual(['port 8788 is taken (another npm start?): the site is on port 40123 instead; colophon publish and status find it by themselves']);
    expect(readme).toContain('port 8788 is taken (another npm start?): the site is on port');
  });
});
