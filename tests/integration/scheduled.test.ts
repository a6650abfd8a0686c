/**
 * Scheduled publication on the local stack (issue 11, item 5; on main a future online date was live
 * at once). An article dated 2030-12-15 is held back everywhere (no page, no OAI-PMH record, no
 * sitemap entry, no issue-page link, no deposit) and goes live when the scheduled release fires at
 * a time on or after that day: the event's time is chosen here, nothing sleeps. Staff can publish
 * early on purpose.
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, FIXTURE_DOIS, withArticle } from './fixtures.ts';
import { siteKeys, siteText, tableItems } from './inspect.ts';

const [LIVE, HELD, NOTICE] = FIXTURE_DOIS;
const CORRECTED = 'A correction to this article has been published';
const FUTURE = (text: string): string => text.replace('online: 2024-10-15', 'online: 2030-12-15');

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  // a02 is dated 2030-12-15, and so is a03, the correction notice of a01 (which is live now).
  const a03 = (text: string): string => `${text}dates:\n  published:\n    online: 2030-12-15\n`;
  await publishSources(stage.stack, withArticle(withArticle(fixtureSources(), 'a02-mueller.yaml', FUTURE), 'a03-article-number.yaml', a03));
  await stage.stack.drain();
});
afterAll(() => stage.stop());

/** Where a reader, a harvester, a crawler and Crossref could see an article. */
async function visibility(doi: string): Promise<{ page: number; oai: boolean; sitemap: boolean; issuePage: boolean; deposit: boolean }> {
  const page = (await fetch(`${stage.stack.siteUrl}/doi/${doi}/`)).status;
  const oai = (await (await fetch(`${stage.stack.siteUrl}/api/oai?verb=ListIdentifiers&metadataPrefix=oai_dc`)).text()).includes(doi);
  const keys = await siteKeys(stage.stack);
  const sitemaps = await Promise.all(keys.filter((k) => /(^|\/)sitemap[^/]*\.xml$/.test(k)).map((k) => siteText(stage.stack, k)));
  const issues = await Promise.all(keys.filter((k) => /issues\/[^/]+\/index\.html$/.test(k)).map((k) => siteText(stage.stack, k)));
  const bucket = stage.stack.bucket('ArtifactsBucket');
  const listed = await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'crossref/dry-run/' }));
  const deposits = await Promise.all((listed.Contents ?? []).map(async (o) => (await stage.stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }))).Body!.transformToString()));
  return { page, oai, sitemap: sitemaps.some((x) => x.includes(doi)), issuePage: issues.some((x) => x.includes(doi)), deposit: deposits.some((x) => x.includes(`<doi>${doi}</doi>`)) };
}

describe('an article dated in the future', () => {
  it('is held back everywhere while its neighbours are live, and its record says until when', async () => {
    // Act
    const held = await visibility(HELD);
    const live = await visibility(LIVE);
    const head = (await tableItems(stage.stack)).find((i) => i.pk === `ART#${HELD}` && i.sk === 'HEAD');

    // Assess
    expect(stage.errors).toEqual([]);
    expect(live).toEqual({ page: 200, oai: true, sitemap: true, issuePage: true, deposit: true });
    expect(held).toEqual({ page: 404, oai: false, sitemap: false, issuePage: false, deposit: false });
    expect(await visibility(NOTICE)).toEqual({ page: 404, oai: false, sitemap: false, issuePage: false, deposit: false });
    // The held correction says nothing yet on the page of the article it corrects.
    expect(await (await fetch(`${stage.stack.siteUrl}/doi/${LIVE}/`)).text()).not.toContain(CORRECTED);
    expect(head).toMatchObject({ scheduledFor: '2030-12-15T00:00:00.000Z', gsi3pk: 'SCHEDULED' });
    expect(head?.gsi2pk).toBeUndefined();
  });

  it('stays held when the release runs before its day', async () => {
    // Act
    await stage.stack.bus.fireSchedules(new Date('2030-12-14T23:45:00Z'));
    await stage.stack.drain();

    // Assess
    expect(await visibility(HELD)).toEqual({ page: 404, oai: false, sitemap: false, issuePage: false, deposit: false });
  });

  it('goes live everywhere when the release runs on its day', async () => {
    // Act
    await stage.stack.bus.fireSchedules(new Date('2030-12-15T00:15:00Z'));
    await stage.stack.drain();
    const head = (await tableItems(stage.stack)).find((i) => i.pk === `ART#${HELD}` && i.sk === 'HEAD');

    // Assess
    expect(stage.errors).toEqual([]);
    expect(await visibility(HELD)).toEqual({ page: 200, oai: true, sitemap: true, issuePage: true, deposit: true });
    expect(await visibility(NOTICE)).toEqual({ page: 200, oai: true, sitemap: true, issuePage: true, deposit: true });
    expect(await (await fetch(`${stage.stack.siteUrl}/doi/${LIVE}/`)).text()).toContain(`${CORRECTED} (2030-12-15)`);
    expect(head).toMatchObject({ releasedAt: '2030-12-15T00:15:00.000Z', gsi2sk: `2030-12-15T00:15:00.000Z#${HELD}` });
    expect(head?.scheduledFor).toBeUndefined();
  });
});

describe('publishing early on purpose', () => {
  it('puts an article dated in the future live at once', async () => {
    // Prepare: a new issue id, so the fixture's DOIs are not in question; one article only, dated 2031.
    const sources = withArticle(fixtureSources(), 'a01-petrovic.yaml', (t) => t.replace('doi: 10.5555/sbt.2024.001', 'doi: 10.5555/sbt.2031.001').replace('online: 2024-10-15', 'online: 2031-03-01')).map((j) => ({
      ...j,
      issues: j.issues.map((i) => ({ ...i, id: 'early', issue: { ...i.issue, text: i.issue.text.replace(/^doi: .*\n/m, '') }, articles: i.articles.filter((a) => a.path.endsWith('a01-petrovic.yaml')) })),
    }));

    // Act
    await publishSources(stage.stack, sources, { publishEarly: true });
    await stage.stack.drain();

    // Assess
    const problems = (await tableItems(stage.stack)).find((i) => i.pk === 'ISSUE#testjournal#early' && i.sk === 'PROBLEMS');
    expect(problems?.problems).toBeUndefined();
    expect(stage.errors).toEqual([]);
    expect((await fetch(`${stage.stack.siteUrl}/doi/10.5555/sbt.2031.001/`)).status).toBe(200);
  });
});
