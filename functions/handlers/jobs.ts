/**
 * The messages the handlers pass each other through SQS: small JSON bodies naming what to do.
 * Validated with zod/mini, which bundles only the checks used (13 KiB, where zod's chained API is
 * 90 KiB and ~10 ms of the Render, Site and Deposit cold starts, issue 16), with zod's English
 * messages, so a poison message's reason reads as it did.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

/** RenderQueue: render an article's current version (the version is the one ingest wrote; a newer head wins). */
export const renderJobSchema = z.strictObject({
  doi: z.string().check(z.minLength(1)),
  version: z.int().check(z.positive()),
  /** Render even if this version is rendered: what the page shows of other articles changed (a notice about it). */
  refresh: z.optional(z.literal(true)),
});
export type RenderJob = z.infer<typeof renderJobSchema>;

/** A job about one issue: Render sends one per issue it touched to SiteQueue and to DepositQueue. */
export const issueJobSchema = z.strictObject({ journalId: z.string().check(z.minLength(1)), issueId: z.string().check(z.minLength(1)) });
export type IssueJob = z.infer<typeof issueJobSchema>;

/** SiteQueue: rebuild an issue's table of contents and the site-wide files. */
export type SiteJob = IssueJob;

/** DepositQueue: register the DOIs of an issue's rendered articles with Crossref (what changed since the last deposit). */
export type DepositJob = IssueJob;

export type Parsed<T> = { readonly ok: true; readonly job: T } | { readonly ok: false; readonly reason: string };

/** Parses a message body; a body that is not a job is a poison message, never an exception. */
export function parseJob<T>(schema: z.ZodMiniType<T>, body: string): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the message body is not JSON' };
  }
  const result = schema.safeParse(value);
  return result.success ? { ok: true, job: result.data } : { ok: false, reason: `not a job: ${result.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ')}` };
}

/** The issues an SQS batch of issue jobs names, each once with every message that named it, and the messages that are not jobs. */
export function issueJobsOf(messages: readonly { readonly messageId: string; readonly body: string }[]): {
  readonly issues: readonly { readonly job: IssueJob; readonly messageIds: readonly string[] }[];
  readonly poison: readonly { readonly messageId: string; readonly reason: string }[];
} {
  const byIssue = new Map<string, { job: IssueJob; messageIds: string[] }>();
  const poison: { messageId: string; reason: string }[] = [];
  for (const { messageId, body } of messages) {
    const parsed = parseJob(issueJobSchema, body);
    if (!parsed.ok) {
      poison.push({ messageId, reason: parsed.reason });
      continue;
    }
    const id = `${parsed.job.journalId}/${parsed.job.issueId}`;
    const entry = byIssue.get(id) ?? { job: parsed.job, messageIds: [] };
    entry.messageIds.push(messageId);
    byIssue.set(id, entry);
  }
  return { issues: [...byIssue.values()], poison };
}
