/**
 * A second journal on a stage never changes the first (issue 12, High 3), on the local stand-in:
 * publish the fixture journal, then Balcanica; both journals' pages, sitemaps and OAI-PMH
 * repositories answer, the stage's repository has a set per journal, and not one object of the
 * first journal's pages (nor its OAI records) changed. On main the second publish made every
 * OAI-PMH request answer 500 and replaced `sitemap.xml` and `index.html`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFolder, publishSources } from '#infra/local/publish';
import { METADATA_DIR } from '#infra/local/paths';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { sitemapLocs, sitemapProblems } from '#tests/helpers/sitemap-rules';
import { validateXml } from '#tests/helpers/xsd';
import { createRecordsStore } from '#adapters/records';
import { fixtureSources, withArticle } from './fixtures.ts';
import { siteSnapshot, siteText, type ObjectSnapshot } from './inspect.ts';

const BASES = { testjournal: 'https://journal.example.org/sbt', balcanica: 'https://balcanica.rs' } as const;
/** The first journal's own objects: its folder, its landing pages and files, its sitemap. */
const isFirstJournals = (key: string): boolean => key.startsWith('testjournal/') || key.startsWith('doi/10.5555/') || key === 'sitemap-testjournal.xml';

let stage: TestStage;
let before: Record<string, ObjectSnapshot>;
let oaiBefore: string;

/** A public URL of either journal, on the local site server. */
const local = (url: string): string => {
  const base = Object.values(BASES).find((b) => url.startsWith(`${b}/`));
  if (base === undefined) throw new Error(`${url} is on neither journal's site`);
  return `${stage.stack.siteUrl}${url.slice(base.length)}`;
};
const oai = async (path: string, query: string): Promise<{ status: number; xml: string }> => {
  const res = await fetch(`${stage.stack.siteUrl}${path}?${query}`);
  return { status: res.status, xml: await res.text() };
};
/** A response without its responseDate, the one part that changes by itself. */
const timeless = (xml: string): string => xml.replace(/<responseDate>[^<]*<\/responseDate>/, '');

beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain({ timeoutMs: 120_000 });
  before = Object.fromEntries(Object.entries(await siteSnapshot(stage.stack)).filter(([key]) => isFirstJournals(key)));
  oaiBefore = (await oai('/api/oai/testjournal', 'verb=ListRecords&metadataPrefix=oai_dc')).xml;
  await publishFolder(stage.stack, METADATA_DIR);
  await stage.stack.drain({ timeoutMs: 120_000 });
});
afterAll(() => stage.stop());

