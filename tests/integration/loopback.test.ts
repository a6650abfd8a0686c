/**
 * Every server of the stand-in listens on loopback only (the emulators hold contributor e-mails and
 * the Crossref credentials): DynamoDB Local, s3rver and its event feed, fauxqs, the site server and
 * the Parameter Store stand-in. Read from the kernel's socket table, not from what each server says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, listeningAddresses, procAvailable } from '#tests/helpers/listening';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

describe.runIf(procAvailable())('the stand-in listens on loopback only', () => {
  it.each(['dynamodb', 's3', 'sqs', 's3Events', 'cognito', 'site', 'secrets'] as const)('%s', (name) => {
    // Prepare
    const url = name === 'site' ? stage.stack.siteUrl : name === 'secrets' ? stage.stack.crossref.secrets.endpoint : stage.endpoints[name];
    const port = Number(new URL(url).port);

    // Act
    const addresses = listeningAddresses(port);

    // Assess
    expect(addresses.length, `nothing listens on ${url}`).toBeGreaterThan(0);
    expect(addresses.filter((a) => !isLoopback(a)), `${name} (${url}) listens on ${addresses.join(', ')}`).toEqual([]);
  });
});
