/**
 * Removing a galley from the console (issue 15) on the local stand-in: the editor takes the PDF out of
 * an article's draft (optimistic version; a stale one is refused; another journal's editor gets 403),
 * publishes, and the new version's landing page no longer lists or links it, while the file the
 * earlier version linked is still served (nothing published is deleted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { adminClient, query } from './admin-client.ts';
import { fixtureSources } from './fixtures.ts';
import { siteKeys, siteText } from './inspect.ts';

const EDITOR = { username: 'galley-editor', password: 'Galley-editor-1!', groups: ['editor:testjournal'] };
const OTHER = { username: 'galley-other', password: 'Galley-other-1!', groups: ['editor:balcanica'] };
const ARTICLE = { journal: 'testjournal', issue: '2024-12-3', article: 'a01-petrovic' };
const DOI = '10.5555/sbt.2024.001';
const PDF_KEY = `doi/${DOI}/a01-petrovic.pdf`;

let stage: TestStage;
let editorToken: string;
let otherToken: string;
const { call, seedAndSignIn } = adminClient(() => stage);

beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain({ timeoutMs: 240_000 });
  [editorToken, otherToken] = await seedAndSignIn([EDITOR, OTHER]);
}, 300_000);
afterAll(() => stage?.stop());

describe('removing a galley from the console', () => {
  it('starts from a landing page that links the PDF', async () => {
    expect(await siteText(stage.stack, `doi/${DOI}/index.html`)).toContain('a01-petrovic.pdf');
    expect(await siteKeys(stage.stack)).toContain(PDF_KEY);
  });

  it('refuses another journal’s editor (403), a stale version (409) and a galley the article does not have (404)', async () => {
    expect((await call('POST', '/api/admin/galley/remove', otherToken, { ...ARTICLE, version: 0, path: 'a01-petrovic.pdf' })).status).toBe(403);
    const stale = await call('POST', '/api/admin/galley/remove', editorToken, { ...ARTICLE, version: 3, path: 'a01-petrovic.pdf' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Reload the article and remove the file again\.$/);
    const none = await call('POST', '/api/admin/galley/remove', editorToken, { ...ARTICLE, version: 0, path: 'nothing.pdf' });
    expect(none.status).toBe(404);
    expect(none.body.message).toBe('Article a01-petrovic has no galley "nothing.pdf" (any more): reload the article to see its galleys.');
  });

  it('takes the PDF out of the draft, says that nothing published is deleted, and keeps the other galley', async () => {
    const { status, body } = await call('POST', '/api/admin/galley/remove', editorToken, { ...ARTICLE, version: 0, path: 'a01-petrovic.pdf' });
    expect(status).toBe(200);
    expect(body.version).toBe(1);
    expect(body.message).toBe('Removed a01-petrovic.pdf from the draft (version 1). Publish the issue and the new version no longer lists or links it. Versions already published keep their link: the file is not deleted, so nothing published is lost.');
    const draft = await call('GET', `/api/admin/draft?${query(ARTICLE)}`, editorToken);
    expect((draft.body.data as { galleys: unknown[] }).galleys).toEqual([{ format: 'epub', url: 'https://journal.example.org/files/a01.epub', label: 'EPUB' }]);
    const audit = await call('GET', `/api/admin/audit?${query(ARTICLE)}`, editorToken);
    expect((audit.body.entries as { changed: string[] }[])[0]!.changed.every((c) => c.startsWith('galleys'))).toBe(true);
  });

  it('publishes a version that no longer lists or links the PDF; the file an earlier version linked is still there', async () => {
    const published = await call('POST', '/api/admin/publish', editorToken, { journal: ARTICLE.journal, issue: ARTICLE.issue });
    expect(published.status).toBe(202);
    await stage.stack.drain({ timeoutMs: 240_000 });
    const page = await siteText(stage.stack, `doi/${DOI}/index.html`);
    expect(page).not.toContain('a01-petrovic.pdf');
    expect(page).toContain('https://journal.example.org/files/a01.epub');
    expect(await siteKeys(stage.stack)).toContain(PDF_KEY);
    expect(stage.errors).toEqual([]);
    expect(stage.stack.iam.denials).toEqual([]);
  });
});
