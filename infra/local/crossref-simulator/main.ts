/**
 * Runs the Crossref simulator as a process for the local stack:
 *
 *   npx tsx infra/local/crossref-simulator/main.ts --schemas ../shared/schemas --port 8093 \
 *     --login-id colophon/role --password local
 *
 * Everything comes from the arguments (the simulator reads no environment). Stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startCrossrefSimulator } from './server.ts';

const { values } = parseArgs({
  options: {
    schemas: { type: 'string' },
    port: { type: 'string', default: '0' },
    'login-id': { type: 'string', default: 'colophon' },
    password: { type: 'string', default: 'local' },
    'result-after-polls': { type: 'string', default: '1' },
    prefix: { type: 'string', multiple: true },
    'callback-url': { type: 'string' },
  },
});

if (!values.schemas) {
  process.stderr.write('usage: main.ts --schemas <shared/schemas dir> [--port N] [--login-id ID] [--password PW] [--result-after-polls N] [--prefix 10.x]... [--callback-url URL]\n');
  process.exit(2);
}

const simulator = await startCrossrefSimulator({
  schemasDir: values.schemas,
  port: Number(values.port),
  credentials: { loginId: values['login-id'], password: values.password },
  resultAfterPolls: Number(values['result-after-polls']),
  ...(values.prefix ? { prefixes: values.prefix } : {}),
  ...(values['callback-url'] ? { callback: { url: values['callback-url'] } } : {}),
});
process.stdout.write(`${JSON.stringify({ event: 'crossref-simulator.started', url: simulator.url })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
