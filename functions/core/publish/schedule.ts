/**
 * Scheduled publication: an article whose online date is still to come is held back everywhere (no
 * page, no OAI-PMH record, no sitemap entry, no Crossref deposit) and released by the scheduled
 * release (every 15 minutes) once that date has begun. Dates are days (or months, or years) without
 * a time zone: an article dated 2030-12-15 is due at 2030-12-15T00:00:00Z, the start of that day
 * in UTC, so it is never early anywhere east of UTC by more than a day's fraction and never late.
 * Pure: the instant to compare with is passed in (Ingest's clock, or the schedule event's time).
 */
import type { Article } from '#core/model/index';

/** The instant an article's online date begins (UTC), or undefined when it has no online date. */
export function releaseInstant(article: Pick<Article, 'dates'>): string | undefined {
  const online = article.dates.published.online;
  if (online === undefined) return undefined;
  return new Date(Date.UTC(online.year, (online.month ?? 1) - 1, online.day ?? 1)).toISOString();
}

/** When the article is due, if that is after `now` (an ISO instant): it is then held until that instant. */
export function heldUntil(article: Pick<Article, 'dates'>, now: string): string | undefined {
  const release = releaseInstant(article);
  return release !== undefined && release > new Date(now).toISOString() ? release : undefined;
}
