/**
 * Old single-journal paths on the stand-in (issue 12): the site server runs the distribution's own
 * CloudFront Function from the template, so a stage configured with `site.legacyJournal` answers
 * `/issues/<id>/` with a 301 to `/<journal>/issues/<id>/`, as CloudFront would.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indexRewriteSource } from '#infra/constructs/index-rewrite';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { assemblyWith } from './assembly.ts';
import { fixtureSources } from './fixtures.ts';

const ISSUE = '2024-12-3';
let stage: TestStage;
let assembly: string;
beforeAll(async () => {
  // The local stage has no legacy journal: this copy's distribution function is the one dev and prod get, for the fixture journal.
  assembly = assemblyWith((template) => {
    for (const r of Object.values(template.Resources)) if (r.Type === 'AWS::CloudFront::Function') r.Properties!.FunctionCode = indexRewriteSource('testjournal');
  });
  stage = await startTestStage({ cdkOut: assembly });
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain({ timeoutMs: 240_000 });
}, 300_000);
afterAll(async () => {
  await stage.stop();
  rmSync(assembly, { recursive: true, force: true });
});

it('answers an old issue path with a 301 to the journal’s own, which serves the page', async () => {
  // Act
  const old = await fetch(`${stage.stack.siteUrl}/issues/${ISSUE}/`, { redirect: 'manual' });
  const moved = await fetch(new URL(old.headers.get('location') ?? '/', stage.stack.siteUrl));

  // Assess
  expect(old.status).toBe(301);
  expect(old.headers.get('location')).toBe(`/testjournal/issues/${ISSUE}/`);
  expect(moved.status).toBe(200);
  expect(await moved.text()).toContain('<html');
  // Everything else is the index rewrite, as before.
  expect((await fetch(`${stage.stack.siteUrl}/testjournal/issues/${ISSUE}/`, { redirect: 'manual' })).status).toBe(200);
});
