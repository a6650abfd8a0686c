/**
 * Datestamps (OAI-PMH 2.0 §3.3): UTC, `YYYY-MM-DDThh:mm:ssZ` (the granularity Identify declares)
 * or `YYYY-MM-DD`, which every repository must accept in `from` and `until`.
 *
 * Stored change times are full ISO 8601 instants with milliseconds (`Date#toISOString()`); the
 * datestamp a harvester sees is that instant cut to the second. Comparisons against `from` and
 * `until` happen at second granularity, so a change at 10:00:00.700 is inside `until=…T10:00:00Z`.
 */

export type Granularity = 'day' | 'second';

/** A parsed `from` or `until`: the granularity it was given in and the second-granularity bound it means. */
export type DateBound = { readonly granularity: Granularity; readonly value: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function realDay(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/**
 * Parses a `from` (the start of the day or second) or `until` (its end) argument; undefined when it
 * is not a legal datestamp at either granularity (§3.3.1: badArgument).
 */
export function parseBound(value: string, side: 'from' | 'until'): DateBound | undefined {
  const day = DAY.exec(value);
  if (day) {
    if (!realDay(day[1]!, day[2]!, day[3]!)) return undefined;
    return { granularity: 'day', value: `${value}T${side === 'from' ? '00:00:00' : '23:59:59'}Z` };
  }
  const second = SECOND.exec(value);
  if (!second) return undefined;
  if (!realDay(second[1]!, second[2]!, second[3]!)) return undefined;
  if (Number(second[4]) > 23 || Number(second[5]) > 59 || Number(second[6]) > 59) return undefined;
  return { granularity: 'second', value };
}

/** A stored change time in one canonical form (`2024-05-01T10:00:00.000Z`), so that string order is time order. */
export function canonicalInstant(value: string): string {
  if (CANONICAL.test(value)) return value;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new RangeError(`not an ISO 8601 instant: ${value}`);
  return time.toISOString();
}

/** The datestamp a harvester sees for a change time: cut to the second (§3.3, the declared granularity). */
export const datestampOf = (changedAt: string): string => `${canonicalInstant(changedAt).slice(0, 19)}Z`;

/** `responseDate` (§3.2): the request's time, at second granularity. */
export const responseDate = (now: string): string => datestampOf(now);
