/** Named errors for I/O at the edge; each keeps the SDK error as `cause`. Bad data is never one of these. */

/** A required environment variable is missing: the function is deployed wrong, so fail at cold start. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** S3 (inbox, site, artifacts) could not be read or written. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    message: string,
    readonly bucket: string,
    readonly key: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The records table could not be read or written (not a lost conditional write: that is an outcome). */
export class RecordsError extends Error {
  override readonly name = 'RecordsError';
}

/** A record exists but cannot be used: its stored JSON does not parse or lacks a field. */
export class RecordCorruptError extends Error {
  override readonly name = 'RecordCorruptError';
}

/** A record a message names does not exist. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
}

/** An article kept changing while it was rendered: the render gives up this attempt (SQS retries it). */
export class RenderSupersededError extends Error {
  override readonly name = 'RenderSupersededError';
}

/** SQS refused some or all messages. */
export class QueueError extends Error {
  override readonly name = 'QueueError';
}

/** One line of text for logs and stored failure reasons: the error and its causes. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' <- ');
}
