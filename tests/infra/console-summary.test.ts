/** README's console lines are what `npm start` prints for metadata/ on the default port (issue 15). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { consoleLines } from '#infra/local/staff';
import { repoDir } from '#tests/helpers/shared';

describe('npm start prints the console and its local sign-in as the README shows them', () => {
  test('line for line', () => {
    const readme = readFileSync(join(repoDir, 'README.md'), 'utf8');
    const documented = /seeds a local editor of every journal in `metadata\/`, and prints after the URLs:\n\n```\n([\s\S]*?)```/.exec(readme)?.[1]?.trimEnd().split('\n');
    expect(consoleLines('http://127.0.0.1:8788', ['balcanica'])).toEqual(documented);
  });
});
