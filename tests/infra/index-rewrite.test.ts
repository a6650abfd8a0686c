import { describe, expect, it } from 'vitest';
import { INDEX_REWRITE_SOURCE } from '#infra/constructs/index-rewrite';

type Request = { uri: string; querystring?: Record<string, unknown> };
// CloudFront evaluates the source as a script defining `handler`; so does this test.
const handler = new Function(`${INDEX_REWRITE_SOURCE}\nreturn handler;`)() as (event: { request: Request }) => Request;

describe('index rewrite (CloudFront Function)', () => {
  it.each([
    ['/', '/index.html'],
    ['/doi/10.2298/BALC1950375E/', '/doi/10.2298/BALC1950375E/index.html'],
    ['/issues/L-2019/', '/issues/L-2019/index.html'],
    ['/doi/10.2298/BALC1950375E/article.xml', '/doi/10.2298/BALC1950375E/article.xml'],
    ['/sitemap.xml', '/sitemap.xml'],
    ['/doi/10.2298/BALC1950375E', '/doi/10.2298/BALC1950375E'],
  ])('%s → %s', (uri, expected) => {
    expect(handler({ request: { uri } }).uri).toBe(expected);
  });

  it('returns the same request with everything else untouched', () => {
    const request = { uri: '/issues/', querystring: { a: { value: '1' } } };
    expect(handler({ request: structuredClone(request) })).toEqual({ ...request, uri: '/issues/index.html' });
  });

  it('uses nothing the cloudfront-js-2.0 runtime lacks (no require, no import, no fetch)', () => {
    expect(INDEX_REWRITE_SOURCE).not.toMatch(/\b(require|import|fetch|process)\b/);
  });
});
