/**
 * HTTP API throttling as API Gateway does it: a token bucket per route key (the stage's
 * `RouteSettings` for that key, else its `DefaultRouteSettings`), `burstLimit` tokens deep and
 * refilled at `rateLimit` a second; a request finding the bucket empty is answered
 * `429 {"message":"Too Many Requests"}` and never reaches the function.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 * Not emulated: the account-level limit (10,000 a second per region), shared by every API.
 */
export type Throttle = { readonly rateLimit: number; readonly burstLimit: number };

export type Throttles = {
  /** True when the request may pass (a token taken), false when API Gateway would answer 429. */
  take(routeKey: string, throttle: Throttle | undefined): boolean;
};

/** One bucket per route key; `now` in milliseconds (injected for tests). */
export function createThrottles(now: () => number = Date.now): Throttles {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(routeKey, throttle) {
      if (!throttle) return true;
      const t = now();
      const bucket = buckets.get(routeKey) ?? { tokens: throttle.burstLimit, at: t };
      bucket.tokens = Math.min(throttle.burstLimit, bucket.tokens + ((t - bucket.at) / 1000) * throttle.rateLimit);
      bucket.at = t;
      buckets.set(routeKey, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
