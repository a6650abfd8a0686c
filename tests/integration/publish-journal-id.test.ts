/**
 * The stand-in's publish (infra/local/publish.ts) keeps an issue's files under the id its
 * journal.yaml gives, read from that file alone, as Ingest expects them: a problem in another
 * issue of the journal, or a folder named otherwise, must not send them elsewhere.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import type { JournalSources } from '#core/model/index';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, FIXTURE_DOIS } from './fixtures.ts';
import { siteKeys, tableItems } from './inspect.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

it("keeps a valid issue's files under journal.yaml's id when its folder is named otherwise and another issue of the journal has a problem", async () => {
  // Prepare: the fixture journal in a folder not named by its id, with a second issue whose issue.yaml does not parse.
  const sources: JournalSources[] = fixtureSources().map((journal) => ({
    ...journal,
    id: 'test-journal-folder',
    issues: [...journal.issues, { id: '2025-1', issue: { path: 'test-journal-folder/2025-1/issue.yaml', text: 'volume: [1\n' }, articles: [] }],
  }));

  // Act
  await publishSources(stage.stack, sources);
  await stage.stack.drain();

  // Assess: the valid issue is published with its galley; the broken one is refused on its own.
  const ingested = stage.logs.filter((l) => l.fn === 'Ingest' && l.line.message === 'issue ingested');
  expect(ingested).toHaveLength(1);
  expect(stage.logs.filter((l) => l.fn === 'Ingest' && l.line.message === 'metadata refused')).toHaveLength(1);
  const heads = (await tableItems(stage.stack)).filter((i) => i.sk === 'HEAD').map((i) => String(i.doi));
  expect(heads.sort()).toEqual([...FIXTURE_DOIS].sort());
  const keys = await siteKeys(stage.stack);
  expect(keys).toContain(`doi/${FIXTURE_DOIS[0]}/index.html`);
  expect(keys.some((k) => k.startsWith(`doi/${FIXTURE_DOIS[0]}/`) && k.endsWith('.pdf'))).toBe(true);
});
