/**
 * A new issue or a new article from the console (issue 15). Checked exactly as `colophon validate`
 * checks the files (the same loader and rules, on the issue as it would be published), and written
 * only when nothing is wrong: a problem answers 422 with the problems at their fields and nothing
 * is stored. A new issue is a draft until its first publish; a new article is a draft (version 1).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { DraftStore } from '#adapters/staff-drafts';
import type { IssueFileStore } from '#adapters/staff-issue-file';
import type { ArticleRef } from '#adapters/staff-items';
import type { JournalSources } from '#core/model/index';
import { requireJournal, type Staff } from './access.ts';
import { articleRef, BadRequest, body, issueRef, json, parse, type Result } from './http.ts';
import { articleFile, type LoadMetadata } from './sources.ts';
import { withListed } from './toc.ts';

/** The start of the Crossref rule's message for an issue with no articles (core/crossref/rules.ts): a new issue has none yet. */
const EMPTY_ISSUE = 'the issue has no DOI and no articles';

const fields = z.record(z.string(), z.unknown());
const newIssueBody = issueRef.extend({ data: fields });
const newArticleBody = articleRef.extend({ data: fields });

export type CreateDeps = {
  readonly drafts: DraftStore;
  readonly issueFile: IssueFileStore;
  readonly now: () => Date;
  readonly records: { getIssue(journal: string, issue: string): Promise<unknown> };
  /** The journal's sources as its latest published issue has them. */
  readonly journalSources: (journal: string) => Promise<JournalSources>;
  /** The issue's current sources (published files, or a console-made issue's issue.yaml). */
  readonly issueSources: (journal: string, issue: string) => Promise<{ readonly sources: JournalSources }>;
  /** The YAML reader and writer and the issue check (metadata.ts, loaded on first use). */
  readonly metadata: LoadMetadata;
};

/** Problems answer 422 and nothing is written; the problems are the loader's (file, path, line, message, hint), as the CLI prints them. */
const refused = (what: string, problems: unknown[]): Result => json(422, { message: `Nothing was created: the ${what} has problems. Fix them and create it again.`, problems });

export function createRoutes(deps: CreateDeps) {
  /** POST /api/admin/issue {journal, issue, data}: a new issue's issue.yaml fields. */
  async function createIssue(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(newIssueBody, body(event));
    requireJournal(staff, input.journal);
    if ((await deps.records.getIssue(input.journal, input.issue)) !== undefined || (await deps.drafts.getIssue(input.journal, input.issue)) !== undefined) {
      throw new BadRequest(`Journal "${input.journal}" already has an issue "${input.issue}": choose another id, or open that issue.`, 409);
    }
    const { checkIssue, newIssueSources } = await deps.metadata();
    const sources = newIssueSources(await deps.journalSources(input.journal), input.issue, input.data);
    const checked = checkIssue(sources);
    // A new issue has no articles yet: Crossref's "nothing to register" stays for publishing to say.
    const problems = checked.ok ? [] : checked.problems.filter((p) => !(p.path.length === 0 && p.message.startsWith(EMPTY_ISSUE)));
    if (problems.length > 0) return refused('issue', problems);
    const created = await deps.drafts.createIssue({ journal: input.journal, issue: input.issue, data: input.data, by: staff.sub, at: deps.now().toISOString() });
    if (!created) throw new BadRequest(`Someone created issue "${input.issue}" a moment ago: open it from the list.`, 409);
    return json(201, { journal: input.journal, issue: input.issue, file: sources.issues[0]!.issue.path });
  }

  /** POST /api/admin/article {journal, issue, article, data}: a new article in an issue, saved as its first draft. */
  async function createArticle(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(newArticleBody, body(event));
    return newArticle(staff, { journal: input.journal, issue: input.issue, article: input.article }, input.data);
  }

  /** Checks the issue with the new article in it and saves the article as its first draft; 422 and nothing written on a problem. */
  async function newArticle(staff: Staff, ref: ArticleRef, data: Record<string, unknown>, what = 'article'): Promise<Result> {
    const input = { data };
    requireJournal(staff, ref.journal);
    const { sources } = await deps.issueSources(ref.journal, ref.issue);
    const drafts = await deps.drafts.listIssue(ref.journal, ref.issue);
    if (articleFile(sources, ref.article) !== undefined || drafts.some((d) => d.ref.article === ref.article)) {
      throw new BadRequest(`Issue ${ref.journal}/${ref.issue} already has an article "${ref.article}": choose another id (its file name), or open that article.`, 409);
    }
    const { articleData, checkIssue, withDrafts, withIssueFile } = await deps.metadata();
    // An issue that lists the order of its articles lists the new one too: at the end of its section (or of the issue); the editor moves it in the table of contents.
    const issueData = articleData(sources.issues[0]!.issue) as Record<string, unknown>;
    const listed = withListed(issueData, ref.article, data.section);
    const withIssue = listed === issueData ? sources : withIssueFile(sources, listed);
    const candidate = withDrafts(withIssue, [...drafts, { ref, data: input.data }]);
    const checked = checkIssue(candidate);
    if (!checked.ok) return refused(what, checked.problems);
    const at = deps.now().toISOString();
    const issueVersion = listed === issueData ? undefined : ((await deps.issueFile.get(ref.journal, ref.issue))?.version ?? 0);
    const saved = await deps.drafts.save(ref, 0, input.data, staff.sub, at, ['(new article)'], 'create');
    if (!saved.ok) throw new BadRequest(`Someone created article "${ref.article}" a moment ago: open it from the list.`, 409);
    if (issueVersion !== undefined) {
      const order = await deps.issueFile.save(ref.journal, ref.issue, issueVersion, listed, staff.sub, at, [`articles: ${ref.article}`]);
      // Someone saved the order in between: the article exists, and the check shows it is not listed yet until it is placed in the table of contents.
      if (!order.ok) return json(201, { ref, version: saved.draft.version, file: articleFile(candidate, ref.article)?.path, message: `Article "${ref.article}" was created, but someone changed the issue’s order at the same moment: place it in the table of contents.` });
    }
    return json(201, { ref, version: saved.draft.version, file: articleFile(candidate, ref.article)?.path });
  }

  return { createIssue, createArticle, newArticle };
}
