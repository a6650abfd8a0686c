/** Ingest Lambda (S3 ObjectCreated on the inbox). First cut: logs the event; full version follows. */
import type { S3Event } from 'aws-lambda';

export const handler = async (event: S3Event): Promise<void> => {
  console.log(JSON.stringify({ level: 'info', handler: 'ingest', records: event.Records.length }));
};
