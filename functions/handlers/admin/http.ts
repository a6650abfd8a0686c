/** The admin API's HTTP edge: JSON answers, bounded bodies, request schemas, errors with a status. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';

/** Drafts are one article's fields: far below this. Larger bodies are refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

export const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'a journal, issue or article id: letters, digits, dot, dash, underscore');
export const issueRef = z.strictObject({ journal: slug, issue: slug });
export const articleRef = issueRef.extend({ article: slug });
export const saveBody = articleRef.extend({ version: z.number().int().nonnegative(), data: z.record(z.string(), z.unknown()) });
export const checkBody = articleRef.extend({ data: z.record(z.string(), z.unknown()).optional() });

export type Result = APIGatewayProxyStructuredResultV2;
export const json = (statusCode: number, body: unknown): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  body: JSON.stringify(body),
});

export class BadRequest extends Error {
  override readonly name = 'BadRequest';
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 413 | 422 | 429 = 400,
  ) {
    super(message);
  }
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const out = schema.safeParse(value);
  if (!out.success) throw new BadRequest(`The request is not what this address takes: ${out.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return out.data;
}

export function body(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new BadRequest(`The request is larger than ${MAX_BODY_BYTES / 1024} KB.`, 413);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
}

export const header = (event: APIGatewayProxyEventV2, name: string): string | undefined => Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

