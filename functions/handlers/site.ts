/** Site Lambda (SiteQueue and a schedule). First cut: logs the event; full version follows. */
import type { ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';

export const handler = async (event: SQSEvent | ScheduledEvent): Promise<SQSBatchResponse | void> => {
  console.log(JSON.stringify({ level: 'info', handler: 'site', records: 'Records' in event ? event.Records.length : 0 }));
  return 'Records' in event ? { batchItemFailures: [] } : undefined;
};
