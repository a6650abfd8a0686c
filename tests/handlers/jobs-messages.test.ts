/**
 * A poison message's reason, word for word: the job schemas moved from zod's chained API to
 * zod/mini (cold start, issue 16) and must read as before. The expected reasons are what the
 * chained-API schemas gave for these bodies (zod's English messages), reviewed, not regenerated.
 */
import { describe, expect, it } from 'vitest';
import { issueJobSchema, parseJob, renderJobSchema } from '#handlers/jobs';

describe('parseJob reasons', () => {
  it.each([
    ['{"doi":"10.2298/X","version":0}', 'version Too small: expected number to be >0'],
    ['{"doi":"","version":1.5}', 'doi Too small: expected string to have >=1 characters; version Invalid input: expected int, received number'],
    ['{"doi":"d","version":"1"}', 'version Invalid input: expected number, received string'],
    ['{"doi":"d","version":1,"refresh":false}', 'refresh Invalid input: expected true'],
    ['{"doi":"d","version":1,"x":1}', '(body) Unrecognized key: "x"'],
    ['[]', '(body) Invalid input: expected object, received array'],
    ['null', '(body) Invalid input: expected object, received null'],
    ['{}', 'doi Invalid input: expected string, received undefined; version Invalid input: expected number, received undefined'],
    ['{"doi":"d","version":1e400}', 'version Invalid input: expected number, received Infinity'],
    ['{"doi":"d","version":9007199254740993}', 'version Too big: expected int to be <=9007199254740991'],
  ])('a render job %s: %s', (body, reason) => {
    expect(parseJob(renderJobSchema, body)).toEqual({ ok: false, reason: `not a job: ${reason}` });
  });

  it.each([
    ['{"journalId":"","issueId":3}', 'journalId Too small: expected string to have >=1 characters; issueId Invalid input: expected string, received number'],
    ['"s"', '(body) Invalid input: expected object, received string'],
  ])('an issue job %s: %s', (body, reason) => {
    expect(parseJob(issueJobSchema, body)).toEqual({ ok: false, reason: `not a job: ${reason}` });
  });

  it('keeps refresh: true', () => {
    expect(parseJob(renderJobSchema, '{"doi":"d","version":2,"refresh":true}')).toEqual({ ok: true, job: { doi: 'd', version: 2, refresh: true } });
  });
});
