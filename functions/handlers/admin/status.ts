/**
 * Schedule, withdraw and retract from the console, and retry a deposit (issue 15). Each writes the
 * same metadata the files would hold, as a draft the editor then publishes like any change:
 * - schedule: `dates.published.online` on a day to come (Ingest holds the article until then, as
 *   for a file with that date; the scheduled release puts it live);
 * - withdraw: `withdrawn: { date, reason }`, what `colophon withdraw` appends to the file;
 * - retract: a new notice article whose `relations` has `retraction-of` the article's DOI, titled
 *   "Retraction: …" with the reason as its abstract (as examples/exemplaria's notice), in the
 *   article's issue or the one being prepared (`noticeIssue`).
 * The issue is checked with the change in place first: on a problem, 422 and nothing is written.
 * Retrying a deposit sends the issue to DepositQueue again, which deposits what Crossref lacks.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { QueueSender } from '#adapters/queue';
import type { RecordsStore } from '#adapters/records';
import type { ArticleRef } from '#adapters/staff-items';
import { parsePartialDate } from '#core/model/dates';
import type { Problem } from '#core/model/index';
import type { DepositJob } from '../jobs.ts';
import { requireJournal, type Staff } from './access.ts';
import { articleRef, BadRequest, body, issueRef, json, parse, slug, type Result } from './http.ts';

/** A day, YYYY-MM-DD, that exists (the model's own date check). */
const day = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && typeof parsePartialDate(v) !== 'string', 'give a day as YYYY-MM-DD');
const reason = z.string().trim().min(1, 'say why, in a sentence readers see').max(2000);
const scheduleBody = articleRef.extend({ version: z.number().int().nonnegative(), date: day });
const withdrawBody = articleRef.extend({ version: z.number().int().nonnegative(), reason, date: day.optional() });
const retractBody = articleRef.extend({ notice: slug, noticeIssue: slug.optional(), reason, doi: z.string().optional() });

export type StatusDeps = {
  readonly now: () => Date;
  readonly records: Pick<RecordsStore, 'listIssueArticles'>;
  readonly depositQueue: QueueSender<DepositJob>;
  readonly current: (ref: ArticleRef) => Promise<{ readonly version: number; readonly data: Record<string, unknown> }>;
  readonly problemsWith: (ref: ArticleRef, data: unknown) => Promise<Problem[]>;
  readonly storeDraft: (staff: Staff, ref: ArticleRef, baseVersion: number, data: Record<string, unknown>) => Promise<Result>;
  readonly newArticle: (staff: Staff, ref: ArticleRef, data: Record<string, unknown>, what?: string) => Promise<Result>;
};

const refOf = (input: ArticleRef): ArticleRef => ({ journal: input.journal, issue: input.issue, article: input.article });
const object = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export function statusRoutes(deps: StatusDeps) {
  const today = (): string => deps.now().toISOString().slice(0, 10);

  /** Checks the issue with `data` in place, then saves it as the next draft version; 422 and nothing written on a problem. */
  async function change(staff: Staff, ref: ArticleRef, version: number, data: Record<string, unknown>, what: string): Promise<Result> {
    const problems = await deps.problemsWith(ref, data);
    if (problems.length > 0) return json(422, { message: `Nothing was saved: the article would have problems once ${what}. Fix them first.`, problems });
    return deps.storeDraft(staff, ref, version, data);
  }

  /** POST /api/admin/schedule: the article goes live on `date` (its online date), once the issue is published. */
  async function schedule(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(scheduleBody, body(event));
    const ref = refOf(input);
    requireJournal(staff, ref.journal);
    if (input.date <= today()) throw new BadRequest(`${input.date} is not after today (${today()}): give a day to come, or publish the issue to put the article live now.`);
    if ((await deps.records.listIssueArticles(ref.journal, ref.issue)).some((a) => a.meta.articleId === ref.article)) {
      throw new BadRequest(`Article "${ref.article}" is public already: scheduling is for an article not yet published. To take it down, withdraw it.`, 409);
    }
    const { data } = await deps.current(ref);
    const dates = object(data.dates);
    return change(staff, ref, input.version, { ...data, dates: { ...dates, published: { ...object(dates.published), online: input.date } } }, 'scheduled');
  }

  /** POST /api/admin/withdraw: `withdrawn: { date, reason }`, as `colophon withdraw` writes it. */
  async function withdraw(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(withdrawBody, body(event));
    const ref = refOf(input);
    requireJournal(staff, ref.journal);
    const { data } = await deps.current(ref);
    if (data.withdrawn !== undefined) throw new BadRequest(`Article "${ref.article}" is withdrawn already: nothing was written.`, 409);
    return change(staff, ref, input.version, { ...data, withdrawn: { date: input.date ?? today(), reason: input.reason } }, 'withdrawn');
  }

  /** POST /api/admin/retract: a retraction notice (a new article, id `notice`) in the same issue, `retraction-of` the article's DOI. */
  async function retract(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(retractBody, body(event));
    const ref = refOf(input);
    requireJournal(staff, ref.journal);
    const { data } = await deps.current(ref);
    const target = typeof data.doi === 'string' ? data.doi : undefined;
    if (target === undefined) throw new BadRequest(`Article "${ref.article}" has no DOI yet: only a published article with a DOI can be retracted.`);
    const lang = typeof data.language === 'string' ? data.language : 'en';
    const title = typeof data.title === 'string' ? data.title : ref.article;
    const notice: Record<string, unknown> = {
      ...(input.doi === undefined ? {} : { doi: input.doi }),
      ...(typeof data.language === 'string' ? { language: data.language } : {}),
      title: `Retraction: ${title}`,
      abstract: { [lang]: input.reason },
      relations: [{ type: 'retraction-of', doi: target }],
    };
    // The notice goes in the issue being prepared (noticeIssue), or beside the article.
    return deps.newArticle(staff, { journal: ref.journal, issue: input.noticeIssue ?? ref.issue, article: input.notice }, notice, 'retraction notice');
  }

  /** POST /api/admin/deposit: send the issue to Crossref again (after a failed deposit); 409 when Crossref has every current version. */
  async function retryDeposit(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(issueRef, body(event));
    requireJournal(staff, input.journal);
    const articles = await deps.records.listIssueArticles(input.journal, input.issue);
    const due = articles.filter((a) => !(a.meta.deposit?.status === 'done' && a.meta.deposit.version === a.meta.version)).map((a) => a.meta.doi);
    if (due.length === 0) throw new BadRequest(`Crossref has the current version of every article of ${input.journal}/${input.issue}: there is nothing to send again.`, 409);
    await deps.depositQueue.send([{ journalId: input.journal, issueId: input.issue }]);
    return json(202, { message: `Sent to Crossref again: ${due.length} DOI(s). The Crossref column updates when Crossref answers (usually within minutes).`, dois: due });
  }

  return { schedule, withdraw, retract, retryDeposit };
}
