/**
 * The local stand-in's IAM: one loopback gateway per function, between that function's AWS SDK
 * clients and the emulators (its `AWS_ENDPOINT_URL_*` point here). Each request is checked against
 * the function's own policy from the synthesized template (iam-policy.ts); a request the role does
 * not allow is answered as AWS answers it (S3: 403 `AccessDenied`; the JSON services:
 * `AccessDeniedException`) and never reaches the emulator; an allowed one is passed through
 * untouched (Host kept as the client signed it: s3rver checks signatures).
 * The emulators themselves check no permissions (DynamoDB Local, s3rver and fauxqs accept any key),
 * and LocalStack enforces IAM only in its paid tier: this is where least privilege is proven locally.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { authorize, deniedMessage, type Permission, type Statement } from './iam-policy.ts';
import { permissionsOf, serviceOf, type RequestContext, type Service, type WireRequest } from './iam-request.ts';
import { listenLoopback, LOOPBACK } from './net.ts';

export type Denial = { readonly principal: string; readonly permission: Permission; readonly message: string };
export type IamGateway = { readonly endpoint: string; stop(): Promise<void> };
export type IamGatewayOptions = {
  /** `arn:aws:sts::<account>:assumed-role/<role>/<function>`, as AWS names the caller in its message. */
  readonly principal: string;
  readonly statements: readonly Statement[];
  readonly upstream: Readonly<Record<Service, string>>;
  readonly context: RequestContext;
  readonly onDenied?: (denial: Denial) => void;
};

export async function startIamGateway(options: IamGatewayOptions): Promise<IamGateway> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const wire: WireRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
      const service = serviceOf(wire);
      // A CORS preflight carries no credentials: S3 answers it from the bucket's CORS rules, never from IAM
      // (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTOPTIONSobject.html). The request that follows is checked.
      if (service === 's3' && wire.method === 'OPTIONS') {
        forward(req, wire, options.upstream.s3, res);
        return;
      }
      const decision = authorize(options.statements, permissionsOf(wire, options.context));
      if (!decision.allowed) {
        const message = deniedMessage(options.principal, decision);
        options.onDenied?.({ principal: options.principal, permission: decision.permission, message });
        deny(res, service, message, wire.method);
        return;
      }
      forward(req, wire, options.upstream[service], res);
    });
  });
  const port = await listenLoopback(server, 0);
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(req: IncomingMessage, wire: WireRequest, target: string, res: ServerResponse): void {
  const upstream = new URL(target);
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, 'content-length': String(wire.body.length) };
  delete headers['transfer-encoding'];
  const out = request({ host: upstream.hostname, port: upstream.port, method: wire.method, path: wire.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  out.end(wire.body);
}

/**
 * AWS's refusal, per protocol: S3 answers 403 with an XML `AccessDenied` (no body for HEAD);
 * DynamoDB, SQS (JSON), SSM and Cognito answer 400 with `AccessDeniedException`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
function deny(res: ServerResponse, service: Service, message: string, method: string): void {
  const requestId = randomUUID();
  if (service === 's3') {
    const body = method === 'HEAD' ? '' : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`;
    res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
    return;
  }
  const type = service === 'ssm' || service === 'cognito-idp' ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
  const body = JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message, Message: message });
  res.writeHead(400, { 'content-type': type, 'x-amzn-requestid': requestId, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
