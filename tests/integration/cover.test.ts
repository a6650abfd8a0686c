/**
 * An issue's cover image through the pipeline on the local stack (issue 11, item 3): `publish`
 * uploads it with the issue, Ingest checks it, Site puts it beside the issue page with its
 * Content-Type, and the issue page and the journal's home page show it with its text alternative;
 * every link to it answers 200.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMetadata } from '#adapters/metadata-fs';
import type { JournalSources } from '#core/model/index';
import { publishSources } from '#infra/local/publish';
import { samplePng } from '../../scripts/sample-image.ts';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { removeTempDirs, tempDir } from '#tests/cli/run';
import { FIXTURE_DIR } from './fixtures.ts';
import { siteSnapshot } from './inspect.ts';

const COVER_KEY = 'testjournal/issues/2024-12-3/cover.png';
const ALT = 'A river boat on the Danube at dusk.';
const PNG = samplePng(8, 12, (x, y) => [x * 30, y * 20, 120]);

/** The fixture with a cover beside its issue.yaml. */
function fixtureWithCover(): JournalSources[] {
  const dir = join(tempDir(), 'testjournal');
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, '2024-12-3/cover.png'), PNG);
  const issueFile = join(dir, '2024-12-3/issue.yaml');
  writeFileSync(issueFile, `${readFileSync(issueFile, 'utf8')}cover:\n  path: cover.png\n  alt: ${ALT}\n`);
  return readMetadata(dir) as JournalSources[];
}

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureWithCover());
  await stage.stack.drain();
});
afterAll(async () => {
  await stage.stop();
  removeTempDirs();
});

describe('a published cover image', () => {
  it('sits beside the issue page with its Content-Type, byte for byte', async () => {
    // Act
    const snapshot = await siteSnapshot(stage.stack);
    const served = await fetch(`${stage.stack.siteUrl}/${COVER_KEY}`);
    // Assess
    expect(stage.errors).toEqual([]);
    expect(snapshot[COVER_KEY]).toMatchObject({ contentType: 'image/png' });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), Buffer.from(PNG))).toBe(0);
  });

  it('is shown on the issue page and the home page with its text alternative, and each link answers 200', async () => {
    // Act
    const issue = await (await fetch(`${stage.stack.siteUrl}/testjournal/issues/2024-12-3/`)).text();
    const home = await (await fetch(`${stage.stack.siteUrl}/testjournal/`)).text();
    // Assess
    expect(issue).toContain(`<figure class="cover"><img src="cover.png" alt="${ALT}"></figure>`);
    expect(home).toContain(`<figure class="cover"><img src="issues/2024-12-3/cover.png" alt="${ALT}"></figure>`);
    expect((await fetch(`${stage.stack.siteUrl}/testjournal/issues/2024-12-3/cover.png`)).status).toBe(200);
  });
});
