/** The messages the handlers pass each other through SQS: small JSON bodies naming what to do. */
import { z } from 'zod';

/** RenderQueue: render an article's current version (the version is the one ingest wrote; a newer head wins). */
export const renderJobSchema = z.strictObject({ doi: z.string().min(1), version: z.number().int().positive() });
export type RenderJob = z.infer<typeof renderJobSchema>;

/** SiteQueue: rebuild an issue's table of contents and the site-wide files. */
export const siteJobSchema = z.strictObject({ journalId: z.string().min(1), issueId: z.string().min(1) });
export type SiteJob = z.infer<typeof siteJobSchema>;

/** DepositQueue: register the DOIs of an issue's rendered articles with Crossref (what changed since the last deposit). */
export const depositJobSchema = z.strictObject({ journalId: z.string().min(1), issueId: z.string().min(1) });
export type DepositJob = z.infer<typeof depositJobSchema>;

export type Parsed<T> = { readonly ok: true; readonly job: T } | { readonly ok: false; readonly reason: string };

/** Parses a message body; a body that is not a job is a poison message, never an exception. */
export function parseJob<T>(schema: z.ZodType<T>, body: string): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the message body is not JSON' };
  }
  const result = schema.safeParse(value);
  return result.success ? { ok: true, job: result.data } : { ok: false, reason: `not a job: ${result.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}` };
}
