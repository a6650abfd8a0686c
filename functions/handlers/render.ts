/** Render Lambda (RenderQueue). First cut: acknowledges every message; full version follows. */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  console.log(JSON.stringify({ level: 'info', handler: 'render', records: event.Records.length }));
  return { batchItemFailures: [] };
};
