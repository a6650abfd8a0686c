import { describe, expect, it } from 'vitest';
import { INDEX_REWRITE_SOURCE, indexRewriteSource } from '#infra/constructs/index-rewrite';
import { STAGES } from '#infra/config';

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

  it.each([
    ['/balcanica', '/balcanica/', {}],
    ['/admin', '/admin/', {}],
    ['/balcanica/issues/L-2019', '/balcanica/issues/L-2019/', {}],
    ['/balcanica/issues/L-2019', '/balcanica/issues/L-2019/?utm=x', { utm: { value: 'x' } }],
  ])('%s, a folder typed without its slash, answers 301 to %s', (uri, location, querystring) => {
    expect(handler({ request: { uri, querystring } })).toMatchObject({ statusCode: 301, headers: { location: { value: location } } });
  });

  it.each(['/sitemap.xml', '/favicon.ico', '/balcanica/index.html', '/balcanica/issues/L-2019/cover.jpg', '/doi/10.2298/BALC1950375E', '/doi/10.5555/exemplaria.xii.1/petrovic', '//evil.example/x', '/Balcanica', `/${'a'.repeat(1100)}`])('leaves %s to S3 (a file, what it cannot know to be a folder, or a key too long to be one)', (uri) => {
    expect(handler({ request: { uri, querystring: {} } })).toEqual({ uri, querystring: {} });
  });

  it('uses nothing the cloudfront-js-2.0 runtime lacks (no require, no import, no fetch)', () => {
    expect(INDEX_REWRITE_SOURCE).not.toMatch(/\b(require|import|fetch|process)\b/);
  });
});

type Response = { statusCode: number; headers: Record<string, { value: string }> };
const legacy = new Function(`${indexRewriteSource('balcanica')}\nreturn handler;`)() as (event: { request: Request }) => Request | Response;

describe('old single-journal paths (issue 12: a stage that served one journal before it held several)', () => {
  it.each([
    ['/issues/L-2019/', {}, '/balcanica/issues/L-2019/'],
    ['/issues/L-2019/index.html', {}, '/balcanica/issues/L-2019/index.html'],
    ['/issues/L-2019/', { utm: { value: 'x' } }, '/balcanica/issues/L-2019/?utm=x'],
  ])('%s answers 301 to %s', (uri, querystring, location) => {
    expect(legacy({ request: { uri, querystring } })).toMatchObject({ statusCode: 301, headers: { location: { value: location } } });
  });

  it('leaves every other path to the index rewrite', () => {
    expect(legacy({ request: { uri: '/balcanica/issues/L-2019/', querystring: {} } })).toMatchObject({ uri: '/balcanica/issues/L-2019/index.html' });
    expect(legacy({ request: { uri: '/doi/10.2298/BALC1950375E/', querystring: {} } })).toMatchObject({ uri: '/doi/10.2298/BALC1950375E/index.html' });
    expect(legacy({ request: { uri: '/otherjournal/issues/1/', querystring: {} } })).toMatchObject({ uri: '/otherjournal/issues/1/index.html' });
  });

  it('is on for the stages that may have served Balcanica alone, and refuses what is not a journal id', () => {
    expect(STAGES.prod.site.legacyJournal).toBe('balcanica');
    expect(STAGES.dev.site.legacyJournal).toBe('balcanica');
    expect(STAGES.local.site.legacyJournal).toBeUndefined();
    expect(() => indexRewriteSource("x'); evil('")).toThrow(RangeError);
    expect(indexRewriteSource('balcanica')).not.toMatch(/\b(require|import|fetch|process)\b/);
  });
});
