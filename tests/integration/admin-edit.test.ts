/**
 * The staff console's API, next slice (issue 15), on the local stand-in with the Cognito emulator:
 * a new issue and a new article made from the console (checked as the CLI checks files; nothing
 * written on a problem), published through Ingest like any issue; schedule, withdraw and retract
 * (the same metadata fields the files take); send an issue to Crossref again; per-user rate limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkMetadata } from '#cli/check';
import { runWithdraw } from '#cli/withdraw-command';
import { ADMIN_RATE_LIMIT } from '#handlers/admin/api';
import { articleYaml } from '#handlers/admin/metadata';
import { seedStaffUser } from '#infra/local/cognito';
import { METADATA_DIR, ROOT } from '#infra/local/paths';
import { publishFolder } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { adminClient, query, type Answer } from './admin-client.ts';
import { siteText } from './inspect.ts';

const EDITOR = { username: 'edit-editor', password: 'Edit-editor-1!', groups: ['editor:balcanica', 'editor:exemplaria'] };
const OTHER = { username: 'edit-other', password: 'Edit-other-1!', groups: ['editor:otherjournal'] };
const NEW_ISSUE = { volume: 'LI', year: 2020, published: { online: '2020-12-01' } };
const NEW_DOI = '10.2298/BALC2051001S';
const EXAMPLES_DIR = join(ROOT, 'examples');
const LATER_DOI = '10.2298/BALC2051021S';
const NEW_ARTICLE = { doi: NEW_DOI, title: 'A Second Look at the Danube Question', contributors: [{ given_name: 'Ana', family_name: 'Stojanović', orcid: '0000-0002-1825-0097' }], pages: { first: 1, last: 20 } };

let stage: TestStage;
let editorToken: string;
let otherToken: string;

const { signIn, call } = adminClient(() => stage);
type Problem = { file: string; path: unknown[]; message: string; hint?: string };
const words = (problems: unknown): { path: unknown[]; message: string; hint?: string }[] => (problems as Problem[]).map(({ path, message, hint }) => ({ path, message, ...(hint === undefined ? {} : { hint }) }));

/** What `colophon validate` says of the metadata folder with `files` (relative to it) written in. */
function cliProblems(files: Record<string, unknown>): { path: unknown[]; message: string; hint?: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'colophon-admin-edit-'));
  try {
    cpSync(METADATA_DIR, dir, { recursive: true });
    for (const [file, data] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), articleYaml(data));
    }
    return words(checkMetadata(dir).problems);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  stage = await startTestStage();
  await publishFolder(stage.stack, METADATA_DIR);
  await publishFolder(stage.stack, EXAMPLES_DIR);
  await stage.stack.drain({ timeoutMs: 240_000 });
  const staff = stage.stack.staff!;
  await seedStaffUser(staff.endpoint, staff.userPoolId, EDITOR);
  await seedStaffUser(staff.endpoint, staff.userPoolId, OTHER);
  [editorToken, otherToken] = await Promise.all([signIn(EDITOR), signIn(OTHER)]);
});
afterAll(() => stage?.stop());

