/**
 * The admin API (issue 15): one request in, one JSON answer out. Every route but the public
 * console config needs a valid staff token and, for anything about a journal, that journal in the
 * token's groups (access.ts). Bad input is answered 400 with what to do; the metadata's problems
 * come back as the loader reports them (file, field path, line, message, hint), as in the CLI.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { newBatchId, uploadIssue, type Manifest } from '#adapters/inbox';
import type { Logger } from '#adapters/logger';
import type { ObjectStore } from '#adapters/object-store';
import type { QueueSender } from '#adapters/queue';
import type { RateOutcome } from '#adapters/staff-rate';
import type { RecordsStore } from '#adapters/records';
import type { DraftStore } from '#adapters/staff-drafts';
import type { IssueFileStore } from '#adapters/staff-issue-file';
import type { DepositLedger } from '#adapters/deposit-ledger';
import type { GalleyUploads } from '#adapters/galley-uploads';
import type { StaffFiles } from '#adapters/staff-files';
import type { ArticleRef } from '#adapters/staff-items';
import type { Article, IssueBundle, JournalSources, Problem } from '#core/model/index';
import { AccessError, requireJournal, type Staff, type StaffVerifier } from './access.ts';
import { catalog } from './catalog.ts';
import { changedFields } from './changes.ts';
import { createRoutes } from './create.ts';
import { statusRoutes } from './status.ts';
import { tocRoutes } from './toc.ts';
import { galleyRoutes } from './galleys.ts';
import { galleyRemoveRoute } from './galley-remove.ts'; // issue 15 (developer B)
import { userRoutes } from './users.ts'; // issue 15 (developer B)
import type { StaffUsers } from '#adapters/staff-users';
import { filesSinceDraft, publishedVersions } from './versions.ts';
import { rebaseStaleDraft, staleDrafts, staleDraftsMessage } from './stale-drafts.ts';
import type { DepositJob } from '../jobs.ts';
import { articleRef, BadRequest, body, checkBody, header, issueRef, json, parse, saveBody, type Result } from './http.ts';
import { articleFile, NotFoundError, publishedSources, type LoadMetadata } from './sources.ts';

export type AdminDeps = {
  readonly verify: StaffVerifier;
  readonly records: RecordsStore;
  readonly drafts: DraftStore;
  /** Drafts of issue.yaml (the table of contents), adapters/staff-issue-file.ts. */
  readonly issueFile: IssueFileStore;
  /** Galleys uploaded from the console: presigned URLs, checks and the content-addressed copy (adapters/galley-uploads.ts). */
  readonly uploads: GalleyUploads;
  /** The galleys attached from the console, per article (adapters/staff-files.ts). */
  readonly files: StaffFiles;
  /** The largest galley the stage takes (Ingest's `GALLEY_MAX_BYTES`). */
  readonly maxFileBytes: number;
  readonly inbox: ObjectStore;
  /** Counts a user's request; refuses past the per-minute limit (adapters/staff-rate.ts). */
  readonly rate: (user: string, now: Date) => Promise<RateOutcome>;
  /** The deposit ledger: Crossref's messages on each DOI, shown beside its state in the catalog. */
  readonly ledger: Pick<DepositLedger, 'entries'>;
  /** DepositQueue, for "send to Crossref again". */
  readonly depositQueue: QueueSender<DepositJob>;
  readonly log: Logger;
  readonly now: () => Date;
  readonly suffix: () => string;
  /** The YAML reader and writer and the issue check (admin/metadata.ts): loaded by the first request that needs them (handlers/admin.ts). */
  readonly metadata: LoadMetadata;
  /** The landing page of `article`, by the same core renderer as Render's; loaded on the first preview (handlers/admin.ts). */
  readonly renderPreview: (bundle: IssueBundle, article: Article) => Promise<string>;
  /** What the console needs to sign in (GET /api/console/config). */
  readonly signIn: { readonly region: string; readonly userPoolId: string; readonly clientId: string; readonly cognitoEndpoint: string };
  /** The staff pool's users and their audit trail, for admins' Users page (admin/users.ts). */
  readonly staffUsers: StaffUsers;
};

