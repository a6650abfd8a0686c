/**
 * A site job for one journal builds the stage's sitemap index from the sitemap parts each other
 * journal's own site job kept (records-sitemaps.ts), not from every other journal's records
 * (issue 16: that grew with the catalogue, 2.7 s at 20,000 articles). Site's flow on DynamoDB
 * Local, the site bucket in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordsStore } from '#adapters/records';
import { buildJournalFiles, buildStageFiles, rebuildAll, type SiteDeps } from '#handlers/flows/site';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { putItems, startLocalRecords, type LocalRecords } from '../oai/records-table.ts';
import { captureLogger } from './deposit-fakes.ts';
import { memorySite } from './memory-site.ts';

const BASE = recordById('a01-petrovic');
const journalOf = (id: string) => ({ ...BASE.journal, id });
const articleOf = (journalId: string, n: number) => ({ ...withDoi(BASE, `10.5555/${journalId}.${n}`, `a${n}-${journalId}`), journal: journalOf(journalId) });

/** The records store, counting the calls that list a journal's issues or articles, by journal. */
function counting(records: RecordsStore): { records: RecordsStore; listed: Map<string, number> } {
  const listed = new Map<string, number>();
  const count = (journalId: string): void => void listed.set(journalId, (listed.get(journalId) ?? 0) + 1);
  return {
    listed,
    records: {
      ...records,
      listIssues: (journalId: string) => (count(journalId), records.listIssues(journalId)),
      listIssueArticleDates: (journalId: string, issueId: string, options?: { readonly scheduled?: boolean }) => (count(journalId), records.listIssueArticleDates(journalId, issueId, options)),
    },
  };
}

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
  const items = ['north', 'south', 'west'].flatMap((j, k) => [1, 2].map((n) => ({ changedAt: `2025-0${k + 1}-0${n}T00:00:00.000Z`, deleted: false, record: articleOf(j, n) })));
  await putItems(local, items);
}, 180_000);
afterAll(async () => {
  await local?.stop();
});

describe('the stage sitemap index after one journal\'s site job', () => {
  it('reads the other journals\' kept sitemap parts, not their records, and lists the same parts as a full rebuild', async () => {
    // Prepare: a full rebuild keeps every journal's parts; its sitemap index is the reference
    const full = memorySite();
    await rebuildAll({ records: local.records, site: full.store, log: captureLogger(), siteBaseUrl: 'https://press.example.org' });
    const index = [...full.files].find(([k]) => k === 'sitemap.xml')?.[1];
    const site = memorySite();
    const { records, listed } = counting(local.records);
    const deps: SiteDeps = { records, site: site.store, log: captureLogger(), siteBaseUrl: 'https://press.example.org' };

    // Act: what a site job for one journal does
    const north = await buildJournalFiles(deps, 'north');
    listed.clear();
    await buildStageFiles(deps, new Map([['north', north.sitemapParts]]));

    // Assess
    expect(index).toContain('south');
    expect(site.files.get('sitemap.xml')).toBe(index);
    expect([...listed.keys()]).toEqual([]);
  });

  it('computes the parts from the records for a journal none were kept for (a stage from before)', async () => {
    // Prepare: the parts of a fourth journal were never kept
    await putItems(local, [{ changedAt: '2025-05-01T00:00:00.000Z', deleted: false, record: articleOf('east', 1) }]);
    const site = memorySite();
    const { records, listed } = counting(local.records);

    // Act
    await buildStageFiles({ records, site: site.store, log: captureLogger(), siteBaseUrl: 'https://press.example.org' });

    // Assess
    expect([...listed.keys()]).toEqual(['east']);
    expect(site.files.get('sitemap.xml')).toContain('east');
  });
});
