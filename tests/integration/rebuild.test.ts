/**
 * `colophon rebuild` against the emulators with the bundled functions of the local stage: every
 * article rendered again one issue at a time, stopped and resumed, and what it refuses.
 */
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore } from '#adapters/records';
import { publishFolder } from '#infra/local/publish';
import { removeTempDirs, runCli, tempDir } from '#tests/cli/run';
import { cliStateFlags, startTestStage, type TestStage } from '#tests/setup/local-stage';
import { FIXTURE_DIR, FIXTURE_DOIS } from './fixtures.ts';

const SEED_DOI = '10.2298/BALC1950375E';
const FAST = ['--poll', '0.1', '--timeout', '180'];

let stage: TestStage;
let state: string[];
let records: ReturnType<typeof createRecordsStore>;

beforeAll(async () => {
  stage = await startTestStage();
  state = cliStateFlags(stage, tempDir());
  const table = stage.stack.table('RecordsTable');
  records = createRecordsStore(stage.stack.clients.documents, table);
  await publishFolder(stage.stack, 'metadata/balcanica');
  await publishFolder(stage.stack, FIXTURE_DIR);
  await stage.stack.drain();
});
afterAll(async () => {
  await stage.stop();
  removeTempDirs();
});

const renderedAt = async (doi: string): Promise<string> => {
  const head = await records.getHead(doi);
  return head?.meta.render.status === 'done' ? head.meta.render.at : `not rendered (${head?.meta.render.status ?? 'no record'})`;
};

describe('colophon rebuild', () => {
  it('renders every article again, one issue at a time; stopped after one issue, --resume finishes the rest', async () => {
    // Prepare: a landing page lost from the site (as after a template change, the page is not what the code would write)
    const before = new Map(await Promise.all([SEED_DOI, ...FIXTURE_DOIS].map(async (doi) => [doi, await renderedAt(doi)] as const)));
    const landing = `${stage.stack.siteUrl}/doi/${SEED_DOI}/`;
    expect((await fetch(landing)).status).toBe(200);
    await stage.stack.clients.s3.send(new DeleteObjectCommand({ Bucket: stage.stack.bucket('SiteBucket'), Key: `doi/${SEED_DOI}/index.html` }));
    expect((await fetch(landing)).status).toBe(404);

    // Act: the first issue (balcanica/L-2019 sorts first), then the rest
    const first = await runCli(['rebuild', '--max-issues', '1', ...state, ...FAST]);
    const id = /^rebuild (\S+) on /m.exec(first.stderr)?.[1] ?? '';
    const seedAfterFirst = await renderedAt(SEED_DOI);
    const fixtureAfterFirst = await renderedAt(FIXTURE_DOIS[0]);
    const rest = await runCli(['rebuild', '--resume', id, ...state, ...FAST]);
    await stage.stack.drain();

    // Assess
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`rebuild ${id} on the local stand-in`);
    expect(first.stderr).toContain('2 issues to render again, one at a time');
    expect(first.stderr).toMatch(/^\[1\/2\] balcanica\/L-2019: 1 article rendered again/m);
    expect(first.stdout).toBe(`rebuild ${id}: 1 of 2 issues done, 1 article; resume with: colophon rebuild --resume ${id}\n`);
    expect(seedAfterFirst > before.get(SEED_DOI)!).toBe(true);
    expect(fixtureAfterFirst).toBe(before.get(FIXTURE_DOIS[0]));
    expect(rest.code).toBe(0);
    expect(rest.stderr).toContain('1 issue to render again (1 done before)');
    expect(rest.stderr).toMatch(/^\[2\/2\] testjournal\/\S+: 3 articles rendered again/m);
    expect(rest.stdout).toBe(`rebuild ${id}: 4 articles in 2 issues rendered again\n`);
    for (const doi of FIXTURE_DOIS) expect((await renderedAt(doi)) > before.get(doi)!).toBe(true);
    expect((await fetch(landing)).status).toBe(200);
    const progress = JSON.parse((await createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket')).getText(`rebuild/${id}/progress.json`))!) as { done: number; articles: number };
    expect(progress).toMatchObject({ done: 2, articles: 4 });
    expect(stage.errors).toEqual([]);
  });

  it('says what the stage holds when the journal is unknown, and that a rebuild id is unknown (exit 2)', async () => {
    // Act
    const journal = await runCli(['rebuild', '--journal', 'nosuch', ...state, ...FAST]);
    const resume = await runCli(['rebuild', '--resume', 'nosuch-id', ...state, ...FAST]);
    // Assess
    expect(journal.code).toBe(2);
    expect(journal.stderr).toMatch(/^colophon rebuild: the local stand-in .*has no journal nosuch \(it has balcanica, testjournal\)\n$/);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/has no rebuild nosuch-id: start one with colophon rebuild \(without --resume\)\n$/);
  });
});
