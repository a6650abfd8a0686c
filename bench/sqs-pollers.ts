/**
 * What an idle SQS event source mapping costs in SQS requests, from AWS's documented polling
 * behaviour rather than a guess.
 *
 * "Configuring scaling behavior for SQS event source mappings", AWS Lambda developer guide,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html (read 2026-12):
 * "For standard queues, Lambda uses long polling to poll a queue until it becomes active. […] When
 * traffic is low, Lambda scales back the processing to five concurrent batches, and can optimize to
 * as few as 2 concurrent batches to reduce the SQS calls and corresponding costs. However, this
 * optimization is not available when you enable the maximum concurrency setting."
 *
 * Long polling waits at most 20 seconds per ReceiveMessage (Amazon SQS developer guide, "Setting-up
 * long polling": "The maximum long polling wait time is 20 seconds"), so each poller of an idle
 * queue makes at least 3 requests a minute. Lambda does not document its own wait time, so these
 * figures are floors per poller. A mapping with `ScalingConfig.MaximumConcurrency` keeps five
 * pollers; one without may be brought down to two (AWS says "can", not "will"): the low figure
 * uses two, the high figure five. Every request is billed, empty or not (SQS pricing).
 */

/** ReceiveMessage calls a minute of one idle long-polling poller: one per 20-second wait. */
export const IDLE_RECEIVES_PER_POLLER_MINUTE = 60 / 20;
const MINUTES_A_MONTH = 60 * 24 * 30;
/** Pollers of an idle mapping, per the guide quoted above. */
export const IDLE_POLLERS = { scaledBack: 5, optimized: 2 } as const;

/** An event source mapping as the template declares it (only what decides its idle polling). */
export type MappingProperties = { readonly EventSourceArn?: unknown; readonly ScalingConfig?: { readonly MaximumConcurrency?: unknown } };

export type IdlePolling = { readonly pollersLow: number; readonly pollersHigh: number; readonly requestsLow: number; readonly requestsHigh: number; readonly capped: number };

/** The idle month's ReceiveMessage calls of every SQS mapping in `mappings`, as a range. */
export function idlePolling(mappings: readonly MappingProperties[]): IdlePolling {
  const capped = mappings.filter((m) => m.ScalingConfig?.MaximumConcurrency !== undefined).length;
  const pollersHigh = mappings.length * IDLE_POLLERS.scaledBack;
  const pollersLow = capped * IDLE_POLLERS.scaledBack + (mappings.length - capped) * IDLE_POLLERS.optimized;
  const perPoller = IDLE_RECEIVES_PER_POLLER_MINUTE * MINUTES_A_MONTH;
  return { pollersLow, pollersHigh, requestsLow: pollersLow * perPoller, requestsHigh: pollersHigh * perPoller, capped };
}
