/**
 * The stand-in routes as the distribution and the HTTP API do (issue 16: the citation downloads go
 * to a function through the API): CloudFront path patterns (`*` spans `/`, whole path, case-sensitive),
 * a greedy `{proxy+}` route, and the path handed to
 * Lambda decoded once.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { pathParameters, routeMatches, toEventV2 } from '#infra/local/http-api';
import type { LocalRoute } from '#infra/local/model';
import { pathPatternMatches } from '#infra/local/site-server';

describe('stand-in routing', () => {
  it('matches CloudFront path patterns on the whole path, with * across slashes, case-sensitively', () => {
    expect(pathPatternMatches('/doi/*/citation.ris', '/doi/10.1002/(SICI)1097%3C693%3E/citation.ris')).toBe(true);
    expect(pathPatternMatches('/doi/*/citation.ris', '/doi/10.5555/x/citation.ris/more')).toBe(false);
    expect(pathPatternMatches('/doi/*/citation.ris', '/doi/10.5555/x/Citation.ris')).toBe(false);
    expect(pathPatternMatches('/doi/*/citation.ris', '/doi/10.5555/x/citationXris')).toBe(false);
    expect(pathPatternMatches('/api/*', '/api/oai')).toBe(true);
    expect(pathPatternMatches('/a?c', '/abc')).toBe(true);
  });

  it('matches a greedy {proxy+} route on a non-empty rest, and hands the path on decoded once', () => {
    expect(routeMatches('/doi/{proxy+}', '/doi/10.5555/x/citation.ris')).toBe(true);
    expect(routeMatches('/doi/{proxy+}', '/doi/')).toBe(false);
    expect(routeMatches('/doi/{proxy+}', '/api/oai')).toBe(false);
    expect(pathParameters('/doi/{proxy+}', '/doi/10.1002/a%3C1%3E/citation.ris')).toEqual({ proxy: '10.1002/a<1>/citation.ris' });
    const route: LocalRoute = { method: 'GET', path: '/doi/{proxy+}', routeKey: 'GET /doi/{proxy+}', functionName: 'downloads', payloadFormatVersion: '2.0' };
    const req = { url: '/doi/10.1002/a%3C1%3E%2525/citation.ris', headers: {}, method: 'GET', httpVersion: '1.1', socket: {} } as unknown as IncomingMessage;
    const event = toEventV2(route, req, Buffer.alloc(0));
    expect(event.rawPath).toBe('/doi/10.1002/a<1>%25/citation.ris');
  });
});
