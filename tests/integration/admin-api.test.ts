/**
 * The staff console's API on the local stand-in with the Cognito emulator (issue 15): the route's
 * JWT authorizer and the handler's own journal check, drafts with optimistic versions, the same
 * problems as the CLI, the preview, publishing through Ingest, and the audit trail.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMetadata } from '#cli/check';
import { articleYaml } from '#handlers/admin/metadata';
import { cognitoClient, seedStaffUser } from '#infra/local/cognito';
import { METADATA_DIR } from '#infra/local/paths';
import { publishFolder } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { adminClient, query } from './admin-client.ts';
import { siteText } from './inspect.ts';

const DOI = '10.2298/BALC1950375E';
const ARTICLE = { journal: 'balcanica', issue: 'L-2019', article: 'edemskiy' } as const;
const EDITOR = { username: 'balcanica-editor', password: 'Local-editor-1!', groups: ['editor:balcanica'] };
const OTHER = { username: 'other-editor', password: 'Other-editor-1!', groups: ['editor:otherjournal'] };

let stage: TestStage;
let editorToken: string;
let otherToken: string;
let editorSub: string;

const { signIn, call } = adminClient(() => stage);
const adminInvocations = (): number => stage.logs.filter((l) => l.fn.includes('Admin')).length;

beforeAll(async () => {
  stage = await startTestStage();
  await publishFolder(stage.stack, METADATA_DIR);
  // A loaded machine (several suites at once) can take more than the default minute.
  await stage.stack.drain({ timeoutMs: 180_000 });
  const staff = stage.stack.staff!;
  await seedStaffUser(staff.endpoint, staff.userPoolId, EDITOR);
  await seedStaffUser(staff.endpoint, staff.userPoolId, OTHER);
  [editorToken, otherToken] = await Promise.all([signIn(EDITOR), signIn(OTHER)]);
  const client = cognitoClient(staff.endpoint);
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: staff.userPoolId, Username: EDITOR.username }));
  client.destroy();
  editorSub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
});
afterAll(() => stage?.stop());

describe('admin API: who may call it', () => {
  it('tells the console where to sign in without a token (the pool and client the emulator gave)', async () => {
    const { status, body } = await call('GET', '/api/console/config', undefined);
    expect(status).toBe(200);
    expect(body).toEqual({ region: 'us-east-1', userPoolId: stage.stack.staff!.userPoolId, clientId: stage.stack.staff!.clientId, cognitoEndpoint: `${stage.stack.staff!.endpoint}/` });
  });

  it('answers 401 at the route, before the function runs, without a token, with a forged one, or with a token of another issuer', async () => {
    const before = adminInvocations();
    const [header, payload] = editorToken.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), 'cognito:groups': ['admin'] })).toString('base64url')}.${editorToken.split('.')[2]}`;
    for (const token of [undefined, 'not-a-jwt', forged]) {
      const { status, body } = await call('GET', '/api/admin/catalog', token);
      expect(status).toBe(401);
      expect(body).toEqual({ message: 'Unauthorized' });
    }
    expect(adminInvocations()).toBe(before);
  });

  it('refuses an editor of another journal with 403 for every route of this journal, and lists none of its journals', async () => {
    for (const [method, path, body] of [
      ['GET', `/api/admin/draft?${query(ARTICLE)}`, undefined],
      ['PUT', '/api/admin/draft', { ...ARTICLE, version: 0, data: { title: 'hijacked' } }],
      ['POST', '/api/admin/validate', ARTICLE],
      ['POST', '/api/admin/preview', ARTICLE],
      ['POST', '/api/admin/publish', { journal: ARTICLE.journal, issue: ARTICLE.issue }],
      ['GET', `/api/admin/audit?${query(ARTICLE)}`, undefined],
    ] as const) {
      const answer = await call(method, path, otherToken, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(String(answer.body.message)).toContain('not an editor of journal "balcanica"');
    }
    expect((await call('GET', '/api/admin/catalog', otherToken)).body).toEqual({ journals: [] });
  });
});

describe('the console under /admin/, written by the Site function', () => {
  it('serves the page with a strict CSP (no inline script; connections to the site, the Cognito emulator and the galley uploads\' origin only), its script, style and the article schema', async () => {
    const page = await fetch(`${stage.stack.siteUrl}/admin/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("script-src 'self';");
    // The third origin: where the Admin function's presigned galley uploads go (locally its IAM gateway, infra/local/upload-origin.ts).
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${new URL(stage.stack.staff!.endpoint).origin.replace(/[.]/g, '\\.')} http://127\\.0\\.0\\.1:\\d+;`));
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module" src="console.js">']);
    const script = await fetch(`${stage.stack.siteUrl}/admin/console.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
    expect((await fetch(`${stage.stack.siteUrl}/admin/console.css`)).status).toBe(200);
    const schema = (await (await fetch(`${stage.stack.siteUrl}/admin/schema/article.schema.json`)).json()) as { properties: Record<string, { description?: string }> };
    expect(schema.properties.title?.description).toMatch(/title/i);
  });
});

describe('admin API: drafts, problems, preview, publish, audit', () => {
  it('lists the journal, its issue and its article with render and Crossref state', async () => {
    const { status, body } = await call('GET', '/api/admin/catalog', editorToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ journals: [{ id: 'balcanica', issues: [{ id: 'L-2019', volume: 'L', articles: [{ id: 'edemskiy', doi: DOI, render: 'rendered', crossref: 'due' }] }] }] });
  });

  it('gives the published article as version 0, then saves version 1; a second save of version 0 is a 409 with both versions, and nothing is overwritten', async () => {
    const opened = await call('GET', `/api/admin/draft?${query(ARTICLE)}`, editorToken);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ version: 0, source: 'published', problems: [] });
    const data = opened.body.data as Record<string, unknown>;
    expect(data.title).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');

    const first = { ...data, title: 'Additional Evidence on the Final Break between Moscow and Tirana, 1960–1961' };
    const saved = await call('PUT', '/api/admin/draft', editorToken, { ...ARTICLE, version: 0, data: first });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, problems: [] });

    const second = { ...data, title: 'A title typed by a second editor at the same time' };
    const conflict = await call('PUT', '/api/admin/draft', editorToken, { ...ARTICLE, version: 0, data: second });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ yours: { version: 0, data: { title: second.title } }, theirs: { version: 1, data: { title: first.title }, by: editorSub } });
    const now = await call('GET', `/api/admin/draft?${query(ARTICLE)}`, editorToken);
    expect(now.body).toMatchObject({ version: 1, source: 'draft', data: { title: first.title } });
  });

  it('reports a mistake at its field with the CLI’s message and hint, and saves nothing when asked only to validate', async () => {
    const opened = await call('GET', `/api/admin/draft?${query(ARTICLE)}`, editorToken);
    const data = structuredClone(opened.body.data) as { contributors: Record<string, unknown>[] };
    data.contributors[0]!.orcid = '0000-0002-1825-0098'; // check digit wrong (…0097 is right)
    const { status, body } = await call('POST', '/api/admin/validate', editorToken, { ...ARTICLE, data });
    expect(status).toBe(200);
    const problems = body.problems as { path: unknown[]; message: string; hint?: string; file: string }[];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: ['contributors', 0, 'orcid'], file: expect.stringMatching(/edemskiy\.yaml$/) });
    expect(problems[0]!.message).toMatch(/not a valid ORCID iD.*checksum/);
    // The CLI, given the same fields as a file, says the same thing at the same field.
    const dir = mkdtempSync(join(tmpdir(), 'colophon-admin-'));
    cpSync(METADATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'balcanica/L-2019/edemskiy.yaml'), articleYaml(data));
    const cli = checkMetadata(dir).problems.map(({ path, message, hint }) => ({ path, message, hint }));
    rmSync(dir, { recursive: true, force: true });
    expect(problems.map(({ path, message, hint }) => ({ path, message, hint }))).toEqual(cli);
    expect((await call('GET', `/api/admin/draft?${query(ARTICLE)}`, editorToken)).body).toMatchObject({ version: 1 });
  });

  it('previews the landing page from the draft, rendered by the same core', async () => {
    const { status, body } = await call('POST', '/api/admin/preview', editorToken, ARTICLE);
    expect(status).toBe(200);
    expect(String(body.html)).toContain('<h1 lang="en">Additional Evidence on the Final Break between Moscow and Tirana, 1960–1961</h1>');
  });

  it('publishes the issue through the inbox: Ingest takes the draft, Render serves the new title', async () => {
    const { status, body } = await call('POST', '/api/admin/publish', editorToken, { journal: ARTICLE.journal, issue: ARTICLE.issue });
    expect(status).toBe(202);
    expect(body).toMatchObject({ articles: [{ id: 'edemskiy', doi: DOI }] });
    await stage.stack.drain({ timeoutMs: 120_000 });
    expect(stage.errors).toEqual([]);
    expect(stage.logs.some((l) => l.fn.includes('Ingest') && l.line.batchId === body.batchId)).toBe(true);
    expect(await siteText(stage.stack, `doi/${DOI}/index.html`)).toContain('Moscow and Tirana, 1960–1961');
    // The draft now says which batch published it.
    expect((await call('GET', `/api/admin/draft?${query(ARTICLE)}`, editorToken)).body).toMatchObject({ version: 1, source: 'published draft', published: { batchId: body.batchId } });
  });

  it('keeps an audit trail per article: who (the user id), when, which fields', async () => {
    const { status, body } = await call('GET', `/api/admin/audit?${query(ARTICLE)}`, editorToken);
    expect(status).toBe(200);
    const entries = body.entries as { by: string; action: string; changed: string[]; version: number }[];
    expect(entries.map((e) => [e.action, e.version, e.by])).toEqual([
      ['publish', 1, editorSub],
      ['save', 1, editorSub],
    ]);
    expect(entries[1]!.changed).toEqual(['title']);
    expect(JSON.stringify(body)).not.toContain('@');
  });
});
