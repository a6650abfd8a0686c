/**
 * A minimal Secrets Manager on 127.0.0.1: the real wire protocol (AWS JSON 1.1, `POST /` with
 * `X-Amz-Target: secretsmanager.GetSecretValue`), so the functions' own SDK client reaches it
 * through `AWS_ENDPOINT_URL_SECRETS_MANAGER` with no code path of its own. Only GetSecretValue is
 * served (the one call the functions make); secrets are seeded by the stand-in, in memory only.
 * Requests are not signature-checked, as for the other emulators; the functions' own calls pass the
 * IAM gateway first (iam-gateway.ts), which checks their role's grants.
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK } from './net.ts';

export type LocalSecret = { readonly arn: string; readonly name: string; readonly value: string };
export type SecretsManagerStandIn = {
  readonly endpoint: string;
  /** GetSecretValue calls served, by secret name (for tests: the credentials were fetched, and cached). */
  readonly reads: Map<string, number>;
  stop(): Promise<void>;
};

const JSON_11 = 'application/x-amz-json-1.1';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': JSON_11, 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
}

/** The AWS JSON error shape: `__type` names the exception the SDK throws. */
const error = (res: ServerResponse, status: number, type: string, message: string): void => reply(res, status, { __type: type, message });

export async function startSecretsManager(secrets: readonly LocalSecret[]): Promise<SecretsManagerStandIn> {
  const created = Date.now() / 1000;
  const versions = new Map(secrets.map((s) => [s.arn, randomUUID()]));
  const reads = new Map<string, number>();
  // Secrets Manager finds a secret by its full ARN or its name.
  const find = (id: string): LocalSecret | undefined => secrets.find((s) => s.arn === id || s.name === id);

  const server = createServer((req, res) => {
    void (async () => {
      const target = req.headers['x-amz-target'];
      if (req.method !== 'POST' || typeof target !== 'string') return error(res, 400, 'UnknownOperationException', 'expected POST / with X-Amz-Target');
      const body = await readBody(req);
      if (target !== 'secretsmanager.GetSecretValue') return error(res, 400, 'UnknownOperationException', `${target} is not served by the local stand-in`);
      let input: { SecretId?: unknown; VersionStage?: unknown };
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        return error(res, 400, 'SerializationException', 'the body is not JSON');
      }
      if (typeof input.SecretId !== 'string' || input.SecretId === '') return error(res, 400, 'InvalidParameterException', 'SecretId is required');
      if (input.VersionStage !== undefined && input.VersionStage !== 'AWSCURRENT') return error(res, 400, 'ResourceNotFoundException', 'only AWSCURRENT exists locally');
      const secret = find(input.SecretId);
      if (!secret) return error(res, 400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      reads.set(secret.name, (reads.get(secret.name) ?? 0) + 1);
      reply(res, 200, { ARN: secret.arn, Name: secret.name, SecretString: secret.value, VersionId: versions.get(secret.arn), VersionStages: ['AWSCURRENT'], CreatedDate: created });
    })().catch((e: unknown) => {
      if (!res.headersSent) error(res, 500, 'InternalServiceError', (e as Error).message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    reads,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
