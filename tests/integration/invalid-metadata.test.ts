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

it('holds an upload that skipped the CLI to the Crossref rules too: a withdrawal without the journal\'s Crossmark policy is refused, and nothing changes', async () => {
  // Prepare: what `colophon validate` refuses, uploaded straight to the inbox
  const withdrawn = withArticle(fixtureSources(), 'a02-mueller.yaml', (text) => `${text}withdrawn:\n  date: 2025-01-10\n  reason: Published twice by mistake.\n`).map((j) => ({
    ...j,
    journal: { ...j.journal, text: j.journal.text.replace(/^\s*crossmark_policy: .*\n/m, '') },
  }));
  expect(withdrawn[0]!.journal.text).not.toContain('crossmark_policy');
  const renders = invocations(stage.stack, 'Render');

  // Act
  await publishSources(stage.stack, withdrawn);
  await stage.stack.drain();

  // Assess
  const items = await tableItems(stage.stack);
  const problems = JSON.parse(String(items.find((i) => i.pk === 'ISSUE#testjournal#2024-12-3' && i.sk === 'PROBLEMS')?.problems ?? '[]')) as { file: string; path: string[]; message: string; hint?: string }[];
  expect(problems).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/a02-mueller\.yaml$/), path: ['withdrawn'], hint: expect.stringContaining('crossmark_policy') }));
  expect(invocations(stage.stack, 'Render')).toBe(renders);
  expect(items.find((i) => i.sk === 'HEAD' && String(i.doi).endsWith('sbt.2024.002'))?.version).toBe(1);
});
