/**
 * The table of contents from the console (issue 15): the order of an issue's articles, and of its
 * sections where it has them, saved as a draft of issue.yaml (`articles:` for an issue without
 * sections, `sections[].articles` otherwise: the lists `colophon validate` reads, core/model/order.ts)
 * with an optimistic version and an audit entry, and published with the issue through Ingest like
 * any other change. The new order is checked as the CLI checks the files; a problem the order
 * brings answers 422 and nothing is written.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { IssueFileStore } from '#adapters/staff-issue-file';
import { ISSUE_AUDIT_ARTICLE, type AuditEntry } from '#adapters/staff-drafts';
import { articleId } from '#core/model/article-id';
import type { JournalSources, Problem } from '#core/model/index';
import { listedOrder } from '#core/model/order';
import { requireJournal, type Staff } from './access.ts';
import { BadRequest, body, issueRef, json, parse, slug, type Result } from './http.ts';
import type { LoadMetadata } from './sources.ts';

const ids = z.array(slug).max(2000);
const tocBody = issueRef.extend({
  version: z.number().int().nonnegative(),
  /** The sections in their new order, each with its articles in order (an issue with sections). */
  sections: z.array(z.strictObject({ id: z.string().min(1).max(100), articles: ids })).max(200).default([]),
  /** The articles in their new order (an issue without sections). */
  articles: ids.default([]),
});

type Fields = Record<string, unknown>;
const object = (value: unknown): Fields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {});
const sectionsOf = (issue: Fields): Fields[] => (Array.isArray(issue.sections) ? issue.sections.map(object) : []);
/** A title as the list shows it: its words without the inline markup tags (`<i>`…), set as text by the page. */
const plain = (value: unknown, fallback: string): string => (typeof value === 'string' ? value.replace(/<[^>]*>/g, '') : fallback);
const titleOf = (data: Fields, id: string): string => plain(data.title, id);

/** The issue's fields with `article` listed where the issue lists its order (its section's list, or the issue's), unchanged when it lists none. */
export function withListed(issue: Fields, article: string, section: unknown): Fields {
  if (listedOrder(issue as Parameters<typeof listedOrder>[0]) === undefined) return issue;
  if (Array.isArray(issue.articles)) return { ...issue, articles: [...(issue.articles as unknown[]), article] };
  const sections = sectionsOf(issue);
  // Its own section if it names one that lists its articles; otherwise the last section that lists them.
  let at = sections.findIndex((s) => s.id === section && Array.isArray(s.articles));
  if (at < 0) at = sections.map((s) => Array.isArray(s.articles)).lastIndexOf(true);
  return { ...issue, sections: sections.map((s, k) => (k === at ? { ...s, articles: [...(s.articles as unknown[]), article] } : s)) };
}

const problemKey = (p: Problem): string => JSON.stringify([p.file, p.path, p.message]);

export type TocDeps = {
  readonly issueFile: IssueFileStore;
  /** The issue's own audit trail (its creation, each saved order), newest first. */
  readonly audit: (ref: { journal: string; issue: string; article: string }) => Promise<AuditEntry[]>;
  readonly now: () => Date;
  /** The issue as the console edits it: published (or console-made) files with every saved draft in place, issue.yaml's included. */
  readonly issueWithDrafts: (journal: string, issue: string) => Promise<JournalSources>;
  /** The YAML reader and the issue check (metadata.ts, loaded on first use). */
  readonly metadata: LoadMetadata;
};

