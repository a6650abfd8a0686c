#!/usr/bin/env node
// The `colophon` bin. The CLI is TypeScript (main.ts and the core it shares with the handlers);
// tsx's loader compiles it on the fly, so there is no build step. It runs on Node 22, the Lambda
// runtime, which the `node` devDependency installs: under an older system Node (which only runs
// npm and this launcher, hence package.json's `engines`), the launcher hands over to that Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const RUNTIME_MAJOR = 22;
const bundled = fileURLToPath(new globalThis.URL('../../node_modules/node/bin/node', import.meta.url));

if (Number(process.versions.node.split('.')[0]) < RUNTIME_MAJOR && existsSync(bundled)) {
  const child = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
});
