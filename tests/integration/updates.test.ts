/**
 * Corrections and retractions on the local stack (issue 11, item 4: on main the correction never
 * reached the deposit, the corrected article's page said nothing, the notice showed a bare DOI,
 * and a relation to an unknown DOI of the journal's own prefix was accepted).
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { validateXml } from '#tests/helpers/xsd';
import { fixtureSources, FIXTURE_DOIS, withArticle } from './fixtures.ts';
import { siteKeys, tableItems } from './inspect.ts';

const [RETRACTED, , NOTICE] = FIXTURE_DOIS;

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  // The fixture's a03 is a correction of a01: made a retraction here.
  await publishSources(stage.stack, withArticle(fixtureSources(), 'a03-article-number.yaml', (t) => t.replace('type: correction-of', 'type: retraction-of')));
  await stage.stack.drain();
});
afterAll(() => stage.stop());

const page = async (doi: string): Promise<string> => (await fetch(`${stage.stack.siteUrl}/doi/${doi}/`)).text();

describe('a retraction', () => {
  it('says so at the top of the retracted article’s page, before its title, linking to the notice', async () => {
    // Act
    const html = await page(RETRACTED);

    // Assess
    expect(stage.errors).toEqual([]);
    const notice = html.indexOf('This article has been retracted (2024-10-15): “<a href="https://doi.org/10.5555/sbt.2024.e7">Une note sur les frontières</a>”');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(html.indexOf('<h1'));
  });

  it('names the retracted article by its title on the notice’s page, and links it forward in its JATS', async () => {
    // Act
    const html = await page(NOTICE);
    const jats = await (await fetch(`${stage.stack.siteUrl}/doi/${RETRACTED}/article.xml`)).text();

    // Assess
    expect(html).toContain('This notice retracts “<a href="https://doi.org/10.5555/sbt.2024.001">The Danube Question and the <i>Acta Bosniaca</i>, 1878–1914</a>” (https://doi.org/10.5555/sbt.2024.001).');
    expect(jats).toContain('<related-article related-article-type="retraction-forward" ext-link-type="doi" xlink:href="10.5555/sbt.2024.e7"/>');
  });

  it('is marked Retracted beside its title in the issue\'s table of contents and on the journal\'s home page', async () => {
    for (const path of ['/testjournal/issues/2024-12-3/', '/testjournal/']) {
      const html = await (await fetch(`${stage.stack.siteUrl}${path}`)).text();
      const marked = [...html.matchAll(/<p class="toc-status">([^<]+)<\/p>\s*<h3[^>]*><a href="([^"]+)"/g)].map((m) => `${m[1]} ${decodeURIComponent(m[2]!)}`);
      expect(marked, path).toEqual([expect.stringMatching(new RegExp(`^Retracted .*/doi/${RETRACTED.replace(/\./g, '\\.')}/$`))]);
    }
  });

  it('is in OAI-PMH as a retraction of the article', async () => {
    // Act
    const xml = await (await fetch(`${stage.stack.siteUrl}/api/oai?verb=ListRecords&metadataPrefix=jats`)).text();

    // Assess
    expect(xml).toMatch(/<article [^>]*article-type="retraction"/);
    expect(xml).toContain('<related-article related-article-type="retracted-article" ext-link-type="doi" xlink:href="10.5555/sbt.2024.001"/>');
  });

  it('goes to Crossref as a Crossmark update in the dry-run deposit, valid against the schema', async () => {
    // Act
    const bucket = stage.stack.bucket('ArtifactsBucket');
    const listed = await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'crossref/dry-run/' }));
    const files = await Promise.all((listed.Contents ?? []).map(async (o) => (await stage.stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }))).Body!.transformToString()));

    // Assess
    const withUpdate = files.filter((xml) => xml.includes('<update type="retraction" date="2024-10-15">10.5555/sbt.2024.001</update>'));
    expect(withUpdate.length).toBeGreaterThan(0);
    for (const xml of withUpdate) expect(validateXml('crossref', xml).errors).toEqual([]);
  });
});

describe('a relation to an unknown DOI of the journal’s own prefix', () => {
  it('refuses the issue with the file and line, and publishes nothing of it', async () => {
    // Prepare
    const keys = await siteKeys(stage.stack);
    const sources = withArticle(fixtureSources(), 'a03-article-number.yaml', (t) => t.replace('doi: 10.5555/sbt.2024.001', 'doi: 10.5555/sbt.2024.999')).map((j) => ({ ...j, issues: j.issues.map((i) => ({ ...i, id: 'typo' })) }));

    // Act
    await publishSources(stage.stack, sources);
    await stage.stack.drain();

    // Assess
    const problems = (await tableItems(stage.stack)).find((i) => i.pk === 'ISSUE#testjournal#typo' && i.sk === 'PROBLEMS');
    // The issue republishes the fixture's DOIs under another issue id, so Ingest also reports each as owned by 2024-12-3 (issue 12): all in one pass.
    expect(JSON.parse(String(problems?.problems))).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/a03-article-number\.yaml$/), path: ['relations', 0, 'doi'], line: 10, message: expect.stringContaining('10.5555/sbt.2024.999 is under the journal\'s own prefix') }),
    );
    expect(await siteKeys(stage.stack)).toEqual(keys);
  });
});
