/**
 * An issue whose every article is held until its online date has no issue page, no entry on the
 * journal's home or in its sitemap, and does not become the home page's current issue, until one
 * of its articles is released (issue 11, item 5). On main it got an empty issue page and took the
 * home page's "current issue" with no articles. Site's flow on DynamoDB Local, the site bucket in
 * memory; the release instant is an input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '#core/model/index';
import { issueKey, journalHomeKey } from '#core/urls';
import { rebuildAll, type SiteDeps } from '#handlers/flows/site';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { putItems, startLocalRecords, type LocalRecords } from '../oai/records-table.ts';
import { captureLogger } from './deposit-fakes.ts';
import { memorySite } from './memory-site.ts';

const LIVE = recordById('a01-petrovic');
const HELD_ISSUE: Issue = { ...LIVE.issue, id: '2025-13-1', year: 2025, doi: '10.5555/sbt.2025.13.1' };
const HELD = { ...withDoi(LIVE, '10.5555/sbt.2025.13.001', 'h01-held'), issue: HELD_ISSUE };
const DUE = '2030-12-15T00:00:00.000Z';

let local: LocalRecords;
const site = memorySite();
let deps: SiteDeps;

beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, [{ changedAt: '2025-01-01T00:00:00.000Z', deleted: false, record: LIVE }]);
  await local.records.putIssue(HELD.journal, HELD_ISSUE, 'hash-held-issue', { batchId: 'b', now: '2025-01-02T00:00:00.000Z' });
  await local.records.putVersion(HELD, 'hash-held', { batchId: 'b', now: '2025-01-02T00:00:00.000Z' }, undefined, DUE);
  deps = { records: local.records, site: site.store, log: captureLogger(), siteBaseUrl: 'https://journal.example.org/sbt' };
}, 180_000);

afterAll(async () => {
  await local?.stop();
});

const journalId = LIVE.journal.id;
const sitemaps = (): string => [...site.files].filter(([k]) => /sitemap[^/]*\.xml$/.test(k)).map(([, v]) => v).join('\n');

describe('an issue whose articles are all held', () => {
  it('has no page, no place on the home page or in the sitemap; the live issue stays current', async () => {
    // Act
    await rebuildAll(deps);
    // Assess
    expect(site.files.has(issueKey(journalId, LIVE.issue.id))).toBe(true);
    expect(site.files.has(issueKey(journalId, HELD_ISSUE.id))).toBe(false);
    const home = site.files.get(journalHomeKey(journalId))!;
    expect(home).not.toContain(`issues/${HELD_ISSUE.id}/`);
    expect(home).toContain(`issues/${LIVE.issue.id}/`);
    expect(home).toContain(LIVE.article.doi);
    expect(sitemaps()).not.toContain(`issues/${HELD_ISSUE.id}/`);
    expect(sitemaps()).toContain(`issues/${LIVE.issue.id}/`);
  });

  it('appears everywhere once one of its articles is released', async () => {
    // Prepare: the release rule fires on the due day.
    expect(await local.records.releaseHead({ doi: HELD.article.doi, version: 1, journalId }, '2030-12-15T00:15:00.000Z')).toBe(true);
    // Act
    await rebuildAll(deps);
    // Assess
    expect(site.files.get(issueKey(journalId, HELD_ISSUE.id))).toContain(HELD.article.doi);
    const home = site.files.get(journalHomeKey(journalId))!;
    expect(home).toContain(`issues/${HELD_ISSUE.id}/`);
    expect(home).toContain(HELD.article.doi);
    expect(sitemaps()).toContain(`issues/${HELD_ISSUE.id}/`);
  });
});
