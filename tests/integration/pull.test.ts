/**
 * Files stay first-class (issue 15), on the local stand-in: `colophon pull` writes what the stage
 * holds as the repository's files (round trip on the seed and on examples/: pull, validate, publish
 * → no new version, byte-identical outputs), console changes come back with it, and `colophon
 * publish` refuses to overwrite console changes made since the pull unless --force.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore, type RecordsStore } from '#adapters/records';
import { BASE_FILE } from '#cli/pull-base';
import { seedStaffUser } from '#infra/local/cognito';
import { ROOT } from '#infra/local/paths';
import { removeTempDirs, runCli, snapshot, tempDir } from '#tests/cli/run';
import { cliStateFlags, startTestStage, type TestStage } from '#tests/setup/local-stage';
import { adminClient, query } from './admin-client.ts';

const FAST = ['--poll', '0.1', '--timeout', '240'];
const DOI = '10.2298/BALC1950375E';
const EDITOR = { username: 'pull-editor', password: 'Pull-editor-1!', groups: ['editor:balcanica'] };

let stage: TestStage;
let state: string[];
let records: RecordsStore;
/** Copies of the repository's journals (publish may write assigned DOIs into them). */
let work: string;
const { signIn, call } = adminClient(() => stage);

const withoutBase = (files: Map<string, Buffer>): Map<string, Buffer> => new Map([...files].filter(([path]) => !path.endsWith(BASE_FILE)));

/** Every article head of the journal on the stage: DOI → version. */
async function versions(journal: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const issue of await records.listIssues(journal)) for (const head of await records.listIssueArticleMeta(journal, issue.issue.id, { scheduled: true })) out[head.doi] = head.version;
  return out;
}

/** Every site object with its ETag: what readers and caches see. */
async function siteEtags(): Promise<Record<string, string | undefined>> {
  const site = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('SiteBucket'));
  const out: Record<string, string | undefined> = {};
  for (const key of (await site.list('')).sort()) out[key] = (await site.head(key))?.etag;
  return out;
}

async function publish(dir: string, ...extra: string[]) {
  const run = await runCli(['publish', dir, ...state, ...FAST, ...extra]);
  await stage.stack.drain({ timeoutMs: 240_000 });
  return run;
}

beforeAll(async () => {
  stage = await startTestStage();
  state = cliStateFlags(stage, tempDir());
  records = createRecordsStore(stage.stack.clients.documents, stage.stack.table('RecordsTable'));
  work = tempDir();
  cpSync(join(ROOT, 'metadata/balcanica'), join(work, 'balcanica'), { recursive: true });
  cpSync(join(ROOT, 'examples/exemplaria'), join(work, 'exemplaria'), { recursive: true });
  for (const journal of ['balcanica', 'exemplaria']) {
    const run = await publish(join(work, journal));
    expect(run.code, run.stderr).toBe(0);
  }
}, 600_000);
afterAll(async () => {
  await stage?.stop();
  removeTempDirs();
});

describe('colophon pull: the round trip', () => {
  it.each(['balcanica', 'exemplaria'])('%s: pulled files equal the originals; validate, build and publish them again and nothing changes', async (journal) => {
    // Prepare
    const before = { versions: await versions(journal), site: await siteEtags() };
    const out = tempDir();

    // Act
    const pulled = await runCli(['pull', journal, ...state, '--out', out]);

    // Assess: the same files, byte for byte (YAML, galleys, cover), and the same data read as YAML.
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(new RegExp(`^pulled ${journal}: \\d+ issues?, \\d+ articles? from .* into ${out}/${journal} \\(\\d+ new, 0 updated, 0 unchanged files\\)\\n$`));
    const original = snapshot(join(work, journal));
    const copy = snapshot(join(out, journal));
    expect([...withoutBase(copy).keys()]).toEqual([...original.keys()]);
    for (const [path, bytes] of original) {
      expect(copy.get(path)?.equals(bytes), path).toBe(true);
      if (path.endsWith('.yaml')) expect(parse(copy.get(path)!.toString('utf8'))).toEqual(parse(bytes.toString('utf8')));
    }
    expect([...copy.keys()].filter((p) => p.endsWith(BASE_FILE)).length).toBe((await records.listIssues(journal)).length);

    const validated = await runCli(['validate', join(out, journal)]);
    expect(validated.code, validated.stdout).toBe(0);

    const [builtOriginal, builtPulled] = [tempDir(), tempDir()];
    expect((await runCli(['build', join(work, journal), '--out', builtOriginal])).code).toBe(0);
    expect((await runCli(['build', join(out, journal), '--out', builtPulled])).code).toBe(0);
    const [a, b] = [snapshot(builtOriginal), snapshot(builtPulled)];
    expect(a.size).toBeGreaterThan(5);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);

    const again = await publish(join(out, journal));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/ingested as version/);
    expect(await versions(journal)).toEqual(before.versions);
    expect(await siteEtags()).toEqual(before.site);
    expect(stage.errors).toEqual([]);
  });

  it('names what to do for a journal or an issue the stage does not have', async () => {
    const journal = await runCli(['pull', 'balkanika', ...state, '--out', tempDir()]);
    expect(journal.code).toBe(1);
    expect(journal.stderr).toMatch(/^colophon pull: .* has no journal "balkanika" \(it has balcanica, exemplaria\): give the journal's id as its journal.yaml has it, or publish the journal once with colophon publish\n$/);
    const issue = await runCli(['pull', 'balcanica', 'LI-2020', ...state, '--out', tempDir()]);
    expect(issue.code).toBe(1);
    expect(issue.stderr).toMatch(/^colophon pull: journal "balcanica" on .* has no issue "LI-2020" \(it has L-2019\): give one of these, or leave the issue out to pull them all\n$/);
  });
});

