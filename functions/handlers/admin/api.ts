/**
 * The admin API (issue 15): one request in, one JSON answer out. Every route but the public
 * console config needs a valid staff token and, for anything about a journal, that journal in the
 * token's groups (access.ts). Bad input is answered 400 with what to do; the metadata's problems
 * come back as the loader reports them (file, field path, line, message, hint), as in the CLI.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { newBatchId, uploadIssue } from '#adapters/inbox';
import type { Logger } from '#adapters/logger';
import type { ObjectStore } from '#adapters/object-store';
import type { RecordsStore } from '#adapters/records';
import type { DraftStore } from '#adapters/staff-drafts';
import { plainText, type Article, type IssueBundle } from '#core/model/index';
import { AccessError, mayEdit, requireJournal, type Staff, type StaffVerifier } from './access.ts';
import { changedFields } from './changes.ts';
import { articleData, articleFile, checkIssue, NotFoundError, publishedSources, withDrafts } from './sources.ts';

export type AdminDeps = {
  readonly verify: StaffVerifier;
  readonly records: RecordsStore;
  readonly drafts: DraftStore;
  readonly inbox: ObjectStore;
  readonly log: Logger;
  readonly now: () => Date;
  readonly suffix: () => string;
  /** The landing page of `article`, by the same core renderer as Render's; loaded on the first preview (handlers/admin.ts). */
  readonly renderPreview: (bundle: IssueBundle, article: Article) => Promise<string>;
  /** What the console needs to sign in (GET /api/console/config). */
  readonly signIn: { readonly region: string; readonly userPoolId: string; readonly clientId: string; readonly cognitoEndpoint: string };
};

