// Preloaded with NODE_OPTIONS=--import by tests/cli/system-node.test.ts: names the major version of the Node each process runs on.
import process from 'node:process';

process.on('exit', () => process.stderr.write(`node v${process.versions.node.split('.')[0]}\n`));
