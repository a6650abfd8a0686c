/**
 * A table of contents marks retracted articles and those under an expression of concern from the
 * notices kept beside them (records-links.ts). Site used to read them with one query per article of
 * the issue; now one query of gsi1's `NOTICES#<prefix>` partition serves the whole issue (review
 * item, issue 16). Site's flow on DynamoDB Local, requests counted at the client; the site bucket in memory.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordsStore } from '#adapters/records';
import type { Notice } from '#core/model/index';
import { buildIssuePage } from '#handlers/flows/site';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { putItems, startLocalRecords, type LocalRecords } from '../oai/records-table.ts';
import { captureLogger } from './deposit-fakes.ts';
import { memorySite } from './memory-site.ts';

const BASE = recordById('a01-petrovic');
const ARTICLES = 30;
const doiOf = (n: number): string => `10.5555/TOC.${n}`;
const notice = (type: Notice['type'], doi: string, title: string): Notice => ({ type, doi, title: [title], date: '2025-02-01' });

/** The records store over a client that counts each request it sends, by command. */
function countingStore(local: LocalRecords): { records: ReturnType<typeof createRecordsStore>; sent: string[] } {
  const sent: string[] = [];
  const client = new Proxy(local.client, {
    get: (target, name, receiver) =>
      name === 'send' ? (command: { constructor: { name: string }; input: { IndexName?: string } }) => (sent.push(`${command.constructor.name}${command.input.IndexName ? `:${command.input.IndexName}` : ''}`), target.send(command as never)) : Reflect.get(target, name, receiver),
  }) as DynamoDBDocumentClient;
  return { records: createRecordsStore(client, local.tableName), sent };
}

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, Array.from({ length: ARTICLES }, (_, k) => ({ changedAt: `2025-01-01T00:00:${String(k).padStart(2, '0')}.000Z`, deleted: false, record: withDoi(BASE, doiOf(k + 1), `toc-${k + 1}`) })));
  await local.records.putNotice(doiOf(3), notice('retraction-of', '10.5555/toc.r3', 'Retraction'));
  await local.records.putNotice(doiOf(7), notice('expression-of-concern-for', '10.5555/toc.e7', 'Concern'));
  // Retired: the notice no longer names 9 (Ingest marks it inactive, never deletes it).
  await local.records.putNotice(doiOf(9), notice('retraction-of', '10.5555/toc.r9', 'Withdrawn notice'), false);
  // Under another prefix, about an article not in the issue.
  await local.records.putNotice('10.9999/elsewhere.1', notice('retraction-of', '10.9999/elsewhere.r1', 'Elsewhere'));
}, 180_000);
afterAll(async () => {
  await local?.stop();
});

describe('an issue page with notices', () => {
  it('reads the notices of all its articles with one query, not one per article', async () => {
    // Prepare
    const { records, sent } = countingStore(local);
    const site = memorySite();

    // Act
    await buildIssuePage({ records, site: site.store, log: captureLogger(), siteBaseUrl: 'https://press.example.org' }, { journalId: BASE.journal.id, issueId: BASE.issue.id });

    // Assess: the issue's heads (one gsi1 query) and the notices (one gsi1 query); before, 1 + 30 queries
    expect(sent.filter((c) => c.startsWith('QueryCommand'))).toEqual(['QueryCommand:gsi1', 'QueryCommand:gsi1']);
    expect(sent.length).toBeLessThanOrEqual(8);
    const page = [...site.files.values()][0]!;
    const statusOf = (n: number): string | undefined => {
      const at = page.indexOf(`/doi/${doiOf(n)}/`);
      expect(at).toBeGreaterThan(0);
      const item = page.slice(page.lastIndexOf('<li>', at), at);
      return /<p class="toc-status">([^<]+)<\/p>/.exec(item)?.[1];
    };
    expect(statusOf(3)).toBe('Retracted');
    expect(statusOf(7)).toBe('Expression of concern');
    expect(statusOf(9)).toBeUndefined();
    expect(statusOf(4)).toBeUndefined();
  });

  it('finds, for every article, exactly the active notices the per-article query finds', async () => {
    // Act
    const dois = [...Array.from({ length: ARTICLES }, (_, k) => doiOf(k + 1)), '10.9999/elsewhere.1', '10.5555/not-published'];
    const all = await local.records.listNoticesOf(dois);

    // Assess
    for (const doi of dois) expect(all.get(doi.toLowerCase()) ?? []).toEqual(await local.records.listNotices(doi));
    expect([...all.keys()].sort()).toEqual(['10.5555/toc.3', '10.5555/toc.7', '10.9999/elsewhere.1']);
  });
});