describe('a new issue and a new article from the console', () => {
  it('refuses a new issue with a mistake, with the CLI’s problems at their fields, and writes nothing', async () => {
    const bad = { ...NEW_ISSUE, year: 20, published: { online: '2020-13-01' } };
    const { status, body } = await call('POST', '/api/admin/issue', editorToken, { journal: 'balcanica', issue: 'LI-2020', data: bad });
    expect(status).toBe(422);
    expect(body.message).toMatch(/^Nothing was created/);
    expect((body.problems as Problem[]).every((p) => p.file.endsWith('/balcanica/LI-2020/issue.yaml'))).toBe(true);
    // The CLI says the same of the same file (less Crossref's "no articles yet", which a new issue always has).
    const cli = cliProblems({ 'balcanica/LI-2020/issue.yaml': bad }).filter((p) => !p.message.startsWith('the issue has no DOI and no articles'));
    expect(words(body.problems)).toEqual(cli);
    expect(cli.map((p) => p.path)).toEqual([['year'], ['published', 'online']]);
    const catalog = await call('GET', '/api/admin/catalog', editorToken);
    expect(JSON.stringify(catalog.body)).not.toContain('LI-2020');
  });

  it('refuses an editor of another journal (403) and an issue id that exists (409)', async () => {
    expect((await call('POST', '/api/admin/issue', otherToken, { journal: 'balcanica', issue: 'LI-2020', data: NEW_ISSUE })).status).toBe(403);
    expect((await call('POST', '/api/admin/article', otherToken, { journal: 'balcanica', issue: 'L-2019', article: 'x', data: NEW_ARTICLE })).status).toBe(403);
    const taken = await call('POST', '/api/admin/issue', editorToken, { journal: 'balcanica', issue: 'L-2019', data: NEW_ISSUE });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/already has an issue "L-2019"/);
  });

  it('creates the issue once it is right: the catalog lists it as a draft', async () => {
    const { status, body } = await call('POST', '/api/admin/issue', editorToken, { journal: 'balcanica', issue: 'LI-2020', data: NEW_ISSUE });
    expect(status).toBe(201);
    expect(body).toEqual({ journal: 'balcanica', issue: 'LI-2020', file: expect.stringMatching(/\/balcanica\/LI-2020\/issue\.yaml$/) });
    const catalog = await call('GET', '/api/admin/catalog', editorToken);
    expect(catalog.body).toMatchObject({ journals: expect.arrayContaining([expect.objectContaining({ id: 'balcanica', issues: [expect.objectContaining({ id: 'L-2019' }), expect.objectContaining({ id: 'LI-2020', volume: 'LI', year: 2020, draft: true, articles: [] })] })]) });
    expect((await call('POST', '/api/admin/issue', editorToken, { journal: 'balcanica', issue: 'LI-2020', data: NEW_ISSUE })).status).toBe(409);
  });

  it('refuses a new article with a mistake with the CLI’s words at the field, and writes nothing', async () => {
    const bad = { ...NEW_ARTICLE, contributors: [{ ...NEW_ARTICLE.contributors[0], orcid: '0000-0002-1825-0098' }] };
    const ref = { journal: 'balcanica', issue: 'LI-2020', article: 'stojanovic' };
    const { status, body } = await call('POST', '/api/admin/article', editorToken, { ...ref, data: bad });
    expect(status).toBe(422);
    expect(words(body.problems)).toEqual(cliProblems({ 'balcanica/LI-2020/issue.yaml': NEW_ISSUE, 'balcanica/LI-2020/stojanovic.yaml': bad }));
    expect((body.problems as Problem[]).map((p) => p.path)).toEqual([['contributors', 0, 'orcid']]);
    expect((await call('GET', `/api/admin/draft?${query(ref)}`, editorToken)).status).toBe(404);
  });

  it('creates the article as draft version 1, then publishes the new issue through Ingest', async () => {
    const ref = { journal: 'balcanica', issue: 'LI-2020', article: 'stojanovic' };
    const created = await call('POST', '/api/admin/article', editorToken, { ...ref, data: NEW_ARTICLE });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, file: expect.stringMatching(/\/balcanica\/LI-2020\/stojanovic\.yaml$/) });
    expect((await call('POST', '/api/admin/article', editorToken, { ...ref, data: NEW_ARTICLE })).status).toBe(409);
    const opened = await call('GET', `/api/admin/draft?${query(ref)}`, editorToken);
    expect(opened.body).toMatchObject({ version: 1, source: 'draft', data: { title: NEW_ARTICLE.title }, problems: [] });
    const catalog = await call('GET', '/api/admin/catalog', editorToken);
    expect(catalog.body).toMatchObject({ journals: expect.arrayContaining([expect.objectContaining({ id: 'balcanica', issues: [expect.objectContaining({ id: 'L-2019' }), expect.objectContaining({ id: 'LI-2020', articles: [expect.objectContaining({ id: 'stojanovic', doi: NEW_DOI, render: 'draft', draft: true })] })] })]) });
    const audit = await call('GET', `/api/admin/audit?${query(ref)}`, editorToken);
    expect((audit.body.entries as { action: string }[]).map((e) => e.action)).toEqual(['create']);

    // A second new article, scheduled for a day to come: publishing the issue holds it until then.
    const later = { journal: 'balcanica', issue: 'LI-2020', article: 'later' };
    expect((await call('POST', '/api/admin/article', editorToken, { ...later, data: { ...NEW_ARTICLE, doi: LATER_DOI, title: 'An Article for Next Year', pages: { first: 21, last: 30 } } })).status).toBe(201);
    const past = await call('POST', '/api/admin/schedule', editorToken, { ...later, version: 1, date: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/is not after today/);
    const scheduled = await call('POST', '/api/admin/schedule', editorToken, { ...later, version: 1, date: '2099-01-01' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ version: 2, problems: [] });
    expect((await call('GET', `/api/admin/draft?${query(later)}`, editorToken)).body).toMatchObject({ data: { dates: { published: { online: '2099-01-01' } } } });

    const published = await call('POST', '/api/admin/publish', editorToken, { journal: 'balcanica', issue: 'LI-2020' });
    expect(published.status).toBe(202);
    await stage.stack.drain({ timeoutMs: 120_000 });
    expect(stage.errors).toEqual([]);
    expect(await siteText(stage.stack, `doi/${NEW_DOI}/index.html`)).toContain('A Second Look at the Danube Question');
    const after = await call('GET', '/api/admin/catalog', editorToken);
    expect(after.body).toMatchObject({ journals: expect.arrayContaining([expect.objectContaining({ id: 'balcanica', issues: expect.arrayContaining([expect.objectContaining({ id: 'LI-2020', articles: expect.arrayContaining([expect.objectContaining({ id: 'stojanovic', render: 'rendered' })]) })]) })]) });
    expect(JSON.stringify(after.body)).not.toContain('"draft":true');
    expect(after.body).toMatchObject({ journals: expect.arrayContaining([expect.objectContaining({ id: 'balcanica', issues: expect.arrayContaining([expect.objectContaining({ id: 'LI-2020', articles: expect.arrayContaining([expect.objectContaining({ id: 'later', render: 'scheduled for 2099-01-01' })]) })]) })]) });
    // Held: no page until 2099. A public article cannot be scheduled.
    expect((await call('POST', '/api/admin/schedule', editorToken, { ...ref, version: 1, date: '2099-01-01' })).status).toBe(409);
    expect((await fetch(`${stage.stack.siteUrl}/doi/${LATER_DOI}/`)).status).toBe(404);
  });
});