/** Drafts are one article's fields: far below this. Larger bodies are refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'a journal, issue or article id: letters, digits, dot, dash, underscore');
const issueRef = z.strictObject({ journal: slug, issue: slug });
const articleRef = issueRef.extend({ article: slug });
const saveBody = articleRef.extend({ version: z.number().int().nonnegative(), data: z.record(z.string(), z.unknown()) });
const checkBody = articleRef.extend({ data: z.record(z.string(), z.unknown()).optional() });

type Result = APIGatewayProxyStructuredResultV2;
const json = (statusCode: number, body: unknown): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  body: JSON.stringify(body),
});

class BadRequest extends Error {
  override readonly name = 'BadRequest';
  constructor(
    message: string,
    readonly status: 400 | 404 | 413 = 400,
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const out = schema.safeParse(value);
  if (!out.success) throw new BadRequest(`The request is not what this address takes: ${out.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return out.data;
}

function body(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new BadRequest(`The request is larger than ${MAX_BODY_BYTES / 1024} KB.`, 413);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
}

const header = (event: APIGatewayProxyEventV2, name: string): string | undefined => Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

export function adminApi(deps: AdminDeps) {
  /** The issue's published files and its record, or 404. */
  async function issueSources(journal: string, issue: string) {
    const record = await deps.records.getIssue(journal, issue);
    if (!record) throw new BadRequest(`Journal "${journal}" has no issue "${issue}" on this stage yet: publish it once with colophon publish.`, 404);
    return publishedSources(deps.inbox, journal, issue, record.batchId);
  }

  /** The issue with every saved draft in place, plus `data` (unsaved form fields) for one article. */
  async function candidate(ref: z.output<typeof articleRef>, data?: unknown) {
    const published = await issueSources(ref.journal, ref.issue);
    const drafts = (await deps.drafts.listIssue(ref.journal, ref.issue)).filter((d) => d.ref.article !== ref.article || data === undefined);
    const sources = withDrafts(published.sources, data === undefined ? drafts : [...drafts, { ref, data }]);
    return { published, sources, file: articleFile(sources, ref.article)?.path };
  }

  async function catalog(staff: Staff): Promise<Result> {
    const journals = (await deps.records.listJournals()).filter((j) => mayEdit(staff, j.journal.id));
    const out = await Promise.all(
      journals.map(async (j) => {
        const issues = await deps.records.listIssues(j.journal.id);
        return {
          id: j.journal.id,
          title: j.journal.title,
          issues: await Promise.all(
            issues.map(async (i) => ({
              id: i.issue.id,
              volume: i.issue.volume,
              number: i.issue.number,
              year: i.issue.year,
              publishedAt: i.publishedAt,
              articles: (await deps.records.listIssueArticles(j.journal.id, i.issue.id)).map((a) => ({
                id: a.meta.articleId,
                doi: a.meta.doi,
                title: plainText(a.record.article.titles[0].title),
                version: a.meta.version,
                render: a.meta.render.version !== a.meta.version ? 'pending' : a.meta.render.status === 'done' ? 'rendered' : a.meta.render.status,
                crossref: a.meta.deposit?.status === 'done' && a.meta.deposit.version === a.meta.version ? 'deposited' : 'due',
              })),
            })),
          ),
        };
      }),
    );
    return json(200, { journals: out });
  }

  async function getDraft(staff: Staff, query: Record<string, string | undefined>): Promise<Result> {
    const ref = parse(articleRef, query);
    requireJournal(staff, ref.journal);
    const draft = await deps.drafts.get(ref);
    const { sources, file } = await candidate(ref);
    if (file === undefined) throw new BadRequest(`Issue ${ref.journal}/${ref.issue} has no article "${ref.article}".`, 404);
    const checked = checkIssue(sources);
    const data = draft?.data ?? articleData(articleFile(sources, ref.article)!);
    const source = draft === undefined ? 'published' : draft.published ? 'published draft' : 'draft';
    return json(200, { ref, version: draft?.version ?? 0, source, by: draft?.by, at: draft?.at, published: draft?.published, data, file, problems: checked.ok ? [] : checked.problems.filter((p) => p.file === file) });
  }

  async function saveDraft(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(saveBody, body(event));
    const ref = { journal: input.journal, issue: input.issue, article: input.article };
    requireJournal(staff, ref.journal);
    const before = (await deps.drafts.get(ref))?.data ?? (await candidate(ref).then((c) => (c.file ? articleData(articleFile(c.sources, ref.article)!) : {})));
    const saved = await deps.drafts.save(ref, input.version, input.data, staff.sub, deps.now().toISOString(), changedFields(before, input.data));
    if (!saved.ok) {
      deps.log.info('draft conflict', { journalId: ref.journal, issueId: ref.issue, article: ref.article, base: input.version, current: saved.current?.version });
      return json(409, {
        message: `Someone saved this article after you opened it (their version ${saved.current?.version ?? '?'}, yours was based on ${input.version}). Compare the two, merge your changes into theirs, and save again.`,
        yours: { version: input.version, data: input.data },
        theirs: saved.current ? { version: saved.current.version, data: saved.current.data, by: saved.current.by, at: saved.current.at } : undefined,
      });
    }
    const { sources, file } = await candidate(ref);
    const checked = checkIssue(sources);
    return json(200, { ref, version: saved.draft.version, at: saved.draft.at, problems: checked.ok ? [] : checked.problems.filter((p) => p.file === file) });
  }

  async function validate(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(checkBody, body(event));
    requireJournal(staff, input.journal);
    const { sources, file } = await candidate(input, input.data);
    const checked = checkIssue(sources);
    const problems = checked.ok ? [] : checked.problems;
    return json(200, { file, problems: problems.filter((p) => p.file === file), elsewhere: problems.filter((p) => p.file !== file) });
  }

  async function preview(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(checkBody, body(event));
    requireJournal(staff, input.journal);
    const { sources, file } = await candidate(input, input.data);
    const checked = checkIssue(sources);
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
    const sources = withDrafts(published.sources, drafts);
    const checked = checkIssue(sources);
    if (!checked.ok) return json(422, { message: 'Nothing was published: the issue has problems.', problems: checked.problems });
    const now = deps.now();
    const batchId = newBatchId(now, deps.suffix());
    // The same upload as `colophon publish`: files, then the manifest, whose event starts Ingest.
    // Galleys stay where the last publish put them (content-addressed); none is sent again.
    const attached = published.manifest.files.attached;
    const uploaded = await uploadIssue(deps.inbox, sources, batchId, {
      journalId: checked.bundle.journal.id,
      files: attached.map(({ owner, name, sha256, size }) => ({ owner, name, sha256, size, read: () => { throw new Error(`galley ${name} is not on the stage any more: publish its issue from files`); } })),
    });
    await deps.drafts.recordPublish(drafts.map((d) => ({ ref: d.ref, version: d.version })), staff.sub, now.toISOString(), batchId);
    deps.log.info('issue published from the console', { journalId: input.journal, issueId: input.issue, batchId, drafts: drafts.length });
    return json(202, { batchId, manifestKey: uploaded.manifestKey, articles: checked.bundle.articles.map((a) => ({ id: a.id, doi: a.doi })) });
  }

  async function audit(staff: Staff, query: Record<string, string | undefined>): Promise<Result> {
    const ref = parse(articleRef, query);
    requireJournal(staff, ref.journal);
    return json(200, { entries: (await deps.drafts.audit(ref)).map(({ ref: _ref, ...entry }) => entry) });
  }

  return async function handle(event: APIGatewayProxyEventV2): Promise<Result> {
    const route = event.routeKey;
    try {
      if (route === 'GET /api/console/config') return json(200, deps.signIn);
      const staff = await deps.verify(header(event, 'authorization'));
      const query = event.queryStringParameters ?? {};
      switch (route) {
        case 'GET /api/admin/catalog':
          return await catalog(staff);
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
