/** Metadata the loader refuses: its problems are recorded for `colophon status`, and nothing else is written. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, withArticle } from './fixtures.ts';
import { invocations, siteKeys, tableItems } from './inspect.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

it('records the problems with file and line, and writes no record, job or file', async () => {
  // Prepare
  const broken = withArticle(fixtureSources(), 'a03-article-number.yaml', (text) => text.replace(/^doi: .*$/m, 'doi: not-a-doi'));

  // Act
  await publishSources(stage.stack, broken);
  await stage.stack.drain();

  // Assess
  const items = await tableItems(stage.stack);
  expect(items.map((i) => `${i.pk} ${i.sk}`)).toEqual(['ISSUE#testjournal#2024-12-3 PROBLEMS']);
  const problems = JSON.parse(String(items[0]!.problems)) as { file: string; path: string[]; line?: number }[];
  expect(problems).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/testjournal\/2024-12-3\/a03-article-number\.yaml$/), path: ['doi'], line: 1 }));
  expect(invocations(stage.stack, 'Render')).toBe(0);
  expect(await siteKeys(stage.stack)).toEqual([]);
});

it('clears the problems once the issue is published without them', async () => {
  // Act
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain();

  // Assess
  const keys = (await tableItems(stage.stack)).map((i) => `${i.pk} ${i.sk}`);
  expect(keys).not.toContain('ISSUE#testjournal#2024-12-3 PROBLEMS');
  expect(keys).toContain('ISSUE#testjournal#2024-12-3 ISSUE');
});