export function tocRoutes(deps: TocDeps) {
  /** GET /api/admin/toc?journal&issue: the issue's sections and articles in their current order, and the version to save against. */
  async function getToc(staff: Staff, query: Record<string, string | undefined>): Promise<Result> {
    const input = parse(issueRef, { journal: query.journal, issue: query.issue });
    requireJournal(staff, input.journal);
    const sources = await deps.issueWithDrafts(input.journal, input.issue);
    const { articleData, checkIssue } = await deps.metadata();
    const issueFile = sources.issues[0]!.issue;
    const issue = object(articleData(issueFile));
    const files = sources.issues[0]!.articles.map((f) => ({ id: articleId(f.path), data: object(articleData(f)) }));
    const checked = checkIssue(sources);
    const listed = listedOrder(issue as Parameters<typeof listedOrder>[0]);
    // The order every output uses when the issue checks out; otherwise the listed order, then the rest as the files come.
    const order = checked.ok ? checked.bundle.articles.map((a) => a.id) : [...(listed ?? []).filter((id) => files.some((f) => f.id === id)), ...files.map((f) => f.id).filter((id) => !(listed ?? []).includes(id))];
    const sections = sectionsOf(issue);
    const placedIn = new Map<string, string>();
    for (const s of sections) for (const id of Array.isArray(s.articles) ? s.articles : []) placedIn.set(String(id), String(s.id));
    const entry = (id: string) => ({ id, title: titleOf(files.find((f) => f.id === id)?.data ?? {}, id) });
    const sectionOf = (id: string): string | undefined => {
      const own = placedIn.get(id) ?? files.find((f) => f.id === id)?.data.section;
      return typeof own === 'string' && sections.some((s) => s.id === own) ? own : undefined;
    };
    const version = (await deps.issueFile.get(input.journal, input.issue))?.version ?? 0;
    const changes = (await deps.audit({ ...input, article: ISSUE_AUDIT_ARTICLE })).map(({ version: v, by, at, action, changed }) => ({ version: v, by, at, action, changed }));
    return json(200, {
      journal: input.journal,
      issue: input.issue,
      version,
      file: issueFile.path,
      listed: listed !== undefined,
      sections: sections.map((s) => ({ id: String(s.id), title: plain(s.title, String(s.id)), articles: order.filter((id) => sectionOf(id) === s.id).map(entry) })),
      articles: order.filter((id) => sectionOf(id) === undefined).map(entry),
      changes,
    });
  }

  /** PUT /api/admin/toc: the new order as a draft of issue.yaml (409 when someone saved the issue's order meanwhile). */
  async function saveToc(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(tocBody, body(event));
    requireJournal(staff, input.journal);
    const sources = await deps.issueWithDrafts(input.journal, input.issue);
    const { articleData, checkIssue, withIssueFile } = await deps.metadata();
    const issue = object(articleData(sources.issues[0]!.issue));
    const known = sources.issues[0]!.articles.map((f) => articleId(f.path));
    const named = [...input.sections.flatMap((s) => s.articles), ...input.articles];
    if (named.length !== known.length || new Set(named).size !== named.length || !known.every((id) => named.includes(id))) {
      throw new BadRequest(`The order must name each article of issue ${input.journal}/${input.issue} once (${known.join(', ')}): reload the table of contents and try again.`, 409);
    }
    const sections = sectionsOf(issue);
    const sectionIds = sections.map((s) => String(s.id));
    if (input.sections.length !== sections.length || !input.sections.every((s) => sectionIds.includes(s.id))) {
      throw new BadRequest(`The order must name each section of issue ${input.journal}/${input.issue} once (${sectionIds.join(', ') || 'it has none'}): reload the table of contents and try again.`, 409);
    }
    const next: Fields = { ...issue };
    if (sections.length > 0) {
      next.sections = input.sections.map((s) => ({ ...sections[sectionIds.indexOf(s.id)], articles: s.articles }));
      // Articles outside every section cannot be listed beside section lists (the model: the order is given once); the check below says so.
      if (input.articles.length === 0) delete next.articles;
      else next.articles = input.articles;
    } else next.articles = input.articles;
    const before = checkIssue(sources);
    const after = checkIssue(withIssueFile(sources, next));
    const old = new Set((before.ok ? [] : before.problems).map(problemKey));
    const brought = after.ok ? [] : after.problems.filter((p) => !old.has(problemKey(p)));
    if (brought.length > 0) return json(422, { message: 'Nothing was saved: the issue would have problems in this order. Fix them first.', problems: brought });
    const changed = sections.length > 0 ? ['sections'] : ['articles'];
    const saved = await deps.issueFile.save(input.journal, input.issue, input.version, next, staff.sub, deps.now().toISOString(), changed);
    if (!saved.ok) {
      return json(409, {
        message: `Someone saved this issue’s order after you opened it (their version ${saved.current?.version ?? '?'}, yours was based on ${input.version}). Reload the table of contents, move the articles again, and save.`,
        theirs: saved.current ? { version: saved.current.version, by: saved.current.by, at: saved.current.at } : undefined,
      });
    }
    return json(200, { journal: input.journal, issue: input.issue, version: saved.draft.version, at: saved.draft.at });
  }

  return { getToc, saveToc };
}