describe('withdraw, retract and send to Crossref again from the console', () => {
  const EDEMSKIY = { journal: 'balcanica', issue: 'L-2019', article: 'edemskiy' };

  it('withdraws with the same withdrawn field as colophon withdraw writes, and refuses a second withdrawal', async () => {
    const OKAFOR = { journal: 'exemplaria', issue: 'XII-2024', article: 'okafor' };
    const reason = 'Published in error: a duplicate of an article in volume XI.';
    const noReason = await call('POST', '/api/admin/withdraw', editorToken, { ...OKAFOR, version: 0, reason: ' ' });
    expect(noReason.status).toBe(400);
    const { status, body } = await call('POST', '/api/admin/withdraw', editorToken, { ...OKAFOR, version: 0, reason, date: '2026-01-15' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ version: 1, problems: [] });
    const draft = await call('GET', `/api/admin/draft?${query(OKAFOR)}`, editorToken);
    // The CLI on the same article writes the same field.
    const dir = mkdtempSync(join(tmpdir(), 'colophon-admin-withdraw-'));
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    expect(runWithdraw({ root: join(dir, 'exemplaria/XII-2024'), doi: '10.5555/exemplaria.xii.3', reason, date: '2026-01-15' }, { out: () => {}, err: () => {} })).toBe(0);
    const file = parse(readFileSync(join(dir, 'exemplaria/XII-2024/okafor.yaml'), 'utf8')) as Record<string, unknown>;
    rmSync(dir, { recursive: true, force: true });
    expect((draft.body.data as Record<string, unknown>).withdrawn).toEqual(file.withdrawn);
    const again = await call('POST', '/api/admin/withdraw', editorToken, { ...OKAFOR, version: 1, reason });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/withdrawn already/);
  });

  it('refuses to withdraw where the CLI refuses too (Balcanica has no Crossmark policy page), and writes nothing', async () => {
    const { status, body } = await call('POST', '/api/admin/withdraw', editorToken, { ...EDEMSKIY, version: 0, reason: 'A duplicate.', date: '2026-01-15' });
    expect(status).toBe(422);
    expect((body.problems as Problem[]).map((p) => p.hint)).toContain('add crossref.crossmark_policy (that page\'s DOI) to journal.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'colophon-admin-withdraw-'));
    cpSync(METADATA_DIR, dir, { recursive: true });
    const err: string[] = [];
    expect(runWithdraw({ root: join(dir, 'balcanica/L-2019'), doi: '10.2298/BALC1950375E', reason: 'A duplicate.', date: '2026-01-15' }, { out: () => {}, err: (l) => void err.push(l) })).toBe(1);
    rmSync(dir, { recursive: true, force: true });
    expect(err.join('')).toContain('crossmark_policy');
    expect((await call('GET', `/api/admin/draft?${query(EDEMSKIY)}`, editorToken)).body).toMatchObject({ version: 0, source: 'published' });
  });

  it('retracts with a notice article in the issue being prepared, retraction-of the article’s DOI', async () => {
    expect((await call('POST', '/api/admin/issue', editorToken, { journal: 'exemplaria', issue: 'XIV-2026', data: { volume: 'XIV', year: 2026, published: { online: '2026-06-01' } } })).status).toBe(201);
    const target = { journal: 'exemplaria', issue: 'XII-2024', article: 'carberry' };
    const reason = 'The editors retract this article: its sources were found to be forged.';
    const { status, body } = await call('POST', '/api/admin/retract', editorToken, { ...target, notice: 'retraction-carberry', noticeIssue: 'XIV-2026', doi: '10.5555/exemplaria.xiv.r1', reason });
    expect(status, JSON.stringify(body)).toBe(201);
    const notice = await call('GET', `/api/admin/draft?${query({ journal: 'exemplaria', issue: 'XIV-2026', article: 'retraction-carberry' })}`, editorToken);
    expect(notice.body).toMatchObject({ version: 1, data: { title: expect.stringMatching(/^Retraction: /), relations: [{ type: 'retraction-of', doi: '10.5555/exemplaria.xii.1' }], abstract: { en: reason } }, problems: [] });
  });

  it('sends an issue to Crossref again: Deposit runs for it', async () => {
    const before = stage.logs.filter((l) => l.fn.includes('Deposit')).length;
    const { status, body } = await call('POST', '/api/admin/deposit', editorToken, { journal: 'balcanica', issue: 'LI-2020' });
    expect(status).toBe(202);
    expect(body.dois).toEqual([NEW_DOI]);
    await stage.stack.drain({ timeoutMs: 120_000 });
    expect(stage.logs.filter((l) => l.fn.includes('Deposit')).length).toBeGreaterThan(before);
    expect((await call('POST', '/api/admin/deposit', otherToken, { journal: 'balcanica', issue: 'LI-2020' })).status).toBe(403);
  });
});

describe('per-user rate limits', () => {
  it('answers 429 with Retry-After and what to do once a user passes the limit; another user is not held back', async () => {
    const RATE = { username: 'edit-rate', password: 'Edit-rate-1!', groups: ['editor:balcanica'] };
    await seedStaffUser(stage.stack.staff!.endpoint, stage.stack.staff!.userPoolId, RATE);
    const token = await signIn(RATE);
    // A fixed one-minute window: within 2 × the limit + 1 requests one window must overflow.
    let limited: Answer | undefined;
    for (let n = 0; n <= 2 * ADMIN_RATE_LIMIT && limited === undefined; n++) {
      const answer = await call('GET', '/api/admin/draft', token);
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(400);
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.body.message).toMatch(/^Too many requests: .* Wait \d+ seconds and try again/);
    expect((await call('GET', '/api/admin/catalog', editorToken)).status).toBe(200);
  });
});
