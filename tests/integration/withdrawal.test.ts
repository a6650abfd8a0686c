/**
 * Withdrawal on the local stack (issue 11, item 6; on main there was no way to withdraw an article).
 * The fixture is published, then again with one article's file saying `withdrawn`: its page becomes
 * a notice that keeps the citation, OAI-PMH answers its record with status="deleted", the sitemap
 * drops it, the dry-run deposit carries a Crossmark withdrawal of its own DOI, valid against the
 * schema, and the records table keeps every version.
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { validateXml } from '#tests/helpers/xsd';
import { fixtureSources, FIXTURE_DOIS, withArticle } from './fixtures.ts';
import { siteKeys, siteText, tableItems } from './inspect.ts';

const [, WITHDRAWN] = FIXTURE_DOIS;
const WITHDRAW = (text: string): string => `${text}withdrawn:\n  date: 2025-02-03\n  reason: Published in error.\n`;

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain();
  await publishSources(stage.stack, withArticle(fixtureSources(), 'a02-mueller.yaml', WITHDRAW));
  await stage.stack.drain();
});
afterAll(() => stage.stop());

describe('a withdrawn article', () => {
  it('keeps its page, as a notice with the citation and without the work', async () => {
    const html = await (await fetch(`${stage.stack.siteUrl}/doi/${WITHDRAWN}/`)).text();
    expect(stage.errors).toEqual([]);
    expect(html).toContain('This article has been withdrawn (2025-02-03): Published in error.');
    expect(html).toContain('Rezension zu „Albanien und Moskau“');
    expect(html).toContain(`<meta name="citation_doi" content="${WITHDRAWN}">`);
    expect(html).not.toContain('Eine kurze Rezension.');
  });

  it('is a deleted record in OAI-PMH, and gone from the sitemap', async () => {
    const record = await (await fetch(`${stage.stack.siteUrl}/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(`oai:journal.example.org:${WITHDRAWN}`)}`)).text();
    const list = await (await fetch(`${stage.stack.siteUrl}/api/oai?verb=ListIdentifiers&metadataPrefix=oai_dc`)).text();
    const keys = await siteKeys(stage.stack);
    const sitemaps = await Promise.all(keys.filter((k) => /(^|\/)sitemap[^/]*\.xml$/.test(k)).map((k) => siteText(stage.stack, k)));
    expect(list).toMatch(new RegExp(`<header status="deleted">\\s*<identifier>oai:journal\\.example\\.org:${WITHDRAWN.replaceAll('.', '\\.')}</identifier>`));
    expect(validateXml('oai', list).errors).toEqual([]);
    expect(record).toMatch(/<GetRecord>\s*<record>\s*<header status="deleted">/);
    expect(record).not.toContain('<metadata>');
    expect(sitemaps.join('')).not.toContain(WITHDRAWN);
    expect(sitemaps.join('')).toContain(FIXTURE_DOIS[0]);
  });

  it('goes to Crossref as a Crossmark withdrawal of its own DOI, valid against the schema', async () => {
    const bucket = stage.stack.bucket('ArtifactsBucket');
    const listed = await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'crossref/dry-run/' }));
    const files = await Promise.all((listed.Contents ?? []).map(async (o) => (await stage.stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }))).Body!.transformToString()));
    const withUpdate = files.filter((xml) => xml.includes(`<update type="withdrawal" date="2025-02-03">${WITHDRAWN}</update>`));
    expect(withUpdate.length).toBeGreaterThan(0);
    for (const xml of withUpdate) expect(validateXml('crossref', xml).errors).toEqual([]);
  });

  it('keeps every version in the records table', async () => {
    const items = (await tableItems(stage.stack)).filter((i) => i.pk === `ART#${WITHDRAWN}`);
    expect(items.map((i) => i.sk).sort()).toEqual(expect.arrayContaining(['HEAD', 'V#000001', 'V#000002']));
    expect(items.find((i) => i.sk === 'HEAD')).toMatchObject({ version: 2, withdrawn: true });
    expect(items.find((i) => i.sk === 'V#000001')?.withdrawn).toBeUndefined();
  });
});
