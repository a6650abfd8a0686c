/**
 * A site job for a journal's current issue lists that issue's articles once (issue 16): its
 * table of contents and the journal's home page (which shows the current issue's contents) both
 * need every article's record, and each read costs a query and a read of every body. The pages
 * are the same as a full rebuild's, which reads them separately. Site's flow on DynamoDB Local,
 * the site bucket in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordsStore } from '#adapters/records';
import { rebuildAll, siteBatch, type SiteDeps } from '#handlers/flows/site';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { putItems, startLocalRecords, type LocalRecords } from '../oai/records-table.ts';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';
import { memorySite } from './memory-site.ts';

const BASE = recordById('a01-petrovic');
const SITE = 'https://press.example.org';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, [1, 2, 3].map((n) => ({ changedAt: `2025-01-0${n}T00:00:00.000Z`, deleted: false, record: withDoi(BASE, `10.5555/reads.${n}`, `a${n}-reads`) })));
}, 180_000);
afterAll(async () => {
  await local?.stop();
});

/** The records store, counting the calls that list an issue's articles with their records. */
function counting(records: RecordsStore): { records: RecordsStore; listed: string[] } {
  const listed: string[] = [];
  return { listed, records: { ...records, listIssueArticles: (journalId, issueId, options) => (listed.push(`${journalId}/${issueId}`), records.listIssueArticles(journalId, issueId, options)) } };
}

describe("a site job for the journal's current issue", () => {
  it('lists its articles once, and writes the pages a full rebuild writes', async () => {
    // Prepare
    const full = memorySite();
    await rebuildAll({ records: local.records, site: full.store, log: captureLogger(), siteBaseUrl: SITE });
    const site = memorySite();
    const { records, listed } = counting(local.records);
    const deps: SiteDeps = { records, site: site.store, log: captureLogger(), siteBaseUrl: SITE };

    // Act
    const response = await siteBatch(deps, [sqsMessage({ journalId: BASE.journal.id, issueId: BASE.issue.id })]);

    // Assess: before, listed twice (the issue page, then the home page)
    expect(response.batchItemFailures).toEqual([]);
    expect(listed).toEqual([`${BASE.journal.id}/${BASE.issue.id}`]);
    const pages = [...full.files.keys()].filter((key) => key.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const key of pages) expect(site.files.get(key), key).toBe(full.files.get(key));
  });
});