describe('files and console side by side', () => {
  let token: string;
  const ref = { journal: 'balcanica', issue: 'L-2019', article: 'edemskiy' };
  const CONSOLE_TITLE = 'Additional Evidence on the Final Break between Moscow and Tirana (console edit)';
  const articleFile = (dir: string): string => join(dir, 'balcanica/L-2019/edemskiy.yaml');

  /** Saves `edit` of the article's current fields as a console draft; publishes the issue from the console when `publishIt`. */
  async function consoleEdit(edit: (data: Record<string, unknown>) => Record<string, unknown>, publishIt: boolean): Promise<void> {
    const current = await call('GET', `/api/admin/draft?${query(ref)}`, token);
    expect(current.status).toBe(200);
    let saved = await call('PUT', '/api/admin/draft', token, { ...ref, version: current.body.version, data: edit(current.body.data as Record<string, unknown>) });
    if (saved.status === 409 && saved.body.stale !== undefined) {
      // The files published over the draft: it starts again from their version, and the edit goes on top (as an editor merges).
      const theirs = saved.body.theirs as { version: number; data: Record<string, unknown> };
      saved = await call('PUT', '/api/admin/draft', token, { ...ref, version: theirs.version, data: edit(theirs.data) });
    }
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    if (!publishIt) return;
    const published = await call('POST', '/api/admin/publish', token, { journal: ref.journal, issue: ref.issue });
    expect(published.status).toBe(202);
    await stage.stack.drain({ timeoutMs: 240_000 });
  }

  beforeAll(async () => {
    const staff = stage.stack.staff!;
    await seedStaffUser(staff.endpoint, staff.userPoolId, EDITOR);
    token = await signIn(EDITOR);
  });

  it('refuses to publish files over a console change made since their last publish, names the article and what to do, and uploads nothing', async () => {
    // Prepare: an editor changes the title in the console and publishes (version 2).
    await consoleEdit((data) => ({ ...data, title: CONSOLE_TITLE }), true);
    expect((await versions('balcanica'))[DOI]).toBe(2);
    const inbox = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket'));
    const before = await inbox.list('inbox/balcanica/');
    writeFileSync(articleFile(work), readFileSync(articleFile(work), 'utf8').replace('language: en', 'language: en\nsubtitle: Sources from Moscow'));

    // Act: the files (which never saw the console's change) are published.
    const run = await runCli(['publish', join(work, 'balcanica'), ...state, ...FAST]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('colophon publish: the console changed this since your files were pulled (or last published from files); publishing would overwrite it, so nothing was uploaded:');
    expect(run.stderr).toMatch(new RegExp(`^  ${DOI.replace(/\./g, '\\.')} \\(.*balcanica/L-2019/edemskiy\\.yaml\\): published from the console as version 2 at \\S+$`, 'm'));
    expect(run.stderr).toContain(`What to do: run colophon pull balcanica L-2019 --stage local --out ${work} to bring`);
    expect(run.stderr).toContain('--force');
    expect(await inbox.list('inbox/balcanica/')).toEqual(before);
    expect((await versions('balcanica'))[DOI]).toBe(2);
  });

  it('pull brings the console change into the files; edited and published, they go through (the base covers the console version)', async () => {
    // Act
    const pulled = await runCli(['pull', 'balcanica', 'L-2019', ...state, '--out', work]);
    const text = readFileSync(articleFile(work), 'utf8');
    writeFileSync(articleFile(work), text.replace(/^language: en$/m, 'language: en\nsubtitle: Sources from Moscow'));
    const run = await publish(join(work, 'balcanica'));

    // Assess
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stderr).toContain(`updated ${articleFile(work)}`);
    expect(parse(text).title).toBe(CONSOLE_TITLE);
    expect(readdirSync(join(work, 'balcanica/L-2019'))).toContain(BASE_FILE);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/(ingested as|rendered) version 3\b/);
    const head = (await records.getHead(DOI))!;
    expect(JSON.stringify(head.record.article.titles)).toContain('console edit');
    expect(JSON.stringify(head.record.article.titles)).toContain('Sources from Moscow');
  });

  it('refuses over a console draft not published yet, and over a console publish newer than the pull; --force publishes anyway', async () => {
    // Prepare: a console publish after the pull (version 4), then a draft on top.
    await consoleEdit((data) => ({ ...data, title: `${CONSOLE_TITLE}, again` }), true);
    const v4Titles = JSON.stringify((await records.getHead(DOI))!.record.article.titles);
    await consoleEdit((data) => ({ ...data, title: `${CONSOLE_TITLE}, a draft` }), false);
    writeFileSync(articleFile(work), readFileSync(articleFile(work), 'utf8').replace('subtitle: Sources from Moscow', 'subtitle: Sources from Moscow and Tirana'));

    // Act
    const refused = await runCli(['publish', join(work, 'balcanica'), ...state, ...FAST]);
    const forced = await publish(join(work, 'balcanica'), '--force');

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the console changed these 2 since');
    expect(refused.stderr).toMatch(/: has a console draft not published yet \(draft version \d+, saved \S+\)$/m);
    expect(refused.stderr).toMatch(/: published from the console as version 4 at \S+$/m);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/(ingested as|rendered) version 5\b/);
    const titles = JSON.stringify((await records.getHead(DOI))!.record.article.titles);
    expect(titles).toContain('Sources from Moscow and Tirana');
    expect(titles).not.toContain('again');
    // Version 4 (console, on a draft saved before version 3 from the files) kept what the files changed.
    expect(v4Titles).toContain('again');
    expect(v4Titles).toContain('Sources from Moscow');
  });

  it("the console's changes view marks each published version as from the files or from the console, and those from files after the draft", async () => {
    // Act
    const { status, body } = await call('GET', `/api/admin/audit?${query(ref)}`, token);

    // Assess: v1 and v3 and v5 from colophon publish, v2 and v4 from the console.
    expect(status).toBe(200);
    expect((body.versions as { version: number; source: string }[]).map((v) => [v.version, v.source])).toEqual([
      [5, 'files'],
      [4, 'console'],
      [3, 'files'],
      [2, 'console'],
      [1, 'files'],
    ]);
    expect((body.entries as unknown[]).length).toBeGreaterThan(0);
    // The draft (saved before the forced publish of the files) no longer holds what is published: the console says so.
    expect((body.filesSinceDraft as { version: number }[]).map((v) => v.version)).toEqual([5]);
    expect(stage.errors).toEqual([]);
  });

  it("a console publish refuses a draft older than a publish from files, says what to do and uploads nothing; the draft saved again starts from the files' version, and both changes publish", async () => {
    // Prepare: the draft ("a draft" title) was saved before version 5 from the files (subtitle "Sources from Moscow and Tirana").
    const inbox = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket'));
    const before = await inbox.list('inbox/balcanica/');

    // Act
    const refused = await call('POST', '/api/admin/publish', token, { journal: ref.journal, issue: ref.issue });
    const after = await inbox.list('inbox/balcanica/');
    const versionAfterRefusal = (await versions('balcanica'))[DOI];
    const opened = await call('GET', `/api/admin/draft?${query(ref)}`, token);
    const rebased = await call('PUT', '/api/admin/draft', token, { ...ref, version: opened.body.version, data: opened.body.data });
    const theirs = rebased.body.theirs as { version: number; data: Record<string, unknown> };
    const yours = (rebased.body.yours as { data: Record<string, unknown> }).data;
    const saved = await call('PUT', '/api/admin/draft', token, { ...ref, version: theirs.version, data: { ...theirs.data, title: yours.title } });
    const published = await call('POST', '/api/admin/publish', token, { journal: ref.journal, issue: ref.issue });
    await stage.stack.drain({ timeoutMs: 240_000 });

    // Assess
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.message).toMatch(/^Nothing was published: "edemskiy": its draft \(version \d+, saved \S+\) is older than version 5 \(\S+\) published from the metadata files\./);
    expect(refused.body.message).toContain('What to do: open the article and save it');
    expect(after).toEqual(before);
    expect(versionAfterRefusal).toBe(5);
    expect(rebased.status).toBe(409);
    expect(rebased.body.message).toMatch(/^Not saved: this article was published from the metadata files \(version 5 /);
    expect(JSON.stringify(theirs.data)).toContain('Sources from Moscow and Tirana');
    expect(String(yours.title)).toContain('a draft');
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(published.status, JSON.stringify(published.body)).toBe(202);
    expect((await versions('balcanica'))[DOI]).toBe(6);
    const head = (await records.getHead(DOI))!;
    expect(JSON.stringify(head.record.article.titles)).toContain('Sources from Moscow and Tirana');
    expect(JSON.stringify(head.record.article.titles)).toContain('a draft');
    expect(stage.errors).toEqual([]);
  });
});