/** Requests per user per minute: far above an editor's pace (saves, checks as they type, previews), far below a script's. */
export const ADMIN_RATE_LIMIT = 120;

const withHeader = (result: Result, name: string, value: string): Result => ({ ...result, headers: { ...result.headers, [name]: value } });

export function adminApi(deps: AdminDeps) {
  /** The journal's sources as its latest published issue has them (its journal.yaml), or 404. */
  async function journalSources(journal: string) {
    const latest = (await deps.records.listIssues(journal)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
    if (!latest) throw new BadRequest(`Journal "${journal}" has nothing on this stage yet: publish one of its issues once with colophon publish.`, 404);
    return (await publishedSources(deps.inbox, journal, latest.issue.id, latest.batchId)).sources;
  }

  /** The issue's published files (or, for an issue made in the console and not published yet, its issue.yaml), or 404. */
  async function issueSources(journal: string, issue: string): Promise<{ readonly attached: Manifest['files']['attached']; readonly sources: JournalSources; readonly published: boolean }> {
    // A saved table of contents (a draft of issue.yaml) stands in for the issue's file.
    const saved = await deps.issueFile.get(journal, issue);
    const found = await issueSourcesAsPublished(journal, issue);
    return saved === undefined ? found : { ...found, sources: (await deps.metadata()).withIssueFile(found.sources, saved.data) };
  }

  async function issueSourcesAsPublished(journal: string, issue: string): Promise<{ readonly attached: Manifest['files']['attached']; readonly sources: JournalSources; readonly published: boolean }> {
    const record = await deps.records.getIssue(journal, issue);
    if (record) {
      // The latest publish (issue 15, files): `batchId` is the last one that changed issue.yaml, older than an article published since.
      const published = await publishedSources(deps.inbox, journal, issue, record.publishedBatchId);
      return { attached: published.manifest.files.attached, sources: published.sources, published: true };
    }
    const draft = await deps.drafts.getIssue(journal, issue);
    if (!draft) throw new BadRequest(`Journal "${journal}" has no issue "${issue}" on this stage yet: create it in the console or publish it once with colophon publish.`, 404);
    return { attached: [], sources: (await deps.metadata()).newIssueSources(await journalSources(journal), issue, draft.data), published: false };
  }

  /** The issue with every saved draft in place, plus `data` (unsaved form fields) for one article. */
  async function candidate(ref: z.output<typeof articleRef>, data?: unknown) {
    const published = await issueSources(ref.journal, ref.issue);
    const drafts = (await deps.drafts.listIssue(ref.journal, ref.issue)).filter((d) => d.ref.article !== ref.article || data === undefined);
    const sources = (await deps.metadata()).withDrafts(published.sources, data === undefined ? drafts : [...drafts, { ref, data }]);
    return { published, sources, file: articleFile(sources, ref.article)?.path };
  }

  /** The article's fields as the issue's latest publish has them, without drafts (stale-drafts.ts). */
  async function publishedData(ref: ArticleRef): Promise<Record<string, unknown> | undefined> {
    const file = articleFile((await issueSources(ref.journal, ref.issue)).sources, ref.article);
    return file === undefined ? undefined : ((await deps.metadata()).articleData(file) as Record<string, unknown> | undefined);
  }

  const { createIssue, createArticle, newArticle } = createRoutes({ drafts: deps.drafts, issueFile: deps.issueFile, now: deps.now, records: deps.records, journalSources, issueSources, metadata: deps.metadata });
  const toc = tocRoutes({ issueFile: deps.issueFile, audit: deps.drafts.audit, now: deps.now, metadata: deps.metadata, issueWithDrafts: async (journal, issue) => (await deps.metadata()).withDrafts((await issueSources(journal, issue)).sources, await deps.drafts.listIssue(journal, issue)) });

  async function getDraft(staff: Staff, query: Record<string, string | undefined>): Promise<Result> {
    const ref = parse(articleRef, query);
    requireJournal(staff, ref.journal);
    const draft = await deps.drafts.get(ref);
    const { sources, file } = await candidate(ref);
    if (file === undefined) throw new BadRequest(`Issue ${ref.journal}/${ref.issue} has no article "${ref.article}".`, 404);
    const { articleData, checkIssue } = await deps.metadata();
    const checked = checkIssue(sources);
    const data = draft?.data ?? articleData(articleFile(sources, ref.article)!);
    const source = draft === undefined ? 'published' : draft.published ? 'published draft' : 'draft';
    return json(200, { ref, version: draft?.version ?? 0, source, by: draft?.by, at: draft?.at, published: draft?.published, data, file, problems: checked.ok ? [] : checked.problems.filter((p) => p.file === file) });
  }

  async function saveDraft(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(saveBody, body(event));
    const ref = { journal: input.journal, issue: input.issue, article: input.article };
    requireJournal(staff, ref.journal);
    return storeDraft(staff, ref, input.version, input.data);
  }

  /** Saves `data` as the next version after `baseVersion` (409 with both versions when another save came first), then checks the issue. */
  async function storeDraft(staff: Staff, ref: ArticleRef, baseVersion: number, data: Record<string, unknown>): Promise<Result> {
    // Issue 15 (files): a draft the files have published over starts again from their version (stale-drafts.ts).
    const rebased = await rebaseStaleDraft({ ...deps, publishedData }, staff.sub, ref, baseVersion, data);
    if (rebased) return rebased;
    const { articleData, checkIssue } = await deps.metadata();
    const before = (await deps.drafts.get(ref))?.data ?? (await candidate(ref).then((c) => (c.file ? articleData(articleFile(c.sources, ref.article)!) : {})));
    const saved = await deps.drafts.save(ref, baseVersion, data, staff.sub, deps.now().toISOString(), changedFields(before, data));
    if (!saved.ok) {
      deps.log.info('draft conflict', { journalId: ref.journal, issueId: ref.issue, article: ref.article, base: baseVersion, current: saved.current?.version });
      return json(409, {
        message: `Someone saved this article after you opened it (their version ${saved.current?.version ?? '?'}, yours was based on ${baseVersion}). Compare the two, merge your changes into theirs, and save again.`,
        yours: { version: baseVersion, data },
        theirs: saved.current ? { version: saved.current.version, data: saved.current.data, by: saved.current.by, at: saved.current.at } : undefined,
      });
    }
    const { sources, file } = await candidate(ref);
    const checked = checkIssue(sources);
    return json(200, { ref, version: saved.draft.version, at: saved.draft.at, problems: checked.ok ? [] : checked.problems.filter((p) => p.file === file) });
  }

  /** The article's fields now (its draft, or its published file) and their version, or 404. */
  async function current(ref: ArticleRef): Promise<{ readonly version: number; readonly data: Record<string, unknown> }> {
    const draft = await deps.drafts.get(ref);
    if (draft) return { version: draft.version, data: draft.data as Record<string, unknown> };
    const { sources } = await candidate(ref);
    const file = articleFile(sources, ref.article);
    if (file === undefined) throw new BadRequest(`Issue ${ref.journal}/${ref.issue} has no article "${ref.article}".`, 404);
    return { version: 0, data: ((await deps.metadata()).articleData(file) ?? {}) as Record<string, unknown> };
  }

  /** The problems of the issue with `data` in place of the article's fields ([] when none). */
  async function problemsWith(ref: ArticleRef, data: unknown): Promise<Problem[]> {
    const checked = (await deps.metadata()).checkIssue((await candidate(ref, data)).sources);
    return checked.ok ? [] : checked.problems;
  }

  const galleys = galleyRoutes({ uploads: deps.uploads, files: deps.files, maxBytes: deps.maxFileBytes, now: deps.now, current, storeDraft });
  const users = userRoutes({ users: deps.staffUsers, journals: async () => (await deps.records.listJournals()).map((j) => ({ id: j.journal.id, title: j.journal.title })), log: deps.log, now: deps.now }); // issue 15 (developer B)
  const galleyRemove = galleyRemoveRoute({ current, storeDraft }); // issue 15 (developer B)
  const status = statusRoutes({ now: deps.now, records: deps.records, depositQueue: deps.depositQueue, current, problemsWith, storeDraft, newArticle });

  async function validate(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(checkBody, body(event));
    requireJournal(staff, input.journal);
    const { sources, file } = await candidate(input, input.data);
    const checked = (await deps.metadata()).checkIssue(sources);
    const problems = checked.ok ? [] : checked.problems;
    return json(200, { file, problems: problems.filter((p) => p.file === file), elsewhere: problems.filter((p) => p.file !== file) });
  }

  async function preview(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(checkBody, body(event));
    requireJournal(staff, input.journal);
    const { sources, file } = await candidate(input, input.data);
    const checked = (await deps.metadata()).checkIssue(sources);
    if (!checked.ok) return json(422, { message: 'The issue has problems: fix them to see the page.', problems: checked.problems });
    const article = checked.bundle.articles.find((a) => a.id === input.article);
    if (!article) throw new BadRequest(`Issue ${input.journal}/${input.issue} has no article "${input.article}" (${file ?? 'no file'}).`, 404);
    return json(200, { html: await deps.renderPreview(checked.bundle, article) });
  }

  async function publish(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(issueRef, body(event));
    requireJournal(staff, input.journal);
    const published = await issueSources(input.journal, input.issue);
    const drafts = await deps.drafts.listIssue(input.journal, input.issue);
    // Issue 15 (files): a draft older than a publish from files would silently undo it (stale-drafts.ts).
    const stale = await staleDrafts(deps, drafts);
    if (stale.length > 0) return json(409, { message: staleDraftsMessage(stale), stale });
    const { checkIssue, withDrafts } = await deps.metadata();
    const sources = withDrafts(published.sources, drafts);
    const checked = checkIssue(sources);
    if (!checked.ok) return json(422, { message: 'Nothing was published: the issue has problems.', problems: checked.problems });
    const now = deps.now();
    const batchId = newBatchId(now, deps.suffix());
    // The same upload as `colophon publish`: files, then the manifest, whose event starts Ingest.
    // Galleys stay where the last publish put them (content-addressed); none is sent again. Those
    // attached from the console since are named instead of a published file of the same name.
    const attached = await withConsoleFiles(published.attached, sources, drafts.map((d) => d.ref));
    const uploaded = await uploadIssue(deps.inbox, sources, batchId, {
      journalId: checked.bundle.journal.id,
      source: 'console',
      files: attached.map(({ owner, name, sha256, size }) => ({ owner, name, sha256, size, read: () => { throw new Error(`galley ${name} is not on the stage any more: publish its issue from files`); } })),
    });
    await deps.drafts.recordPublish(drafts.map((d) => ({ ref: d.ref, version: d.version })), staff.sub, now.toISOString(), batchId);
    deps.log.info('issue published from the console', { journalId: input.journal, issueId: input.issue, batchId, drafts: drafts.length });
    return json(202, { batchId, manifestKey: uploaded.manifestKey, articles: checked.bundle.articles.map((a) => ({ id: a.id, doi: a.doi })) });
  }

  /** The manifest's files: the published ones, with each galley attached from the console in place of (or beside) its article's file of that name. */
  type FileFacts = Pick<Manifest['files']['attached'][number], 'owner' | 'name' | 'sha256' | 'size'>;
  async function withConsoleFiles(published: readonly FileFacts[], sources: JournalSources, refs: readonly ArticleRef[]): Promise<FileFacts[]> {
    const added: FileFacts[] = [];
    for (const ref of refs) {
      const owner = articleFile(sources, ref.article)?.path;
      if (owner === undefined) continue;
      for (const f of await deps.files.list(ref)) added.push({ owner, name: f.name, sha256: f.sha256, size: f.size });
    }
    const replaced = new Set(added.map((a) => `${a.owner}\n${a.name}`));
    return [...published.filter((p) => !replaced.has(`${p.owner}\n${p.name}`)), ...added];
  }

  async function audit(staff: Staff, query: Record<string, string | undefined>): Promise<Result> {
    const ref = parse(articleRef, query);
    requireJournal(staff, ref.journal);
    const entries = (await deps.drafts.audit(ref)).map(({ ref: _ref, ...entry }) => entry);
    // Issue 15 (files): each published version with where it came from, files or console, and those from files after the draft (versions.ts).
    const versions = await publishedVersions(deps, ref);
    return json(200, { entries, versions, filesSinceDraft: filesSinceDraft(versions, await deps.drafts.get(ref)) });
  }

  return async function handle(event: APIGatewayProxyEventV2): Promise<Result> {
    const route = event.routeKey;
    try {
      if (route === 'GET /api/console/config') return json(200, deps.signIn);
      const staff = await deps.verify(header(event, 'authorization'));
      const rate = await deps.rate(staff.sub, deps.now());
      if (!rate.ok) {
        deps.log.info('rate limited', { user: staff.sub, route });
        return withHeader(json(429, { message: `Too many requests: you made ${ADMIN_RATE_LIMIT} in the last minute, the most the console takes from one person. Wait ${rate.retryAfterSeconds} seconds and try again; your unsaved changes are still in the form.`, retryAfterSeconds: rate.retryAfterSeconds }), 'retry-after', String(rate.retryAfterSeconds));
      }
      const query = event.queryStringParameters ?? {};
      switch (route) {
        case 'GET /api/admin/catalog':
          return json(200, await catalog(deps, staff));
        case 'GET /api/admin/draft':
          return await getDraft(staff, query);
        case 'PUT /api/admin/draft':
          return await saveDraft(staff, event);
        case 'POST /api/admin/validate':
          return await validate(staff, event);
        case 'POST /api/admin/preview':
          return await preview(staff, event);
        case 'POST /api/admin/publish':
          return await publish(staff, event);
        case 'POST /api/admin/issue':
          return await createIssue(staff, event);
        case 'POST /api/admin/article':
          return await createArticle(staff, event);
        case 'POST /api/admin/schedule':
          return await status.schedule(staff, event);
        case 'POST /api/admin/withdraw':
          return await status.withdraw(staff, event);
        case 'POST /api/admin/retract':
          return await status.retract(staff, event);
        case 'POST /api/admin/deposit':
          return await status.retryDeposit(staff, event);
        case 'GET /api/admin/toc':
          return await toc.getToc(staff, query);
        case 'PUT /api/admin/toc':
          return await toc.saveToc(staff, event);
        case 'POST /api/admin/galley':
          return await galleys.presign(staff, event);
        case 'POST /api/admin/galley/attach':
          return await galleys.attach(staff, event);
        // ---- issue 15 (developer B): users (admins only) and galley removal ----
        case 'GET /api/admin/users':
          return await users.list(staff);
        case 'POST /api/admin/users':
          return await users.invite(staff, event);
        case 'POST /api/admin/users/role':
          return await users.role(staff, event);
        case 'POST /api/admin/users/enabled':
          return await users.enabled(staff, event);
        case 'POST /api/admin/galley/remove':
          return await galleyRemove(staff, event);
        // ---- end issue 15 (developer B) ----
        case 'GET /api/admin/audit':
          return await audit(staff, query);
        default:
          return json(404, { message: `No such admin route: ${route}` });
      }
    } catch (error) {
      if (error instanceof AccessError || error instanceof BadRequest) return json(error.status, { message: error.message });
      if (error instanceof NotFoundError) return json(404, { message: error.message });
      throw error;
    }
  };
}
