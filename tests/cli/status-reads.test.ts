/**
 * `colophon status` of one issue reads each item once (issue 16): the titles, the registration and
 * the Crossref column used to read the same heads, bodies and ledger entries separately, 8 items
 * per article at 5,000 articles (bench:press), 4 now. On DynamoDB Local, every key the CLI asks for is
 * read off the wire (the JSON each request sends), so a second read of any item shows.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageTarget } from '#cli/stage';
import { collectStatus } from '#cli/status-command';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { putItems, startLocalRecords, type LocalRecords } from '../oai/records-table.ts';

const BASE = recordById('a01-petrovic');
const ARTICLES = 30;
const doiOf = (n: number): string => `10.5555/STATUS.${n}`;

type Key = Record<string, { S?: string }>;
const keyText = (key: Key): string => `${key.pk?.S} ${key.sk?.S}`;

/** A stage target over a fresh client that records every key each GetItem and BatchGetItem asks for. */
function countingTarget(local: LocalRecords): { target: StageTarget; keys: string[] } {
  const keys: string[] = [];
  const raw = new DynamoDBClient({ endpoint: local.emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  raw.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body?: string };
      const operation = (request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const body = JSON.parse(request.body ?? '{}') as { Key?: Key; RequestItems?: Record<string, { Keys: Key[] }> };
      if (operation === 'GetItem' && body.Key) keys.push(keyText(body.Key));
      if (operation === 'BatchGetItem') for (const table of Object.values(body.RequestItems ?? {})) keys.push(...table.Keys.map(keyText));
      return next(args);
    },
    { step: 'finalizeRequest', name: 'countKeys' },
  );
  const target = {
    stage: 'local',
    source: 'DynamoDB Local (test)',
    outputs: { TableName: local.tableName },
    siteUrl: 'http://127.0.0.1:1',
    dynamodb: raw,
    documents: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }),
    crossrefMode: 'dry-run',
    close: () => raw.destroy(),
  } as unknown as StageTarget;
  return { target, keys };
}

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
  await putItems(local, Array.from({ length: ARTICLES }, (_, k) => ({ changedAt: `2025-01-01T00:00:${String(k).padStart(2, '0')}.000Z`, deleted: false, record: withDoi(BASE, doiOf(k + 1), `status-${k + 1}`) })));
}, 180_000);
afterAll(async () => {
  await local?.stop();
});

describe('status of one issue', () => {
  it('reads each head, body and ledger entry once, and still reports every article with its title and Crossref state', async () => {
    // Prepare
    const { target, keys } = countingTarget(local);

    // Act
    const report = await collectStatus(target, [{ journalId: BASE.journal.id, folderJournalId: BASE.journal.id, issueId: BASE.issue.id }]);
    target.close();

    // Assess: the report is whole
    const issue = report.issues[0]!;
    expect(issue.articles).toHaveLength(ARTICLES);
    expect(issue.articles.every((a) => a.title.length > 0 && a.crossref.state === 'ready')).toBe(true);
    // … and no body, ledger entry or issue item asked for twice. Heads are read twice, by design: once
    // with the scheduled articles (the render column), once as the published issue (titles and
    // registration). Before: 216 keys for 30 articles, 122 of them asked for again; now 124.
    const twice = keys.filter((key, k) => keys.indexOf(key) !== k);
    expect(twice.filter((key) => !key.endsWith(' HEAD'))).toEqual([]);
    expect(new Set(twice).size).toBe(twice.length);
    expect(keys.length).toBeLessThanOrEqual(4 * ARTICLES + 4);
  });
});
