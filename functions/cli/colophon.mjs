#!/usr/bin/env node
// The `colophon` bin. The CLI is TypeScript (main.ts and the core it shares with the handlers);
// tsx's loader compiles it on the fly, on Node 20 and 22 alike, so there is no build step.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
});