describe('two journals on one local stage', () => {
  it('leaves every object of the first journal\'s pages as it was', async () => {
    // Act
    const after = await siteSnapshot(stage.stack);
    // Assess
    expect(stage.errors).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(10);
    expect(Object.fromEntries(Object.entries(after).filter(([key]) => isFirstJournals(key)))).toEqual(before);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['balcanica/index.html', 'balcanica/issues/L-2019/index.html', 'sitemap-balcanica.xml']));
  });

  it('serves both journals\' homes and issue pages, and lists both on the root page', async () => {
    // Act
    const pages = await Promise.all(['/testjournal/', '/testjournal/issues/2024-12-3/', '/balcanica/', '/balcanica/issues/L-2019/', '/doi/10.2298/BALC1950375E/', '/doi/10.5555/sbt.2024.001/'].map(async (path) => `${(await fetch(`${stage.stack.siteUrl}${path}`)).status} ${path}`));
    const root = await (await fetch(`${stage.stack.siteUrl}/`)).text();
    // Assess
    expect(pages).toEqual(pages.map((p) => `200 ${p.slice(4)}`));
    expect(root).toContain('href="testjournal/"');
    expect(root).toContain('href="balcanica/"');
  });

  it('makes the root sitemap an index of both journals\' sitemaps; every URL they list answers 200', async () => {
    // Act
    const index = await siteText(stage.stack, 'sitemap.xml');
    const parts = sitemapLocs(index);
    // Assess
    expect(parts).toEqual([`${BASES.balcanica}/sitemap-balcanica.xml`, `${BASES.testjournal}/sitemap-testjournal.xml`]);
    for (const part of parts) {
      const body = await (await fetch(local(part))).text();
      expect(sitemapProblems(body, part, 'urlset')).toEqual([]);
      for (const url of sitemapLocs(body)) expect(`${(await fetch(local(url))).status} ${url}`).toBe(`200 ${url}`);
    }
  });

  it('answers each journal\'s OAI-PMH repository, valid against the XSD; the first journal\'s records are unchanged', async () => {
    // Act
    const first = await oai('/api/oai/testjournal', 'verb=ListRecords&metadataPrefix=oai_dc');
    const second = await oai('/api/oai/balcanica', 'verb=ListRecords&metadataPrefix=oai_dc');
    const identify = await oai('/api/oai/balcanica', 'verb=Identify');
    // Assess
    for (const res of [first, second, identify]) {
      expect(res.status).toBe(200);
      expect(validateXml('oai', res.xml).errors).toEqual([]);
    }
    expect(timeless(first.xml)).toBe(timeless(oaiBefore));
    expect(second.xml).toContain('oai:balcanica.rs:10.2298/BALC1950375E');
    expect(second.xml).not.toContain('10.5555/sbt');
    expect(identify.xml).toContain('<baseURL>http');
    expect(identify.xml).toContain('/api/oai/balcanica</baseURL>');
  });

  it('answers the stage\'s repository with a set per journal and both journals\' records', async () => {
    // Act
    const sets = await oai('/api/oai', 'verb=ListSets');
    const all = await oai('/api/oai', 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const one = await oai('/api/oai', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=balcanica');
    // Assess
    for (const res of [sets, all, one]) {
      expect(res.status).toBe(200);
      expect(validateXml('oai', res.xml).errors).toEqual([]);
    }
    expect(sets.xml).toContain('<setSpec>balcanica</setSpec>');
    expect(sets.xml).toContain('<setSpec>testjournal</setSpec>');
    expect([...all.xml.matchAll(/<identifier>/g)]).toHaveLength(4);
    // The journals' sites are on two hosts here, so the stage's identifiers take the stage site's host.
    expect([...one.xml.matchAll(/<identifier>oai:[^:]+:([^<]*)<\/identifier>/g)].map((m) => m[1])).toEqual(['10.2298/BALC1950375E']);
    expect((await oai('/api/oai/nosuch', 'verb=Identify')).status).toBe(404);
  });

  it('refuses a notice of the first journal that would retract the second journal\'s article: its page, JATS and OAI record stay as they were', async () => {
    // Prepare: the fixture's correction (a03) made a retraction of Balcanica's article, a DOI of another prefix and journal.
    const isBalcanicas = (key: string): boolean => key.startsWith('balcanica/') || key.startsWith('doi/10.2298/');
    const pagesBefore = Object.fromEntries(Object.entries(await siteSnapshot(stage.stack)).filter(([key]) => isBalcanicas(key)));
    const recordBefore = timeless((await oai('/api/oai/balcanica', 'verb=GetRecord&metadataPrefix=jats&identifier=oai:balcanica.rs:10.2298/BALC1950375E')).xml);
    const hijack = withArticle(fixtureSources(), 'a03-article-number.yaml', (text) => text.replace('type: correction-of\n    doi: 10.5555/sbt.2024.001', 'type: retraction-of\n    doi: 10.2298/BALC1950375E'));
    // Act
    await publishSources(stage.stack, hijack);
    await stage.stack.drain({ timeoutMs: 120_000 });
    // Assess: the upload is refused at the relation, saying whose article it is.
    const records = createRecordsStore(stage.stack.clients.documents, stage.stack.table('RecordsTable'));
    const refused = await records.getProblems('testjournal', '2024-12-3');
    expect(refused?.problems).toEqual([
      expect.objectContaining({ path: ['relations', 0, 'doi'], message: expect.stringContaining(`10.2298/BALC1950375E is an article of the journal "balcanica": a retraction of it must be published by that journal`) }),
    ]);
    expect(refused?.problems[0]?.file).toMatch(/a03-article-number\.yaml$/);
    const pagesAfter = Object.fromEntries(Object.entries(await siteSnapshot(stage.stack)).filter(([key]) => isBalcanicas(key)));
    expect(pagesAfter).toEqual(pagesBefore);
    expect(await (await fetch(`${stage.stack.siteUrl}/doi/10.2298/BALC1950375E/`)).text()).not.toContain('retracted');
    expect(timeless((await oai('/api/oai/balcanica', 'verb=GetRecord&metadataPrefix=jats&identifier=oai:balcanica.rs:10.2298/BALC1950375E')).xml)).toBe(recordBefore);
  });
});
