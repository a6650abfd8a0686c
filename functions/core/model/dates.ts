/** Partial calendar dates: a year, a year and month, or a full day, as printed or published. */

export type PartialDate = { readonly year: number; readonly month?: number; readonly day?: number };

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `2019`, `2019-05` or `2023-02-01`, rejecting impossible days (2023-02-30). */
export function parsePartialDate(value: string | number): PartialDate | string {
  const m = PARTIAL.exec(String(value).trim());
  if (!m) return 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD';
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return `${m[1]}-${m[2]} has no day ${m[3]}`;
  return { year, month, day };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 text of as much of the date as is known. */
export function isoDate(date: PartialDate): string {
  let out = String(date.year);
  if (date.month !== undefined) out += `-${pad(date.month)}`;
  if (date.month !== undefined && date.day !== undefined) out += `-${pad(date.day)}`;
  return out;
}

/** Orders two partial dates; a missing month or day sorts before any known one. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}
