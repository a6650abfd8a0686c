/**
 * The `<timestamp>` of a Crossref deposit: one integer format, `YYYYMMDDHHMMSSmmm` in UTC.
 *
 * Why this format:
 * - Crossref reads the timestamp as a version number and compares it, as an integer, with the one
 *   it last accepted for each DOI; an equal or smaller one is refused with "Record not processed
 *   because submitted version: … is less or equal to previously submitted version (DOI match)".
 *   The 5.4.0 schema types it `xsd:nonNegativeInteger` (common5.4.0.xsd, element `timestamp`).
 *   https://www.crossref.org/documentation/register-maintain-records/verify-your-registration/troubleshooting-submissions/
 * - 17 digits in UTC is what Crossref's own Metadata Manager generates, so a DOI that moves between
 *   Colophon and Crossref's tools keeps growing; the 10-digit Unix seconds of OJS and the 14-digit
 *   date-times of other systems are numerically smaller, so taking over such a DOI just works.
 *   https://community.crossref.org/t/what-is-time-stamping-error-and-how-to-fix-it/932
 * - Fixed width, so string order, numeric order and time order agree; and a person can read it.
 * - Milliseconds leave room: when the clock has not moved (or went back) we send the last value
 *   plus one, which Crossref's own forum recommends ("increase … by just increasing the value of
 *   the last digit"). Such a value may read as second 60 or millisecond 1000: it is an integer
 *   first and a date second.
 *
 * Values are strings throughout: 17 digits do not fit a JavaScript number exactly (2^53 has 16).
 */

const TIMESTAMP = /^\d{1,38}$/;

/** True for a value Crossref accepts as a timestamp (and DynamoDB can store as a Number). */
export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value);
}

function asInteger(value: string): bigint {
  if (!isTimestamp(value)) throw new RangeError(`not a deposit timestamp: ${JSON.stringify(value)}`);
  return BigInt(value);
}

/** `now` as `YYYYMMDDHHMMSSmmm`, in UTC. */
export function formatTimestamp(now: Date): string {
  const year = now.getUTCFullYear();
  if (Number.isNaN(year) || year < 1000 || year > 9999) throw new RangeError(`cannot make a deposit timestamp for ${String(now)}`);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    String(year) +
    two(now.getUTCMonth() + 1) +
    two(now.getUTCDate()) +
    two(now.getUTCHours()) +
    two(now.getUTCMinutes()) +
    two(now.getUTCSeconds()) +
    String(now.getUTCMilliseconds()).padStart(3, '0')
  );
}

/** Compares two timestamps as integers: negative, zero or positive. */
export function compareTimestamps(a: string, b: string): number {
  const x = asInteger(a);
  const y = asInteger(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The timestamp for a new deposit of one DOI: `max(now, last + 1)`, so it is always larger than
 * the last one sent for that DOI, whatever the clock says. `last` may be in any integer format
 * (another system's); the result is then simply that integer plus one.
 */
export function nextTimestamp(now: Date, last?: string): string {
  const fromClock = formatTimestamp(now);
  if (last === undefined) return fromClock;
  const after = asInteger(last) + 1n;
  return after > BigInt(fromClock) ? after.toString() : fromClock;
}

/** The timestamp for a batch: the largest `nextTimestamp` over its DOIs, so it is larger than every one of them. */
export function batchTimestamp(now: Date, lasts: Iterable<string | undefined>): string {
  let best = formatTimestamp(now);
  for (const last of lasts) {
    const next = nextTimestamp(now, last);
    if (compareTimestamps(next, best) > 0) best = next;
  }
  return best;
}
