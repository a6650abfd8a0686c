/** Creates the model's buckets, tables and queues in the emulators; safe to run again on kept state. */
import { CreateTableCommand, ResourceInUseException, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, PutBucketCorsCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { CreateQueueCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Clients } from './clients.ts';
import type { LocalModel } from './model.ts';

export async function provision(model: LocalModel, clients: Clients): Promise<void> {
  await Promise.all([
    ...model.buckets.map(async (b) => {
      try {
        await clients.s3.send(new CreateBucketCommand({ Bucket: b.name }));
      } catch (error) {
        if (!(error instanceof BucketAlreadyOwnedByYou) && !(error instanceof S3ServiceException && error.name === 'BucketAlreadyExists')) throw error;
      }
      // The template's CORS rules (the inbox's, for the console's presigned uploads): s3rver answers preflights and sets the headers by them, as S3 does.
      if (b.cors !== undefined) await clients.s3.send(new PutBucketCorsCommand({ Bucket: b.name, CORSConfiguration: { CORSRules: b.cors.map((rule) => ({ ...rule })) } }));
    }),
    ...model.tables.map(async (t) => {
      try {
        await clients.dynamodb.send(new CreateTableCommand(t.create));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
      await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 30, minDelay: 1 }, { TableName: t.name });
    }),
    (async () => {
      // Every queue first, then the redrive policies: a policy names its dead-letter queue's ARN.
      for (const q of model.queues) {
        const attributes = Object.fromEntries(Object.entries(q.attributes).filter(([name]) => name !== 'RedrivePolicy'));
        const out = await clients.sqs.send(new CreateQueueCommand({ QueueName: q.name, Attributes: attributes }));
        // Clients send to the configured endpoint (useQueueUrlAsEndpoint: false), so only the path must agree;
        // a queue kept from an earlier run may carry that run's port.
        if (new URL(out.QueueUrl ?? 'http://x/').pathname !== new URL(q.url).pathname) throw new Error(`queue ${q.name}: the emulator's URL ${String(out.QueueUrl)} is not the ${q.url} the functions were given`);
      }
      for (const q of model.queues) {
        if (q.attributes.RedrivePolicy) await clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: q.url, Attributes: { RedrivePolicy: q.attributes.RedrivePolicy } }));
      }
    })(),
  ]);
}
