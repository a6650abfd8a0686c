/**
 * The table of contents from the console (issue 15), on the local stand-in with the Cognito
 * emulator: the order of an issue's sections and articles read, changed and saved as a draft of
 * issue.yaml (optimistic versions: a stale save is refused), a new article added to an issue that
 * lists its order (refused before: "issue.yaml lists the order of its articles but not …"), and the
 * order published through Ingest onto the issue page. Another journal's editor is refused (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { issueKey } from '#core/urls';
import { seedStaffUser } from '#infra/local/cognito';
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
const { signIn, call } = adminClient(() => stage);

type Toc = { version: number; listed: boolean; sections: { id: string; title: string; articles: { id: string; title: string }[] }[]; articles: { id: string }[] };
const ids = (toc: Toc): Record<string, string[]> => Object.fromEntries(toc.sections.map((s) => [s.id, s.articles.map((a) => a.id)]));

beforeAll(async () => {
  stage = await startTestStage();
  await publishFolder(stage.stack, join(ROOT, 'examples'));
  await stage.stack.drain({ timeoutMs: 240_000 });
  const staff = stage.stack.staff!;
  await seedStaffUser(staff.endpoint, staff.userPoolId, EDITOR);
  await seedStaffUser(staff.endpoint, staff.userPoolId, OTHER);
  [editorToken, otherToken] = await Promise.all([signIn(EDITOR), signIn(OTHER)]);
});
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
    const toc = (await call('GET', `/api/admin/toc?${query(ISSUE)}`, editorToken)).body as unknown as Toc;
    expect(toc.version).toBe(1);
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
