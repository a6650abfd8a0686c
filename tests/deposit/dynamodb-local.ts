/**
 * A minimal DynamoDB Local for the deposit tests, until infra/local has the shared launcher.
 * The jar comes from the npm package `amplify-dynamodb-simulator` (npm pack into .cache/, once);
 * Java 17 runs it in memory on a free port. Also creates the records table (pk/sk + gsi1..3).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { repoDir } from '../helpers/shared.ts';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const cache = join(repoDir, '.cache', 'dynamodb-local');
const emulator = join(cache, 'package', 'emulator');

function ensureJar(): void {
  if (existsSync(join(emulator, 'DynamoDBLocal.jar'))) return;
  mkdirSync(cache, { recursive: true });
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
  execFileSync('tar', ['xzf', tgz], { cwd: cache });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type DynamoLocal = { readonly endpoint: string; readonly client: DynamoDBClient; stop(): Promise<void> };

export async function startDynamoLocal(): Promise<DynamoLocal> {
  ensureJar();
  const port = await freePort();
  const child: ChildProcess = spawn(
    'java',
    ['-Xmx256m', `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`, '-jar', join(emulator, 'DynamoDBLocal.jar'), '-inMemory', '-sharedDb', '-disableTelemetry', '-port', String(port)],
    { stdio: 'ignore' },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill();
        throw new Error(`DynamoDB Local did not start on ${endpoint}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    endpoint,
    client,
    stop: async () => {
      client.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** The records table as infra/constructs/records-table.ts defines it. */
export async function createRecordsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const indexes = ['gsi1', 'gsi2', 'gsi3'];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        ...indexes.flatMap((n) => [
          { AttributeName: `${n}pk`, AttributeType: 'S' as const },
          { AttributeName: `${n}sk`, AttributeType: 'S' as const },
        ]),
      ],
      GlobalSecondaryIndexes: indexes.map((n) => ({
        IndexName: n,
        KeySchema: [
          { AttributeName: `${n}pk`, KeyType: 'HASH' as const },
          { AttributeName: `${n}sk`, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      })),
    }),
  );
}
