/**
 * The local stage as `npm start` runs it: Crossref in dry run. Publishing the seed issue keeps a
 * valid deposit file in the artifacts bucket under `crossref/dry-run/` and records nothing in the
 * ledger, and no credential is ever read.
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METADATA_DIR } from '#infra/local/paths';
import { publishFolder } from '#infra/local/publish';
import { validateXml } from '#tests/helpers/xsd';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { tableItems } from './inspect.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

describe('the local stage deposits in dry run', () => {
  it('keeps a valid deposit file, sends nothing and records nothing in the ledger', async () => {
    // Act
    await publishFolder(stage.stack, METADATA_DIR);
    await stage.stack.drain({ timeoutMs: 120_000 });

    // Assess
    expect(stage.errors).toEqual([]);
    const bucket = stage.stack.bucket('ArtifactsBucket');
    const listed = await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'crossref/' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key!);
    // Under its own prefix: crossref/deposits/ holds only what Crossref was sent.
    expect(keys).toEqual([expect.stringMatching(/^crossref\/dry-run\/colophon-\d{17}-\w+\.xml$/)]);
    const xml = await (await stage.stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: keys[0] }))).Body!.transformToString('utf8');
    expect(validateXml('crossref', xml).valid).toBe(true);
    const logged = stage.logs.filter((l) => l.fn.includes('Deposit')).map((l) => l.line);
    expect(logged).toContainEqual(expect.objectContaining({ message: 'dry run: deposit file kept, nothing sent', key: keys[0] }));
    expect((await tableItems(stage.stack)).filter((i) => /^(DEPOSIT|BATCH)#/.test(i.pk))).toEqual([]);
    expect(stage.stack.crossref.secrets.reads.size).toBe(0);
  });
});
