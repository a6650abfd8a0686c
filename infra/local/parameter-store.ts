/**
 * A minimal SSM Parameter Store on 127.0.0.1: the real wire protocol (AWS JSON 1.1, `POST /` with
 * `X-Amz-Target: AmazonSSM.GetParameter`), so the functions' own `@aws-sdk/client-ssm` client
 * reaches it through `AWS_ENDPOINT_URL_SSM` with no code path of its own. Only GetParameter is
 * served (the one call the functions make); parameters are SecureStrings seeded by the stand-in, in
 * memory only, and a SecureString is answered in clear only when asked `WithDecryption`, as SSM
 * does. Requests are not signature-checked, as for the other emulators; the functions' own calls
 * pass the IAM gateway first (iam-gateway.ts), which checks their role's `ssm:GetParameter` grants.
 * KMS is not emulated: on AWS the parameters are encrypted with the account's AWS managed key
 * `aws/ssm`, whose key policy lets any principal of the account decrypt through SSM, so the
 * `ssm:GetParameter` grant on the parameter's ARN is what decides (as it is checked here).
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK } from './net.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './paths.ts';

export type LocalParameter = { readonly name: string; readonly value: string };
export type ParameterStoreStandIn = {
  readonly endpoint: string;
  /** GetParameter calls served, by parameter name (for tests: the credentials were fetched, and cached). */
  readonly reads: Map<string, number>;
  stop(): Promise<void>;
};

const JSON_11 = 'application/x-amz-json-1.1';

/** A parameter's ARN as IAM sees it: `…:parameter/<name without its leading slash>`. */
export const parameterArn = (name: string): string => `arn:aws:ssm:${LOCAL_REGION}:${LOCAL_ACCOUNT}:parameter/${name.replace(/^\//, '')}`;

/** The parameter's name when `id` is its ARN (GetParameter takes either). */
export const parameterName = (id: string): string => {
  const match = /^arn:aws:ssm:[^:]*:[^:]*:parameter(\/.*)$/.exec(id);
  return match ? match[1]! : id;
};

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

export async function startParameterStore(parameters: readonly LocalParameter[]): Promise<ParameterStoreStandIn> {
  const modified = Date.now() / 1000;
  const reads = new Map<string, number>();
  const byName = new Map(parameters.map((p) => [p.name, p]));

  const server = createServer((req, res) => {
    void (async () => {
      const target = req.headers['x-amz-target'];
      if (req.method !== 'POST' || typeof target !== 'string') return error(res, 400, 'UnknownOperationException', 'expected POST / with X-Amz-Target');
      const body = await readBody(req);
      if (target !== 'AmazonSSM.GetParameter') return error(res, 400, 'UnknownOperationException', `${target} is not served by the local stand-in`);
      let input: { Name?: unknown; WithDecryption?: unknown };
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        return error(res, 400, 'SerializationException', 'the body is not JSON');
      }
      if (typeof input.Name !== 'string' || input.Name === '') return error(res, 400, 'ValidationException', 'Name is required');
      const parameter = byName.get(parameterName(input.Name));
      if (!parameter) return error(res, 400, 'ParameterNotFound', `Parameter ${input.Name} not found.`);
      reads.set(parameter.name, (reads.get(parameter.name) ?? 0) + 1);
      // Without WithDecryption, SSM returns a SecureString's ciphertext (base64), never the value.
      const value = input.WithDecryption === true ? parameter.value : Buffer.from(`local-ciphertext:${randomUUID()}`).toString('base64');
      reply(res, 200, { Parameter: { Name: parameter.name, Type: 'SecureString', Value: value, Version: 1, LastModifiedDate: modified, ARN: parameterArn(parameter.name), DataType: 'text' } });
    })().catch((e: unknown) => {
      if (!res.headersSent) error(res, 500, 'InternalServerError', (e as Error).message);
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
