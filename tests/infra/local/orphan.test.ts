/**
 * `kill -9` of the process that started DynamoDB Local (`npm start`, a test run) must not leave
 * the Java process behind (issue 12: found by hand after the restart test, an orphan holding memory
 * and its port). The launcher watches its stdin pipe, which the kernel closes with its parent.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '#infra/local/paths';

/** Alive and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

let javaPid: number | undefined;
afterAll(() => {
  // The orphan a failing run leaves is this test's to clean up.
  if (javaPid !== undefined && alive(javaPid)) process.kill(javaPid, 'SIGKILL');
});

it('ends DynamoDB Local when the process that started it is killed with SIGKILL', async () => {
  // Prepare: a process that starts DynamoDB Local the way the stand-in does.
  const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/local/hold-dynamodb.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    (async () => {
      for await (const l of createInterface({ input: holder.stdout })) return [l];
      return [undefined];
    })(),
    new Promise<never>((_, reject) => holder.once('exit', (code) => reject(new Error(`the holder exited (${code}) before starting DynamoDB Local`)))),
  ]);
  javaPid = (JSON.parse(line!) as { pid: number }).pid;
  expect(alive(javaPid)).toBe(true);

  // Act
  holder.kill('SIGKILL');

  // Assess: gone, however long a loaded machine takes to notice (no timing is asserted: the wait is a ceiling).
  for (let waited = 0; alive(javaPid) && waited < 120_000; waited += 250) await sleep(250);
  expect(alive(javaPid)).toBe(false);
}, 180_000);
