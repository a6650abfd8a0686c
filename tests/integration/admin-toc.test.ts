/**
 * The table of contents from the console (issue 15), on the local stand-in with the Cognito
 * emulator: the order of an issue's sections and articles read, changed and saved as a draft of
 * issue.yaml (optimistic versions: a stale save is refused), a new article added to an issue that
 * lists its order (refused before: "issue.yaml lists the order of its articles but not …"), and the
 * order published through Ingest onto the issue page. A galley uploaded with a presigned PUT straight
 * to the inbox bucket (s3rver, through the Admin role's IAM gateway), checked before it is attached,
 * and published. The deposit ledger's failure reasons in the catalog. Another journal's editor is
 * refused (403) on every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { issueKey } from '#core/urls';
import { ROOT } from '#infra/local/paths';
import { publishFolder } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { adminClient, query } from './admin-client.ts';
import { siteText } from './inspect.ts';

const EDITOR = { username: 'toc-editor', password: 'Toc-editor-1!', groups: ['editor:exemplaria'] };
const OTHER = { username: 'toc-other', password: 'Toc-other-1!', groups: ['editor:balcanica'] };
const ISSUE = { journal: 'exemplaria', issue: 'XII-2024' };
const REVIEW = { doi: '10.5555/exemplaria.xii.96', section: 'reviews', title: 'Review: Salt Roads', contributors: [{ given_name: 'Ines', family_name: 'Aalto' }], pages: { first: 96, last: 98 } };

let stage: TestStage;
let editorToken: string;
let otherToken: string;
const { call, seedAndSignIn } = adminClient(() => stage);

type Toc = { version: number; listed: boolean; sections: { id: string; title: string; articles: { id: string; title: string }[] }[]; articles: { id: string }[] };
const ids = (toc: Toc): Record<string, string[]> => Object.fromEntries(toc.sections.map((s) => [s.id, s.articles.map((a) => a.id)]));

beforeAll(async () => {
  stage = await startTestStage();
  await publishFolder(stage.stack, join(ROOT, 'examples'));
  await stage.stack.drain({ timeoutMs: 240_000 });
  [editorToken, otherToken] = await seedAndSignIn([EDITOR, OTHER]);
  // A loaded machine (five developers' suites at once) takes minutes to publish the examples.
}, 420_000);
afterAll(() => stage?.stop());

describe('the table of contents from the console', () => {
  it('reads the issue’s sections and articles in the order issue.yaml lists them', async () => {
    const { status, body } = await call('GET', `/api/admin/toc?${query(ISSUE)}`, editorToken);
    expect(status).toBe(200);
    const toc = body as unknown as Toc;
    expect(toc.version).toBe(0);
    expect(toc.listed).toBe(true);
    expect(ids(toc)).toEqual({ editorial: ['editorial'], articles: ['carberry', 'lefevre', 'okafor', 'schneider'], reviews: ['brandt-review'] });
    expect(toc.sections.map((s) => s.title)).toEqual(['Editorial', 'Articles', 'Book Reviews']);
    // Titles without their inline markup (the page sets them as text).
    expect(toc.sections[2]!.articles[0]!.title).toBe('Review: Paper Harbours, edited by Ana Ferrer');
  });

  it('refuses another journal’s editor (403) and a request without a token (401)', async () => {
    expect((await call('GET', `/api/admin/toc?${query(ISSUE)}`, otherToken)).status).toBe(403);
    expect((await call('PUT', '/api/admin/toc', otherToken, { ...ISSUE, version: 0, sections: [], articles: [] })).status).toBe(403);
    expect((await call('GET', `/api/admin/toc?${query(ISSUE)}`, undefined)).status).toBe(401);
  });

  it('saves a new order as a draft; a save based on an older version is refused (409); an order that leaves an article out too', async () => {
    const order = [
      { id: 'editorial', articles: ['editorial'] },
      { id: 'reviews', articles: ['brandt-review'] },
      { id: 'articles', articles: ['schneider', 'carberry', 'lefevre', 'okafor'] },
    ];
    const saved = await call('PUT', '/api/admin/toc', editorToken, { ...ISSUE, version: 0, sections: order });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const stale = await call('PUT', '/api/admin/toc', editorToken, { ...ISSUE, version: 0, sections: order });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^Someone saved this issue’s order after you opened it/);
    const missing = await call('PUT', '/api/admin/toc', editorToken, { ...ISSUE, version: 1, sections: [order[0], order[1], { id: 'articles', articles: ['schneider'] }] });
    expect(missing.status).toBe(409);
    expect(missing.body.message).toMatch(/must name each article/);
    const toc = (await call('GET', `/api/admin/toc?${query(ISSUE)}`, editorToken)).body as unknown as Toc & { changes: { version: number; action: string; changed: string[]; by: string }[] };
    expect(toc.version).toBe(1);
    // The save is on the issue's audit trail: which version, which list, by whom (a user id, no e-mail).
    expect(toc.changes).toEqual([expect.objectContaining({ version: 1, action: 'save', changed: ['sections'] })]);
    expect(toc.changes[0]!.by).not.toMatch(/@|^$/);
    expect(toc.sections.map((s) => s.id)).toEqual(['editorial', 'reviews', 'articles']);
    expect(ids(toc).articles).toEqual(['schneider', 'carberry', 'lefevre', 'okafor']);
    expect(stage.stack.iam.denials).toEqual([]);
  });

  it('adds a new article to an issue that lists its order, at the end of its section', async () => {
    const created = await call('POST', '/api/admin/article', editorToken, { ...ISSUE, article: 'aalto-review', data: REVIEW });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const toc = (await call('GET', `/api/admin/toc?${query(ISSUE)}`, editorToken)).body as unknown as Toc;
    expect(toc.version).toBe(2);
    expect(ids(toc).reviews).toEqual(['brandt-review', 'aalto-review']);
  });

  it('publishes the order through Ingest: the issue page lists the articles in it', async () => {
    const published = await call('POST', '/api/admin/publish', editorToken, ISSUE);
    expect(published.status, JSON.stringify(published.body)).toBe(202);
    await stage.stack.drain({ timeoutMs: 240_000 });
    const page = await siteText(stage.stack, issueKey('exemplaria', 'XII-2024'));
    const at = (text: string): number => page.indexOf(text);
    expect(at('Salt Roads')).toBeGreaterThan(at('Paper Harbours'));
    expect(at('Die Grenzsteine')).toBeLessThan(at('Ledgers of the Unbuilt Harbour'));
    expect(at('Book Reviews')).toBeLessThan(at('Die Grenzsteine'));
    expect(stage.errors).toEqual([]);
  });
});

describe('a galley uploaded from the console straight to the inbox bucket', () => {
  const LEFEVRE = { ...ISSUE, article: 'lefevre' };
  const PDF = readFileSync(join(ROOT, 'examples/exemplaria/XII-2024/carberry.pdf'));
  const WORD = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(200, 1)]);
  type Presigned = { url: string; headers: Record<string, string>; key: string };
  const presign = async (size: number, name = 'lefevre.pdf', token = editorToken) => call('POST', '/api/admin/galley', token, { ...LEFEVRE, name, format: 'pdf', size });
  const put = (p: Presigned, bytes: Uint8Array) => fetch(p.url, { method: 'PUT', headers: { ...p.headers, origin: stage.stack.siteUrl }, body: bytes });

  it('refuses, before any upload, a name that is not a PDF’s, an empty or too large file, and another journal’s editor', async () => {
    const wrongName = await presign(PDF.length, 'lefevre.docx');
    expect(wrongName.status).toBe(422);
    expect(wrongName.body.message).toMatch(/does not end in \.pdf/);
    expect((await presign(0)).status).toBe(422);
    const huge = await presign(10 ** 12);
    expect(huge.status).toBe(422);
    expect(huge.body.message).toMatch(/more than the .* this stage takes/);
    expect((await presign(PDF.length, 'lefevre.pdf', otherToken)).status).toBe(403);
  });

  it('signs a PUT bound to the declared type and size; the browser’s preflight is answered for the site’s origin only', async () => {
    const { status, body } = await presign(PDF.length);
    expect(status).toBe(200);
    const p = body as unknown as Presigned;
    expect(p.key).toMatch(/^uploads\/exemplaria\/XII-2024\/lefevre\/[0-9a-f-]{36}\/lefevre\.pdf$/);
    // The console page may connect there (its CSP names the signer's origin).
    const page = await (await fetch(`${stage.stack.siteUrl}/admin/`)).text();
    expect(page).toContain(`connect-src 'self' ${new URL(stage.stack.staff!.endpoint).origin} ${new URL(p.url).origin};`);
    const preflight = await fetch(p.url, { method: 'OPTIONS', headers: { origin: stage.stack.siteUrl, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const elsewhere = await fetch(p.url, { method: 'OPTIONS', headers: { origin: 'https://attacker.example', 'access-control-request-method': 'PUT' } });
    expect(elsewhere.status).toBe(403);
    // The type and the exact size are signed: S3 refuses any other (s3rver checks no SigV4 signature,
    // so that refusal is AWS's only; the check after the upload below is what refuses a wrong file here).
    expect(new URL(p.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(p.headers).toEqual({ 'content-type': 'application/pdf' });
  });

  it('checks what arrived before attaching it: a Word file declared a PDF is refused at its field', async () => {
    const p = (await presign(WORD.length)).body as unknown as Presigned;
    expect((await put(p, WORD)).status).toBe(200);
    const refused = await call('POST', '/api/admin/galley/attach', editorToken, { ...LEFEVRE, version: 0, key: p.key, name: 'lefevre.pdf', format: 'pdf' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/file "lefevre\.pdf" is not a PDF/);
    expect((refused.body.problems as { path: string[] }[])[0]!.path).toEqual(['galley-file']);
    const draft = await call('GET', `/api/admin/draft?${query(LEFEVRE)}`, editorToken);
    expect(JSON.stringify(draft.body.data)).not.toContain('lefevre.pdf');
    // An upload made for another article is not attached here.
    const other = await call('POST', '/api/admin/galley/attach', editorToken, { ...ISSUE, article: 'okafor', version: 0, key: p.key, name: 'lefevre.pdf', format: 'pdf' });
    expect(other.status).toBe(400);
  });

  it('attaches a PDF as a draft of the article’s galleys, and publishing puts it beside the landing page', async () => {
    const p = (await presign(PDF.length)).body as unknown as Presigned;
    const uploaded = await put(p, PDF);
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('access-control-allow-origin')).not.toBeNull();
    const attached = await call('POST', '/api/admin/galley/attach', editorToken, { ...LEFEVRE, version: 0, key: p.key, name: 'lefevre.pdf', format: 'pdf', label: 'PDF (français)' });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body.version).toBe(1);
    const draft = await call('GET', `/api/admin/draft?${query(LEFEVRE)}`, editorToken);
    expect((draft.body.data as { galleys: unknown[] }).galleys).toContainEqual({ format: 'pdf', path: 'lefevre.pdf', label: 'PDF (français)' });
    const published = await call('POST', '/api/admin/publish', editorToken, ISSUE);
    expect(published.status, JSON.stringify(published.body)).toBe(202);
    await stage.stack.drain({ timeoutMs: 240_000 });
    const site = stage.stack.clients.s3;
    const out = await site.send(new GetObjectCommand({ Bucket: stage.stack.bucket('SiteBucket'), Key: 'doi/10.5555/exemplaria.xii.2/lefevre.pdf' }));
    expect(Buffer.from(await out.Body!.transformToByteArray()).equals(PDF)).toBe(true);
    expect(await siteText(stage.stack, 'doi/10.5555/exemplaria.xii.2/index.html')).toContain('PDF (français)');
    expect(stage.stack.iam.denials).toEqual([]);
    expect(stage.errors).toEqual([]);
  });
});

describe('a DOI’s deposit failure in the console', () => {
  it('shows Crossref’s reason from the deposit ledger beside the DOI’s state; another journal’s editor sees none of it', async () => {
    // The ledger as the Deposit function writes it after Crossref refused a record (reserve, then settle).
    const ledger = createDepositLedger({ client: stage.stack.clients.dynamodb, tableName: stage.stack.table('RecordsTable') });
    const doi = '10.5555/exemplaria.xii.3';
    const batchId = 'console-test-batch';
    const at = '2026-12-07T10:00:00.000Z';
    expect(await ledger.reserve({ batchId, fileName: `${batchId}.xml`, timestamp: '20261207100000000', records: [{ doi, hash: 'h1' }], at })).toEqual({ ok: true });
    const reason = 'Record not processed because submitted version: 20261207100000000 is less or equal to previously submitted version (DOI match)';
    await ledger.settle(batchId, [{ doi, outcome: 'Failure', message: reason }], { submissionId: '1', counts: { records: 1, success: 0, warning: 0, failure: 1 }, at });
    const { body } = await call('GET', '/api/admin/catalog', editorToken);
    type Row = { id: string; crossref: string; deposit?: { state: string; message?: string; at: string; batchId?: string } };
    const rows = (body.journals as { issues: { id: string; articles: Row[] }[] }[])[0]!.issues.find((i) => i.id === 'XII-2024')!.articles;
    expect(rows.find((a) => a.id === 'okafor')).toMatchObject({ crossref: 'failed', deposit: { state: 'failed', message: reason, at, batchId } });
    expect(rows.find((a) => a.id === 'carberry')?.deposit).toBeUndefined();
    const other = await call('GET', '/api/admin/catalog', otherToken);
    expect(JSON.stringify(other.body)).not.toContain('exemplaria');
  });
});
