/**
 * SICI-style DOIs (`: ; < > [ ]`) on the local stack (issue 12, High 2): the landing page URL that
 * publish prints, the sitemap lists and the Crossref deposit registers answers 200, and the
 * double-encoded form does not (the site server decodes a path once, as S3 does).
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFileUrl, landingUrl } from '#core/urls';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, withArticle } from './fixtures.ts';
import { siteText } from './inspect.ts';

const SICI = '10.5555/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0';
const BRACKETS = '10.5555/abc[1]:x';
const BASE = 'https://journal.example.org/sbt';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  const renamed = withArticle(withArticle(fixtureSources(), 'a01-petrovic.yaml', (t) => t.replace('doi: 10.5555/sbt.2024.001', `doi: "${SICI}"`)), 'a02-mueller.yaml', (t) =>
    t.replace('doi: 10.5555/sbt.2024.002', `doi: "${BRACKETS}"`),
  );
  // a03 is a correction notice of a01: it must name a01 by its new DOI (a relation to an unknown own-prefix DOI refuses the issue).
  const sources = withArticle(renamed, 'a03-article-number.yaml', (t) => t.replace('doi: 10.5555/sbt.2024.001', `doi: "${SICI}"`));
  await publishSources(stage.stack, sources);
  await stage.stack.drain({ timeoutMs: 120_000 });
});
afterAll(() => stage.stop());

const local = (url: string): string => `${stage.stack.siteUrl}${url.slice(BASE.length)}`;

describe('DOIs with : ; < > [ ] on the local stack', () => {
  it.each([SICI, BRACKETS])('%s: the landing page URL answers 200, the double-encoded one does not', async (doi) => {
    // Prepare
    const url = landingUrl({ base_url: BASE } as never, doi);

    // Act
    const page = await fetch(local(url));
    const doubled = await fetch(local(url.replaceAll('%', '%25')));

    // Assess
    expect(stage.errors).toEqual([]);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('Page not found');
    expect(doubled.status).toBe(404);
  });

  it.each([SICI, BRACKETS])('%s: the citation downloads the page links answer 200 from the article\'s downloads object, the double-encoded ones 404', async (doi) => {
    for (const kind of ['ris', 'bibtex', 'csl'] as const) {
      // Prepare
      const url = articleFileUrl({ base_url: BASE } as never, doi, kind);
      // Act
      const file = await fetch(local(url));
      const doubled = await fetch(local(url.replaceAll('%', '%25')));
      // Assess: the HTTP API decodes the path once, as S3 did for the static files
      expect(file.status, url).toBe(200);
      expect(await file.text(), url).toContain(doi);
      expect(doubled.status, url).toBe(404);
    }
  });

  it('every URL the sitemap lists and the deposit registers answers 200', async () => {
    // Act
    const sitemap = [...(await siteText(stage.stack, 'sitemap-testjournal.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    const bucket = stage.stack.bucket('ArtifactsBucket');
    const [key] = ((await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'crossref/' }))).Contents ?? []).map((o) => o.Key!);
    const deposit = await (await stage.stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString('utf8');
    // Galley files (the PDF in the text-mining collection) go through the pipeline with issue 11: landing pages here.
    const resources = [...deposit.matchAll(/<resource>([^<]+)<\/resource>/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).filter((u) => u.endsWith('/'));

    // Assess
    expect(sitemap.some((u) => u.includes('%3C693%3A%3AAID-ASI4%3E'))).toBe(true);
    expect(resources.length).toBeGreaterThanOrEqual(3);
    for (const url of [...sitemap, ...resources]) expect(`${(await fetch(local(url))).status} ${url}`).toBe(`200 ${url}`);
  });
});
