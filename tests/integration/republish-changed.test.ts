/** One article of a published issue changes: only it gets a new version and new files. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, FIXTURE_DOIS, withArticle } from './fixtures.ts';
import { siteSnapshot, siteText, tableItems } from './inspect.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain();
});
afterAll(() => stage.stop());

const renderedDois = (stage: TestStage): string[] => stage.logs.filter((l) => l.fn === 'Render' && l.line.message === 'rendered').map((l) => String(l.line.doi));

it('renders only the changed article again, and its issue page', async () => {
  // Prepare
  const before = await siteSnapshot(stage.stack);
  const renderedBefore = renderedDois(stage).length;
  const changed = withArticle(fixtureSources(), 'a02-mueller.yaml', (text) => text.replace('title: Rezension zu', 'title: Eine Rezension zu'));

  // Act
  await publishSources(stage.stack, changed);
  await stage.stack.drain();

  // Assess
  expect(stage.errors).toEqual([]);
  expect(renderedDois(stage).slice(renderedBefore)).toEqual([FIXTURE_DOIS[1]]);
  const versions = (await tableItems(stage.stack)).filter((i) => i.sk.startsWith('V#')).map((i) => `${String(i.doi)} ${i.sk}`);
  expect(versions.sort()).toEqual([`${FIXTURE_DOIS[0]} V#000001`, `${FIXTURE_DOIS[1]} V#000001`, `${FIXTURE_DOIS[1]} V#000002`, `${FIXTURE_DOIS[2]} V#000001`].sort());
  const after = await siteSnapshot(stage.stack);
  const changedKeys = Object.keys(after).filter((key) => after[key]!.etag !== before[key]?.etag);
  // The landing page, JATS and citations carry the title; the table of contents lists it.
  expect(changedKeys.filter((k) => k.startsWith('doi/')).every((k) => k.startsWith(`doi/${FIXTURE_DOIS[1]}/`))).toBe(true);
  expect(changedKeys).toEqual(expect.arrayContaining([`doi/${FIXTURE_DOIS[1]}/index.html`, 'testjournal/issues/2024-12-3/index.html']));
  expect(await siteText(stage.stack, 'testjournal/issues/2024-12-3/index.html')).toContain('Eine Rezension zu');
});

it('never shows a contributor e-mail on the issue page', async () => {
  // Act
  const page = await siteText(stage.stack, 'testjournal/issues/2024-12-3/index.html');

  // Assess
  expect(page).not.toContain('jelena.petrovic@example.org');
  expect(page).toContain('href="../../../doi/10.5555/sbt.2024.001/"');
});
