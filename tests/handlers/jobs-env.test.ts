import { describe, expect, it } from 'vitest';
import { ConfigError } from '#adapters/errors';
import { requireEnv } from '#handlers/env';
import { parseJob, renderJobSchema, siteJobSchema } from '#handlers/jobs';

describe('parseJob', () => {
  it.each([
    ['a render job', renderJobSchema, '{"doi":"10.2298/X","version":2}', { ok: true, job: { doi: '10.2298/X', version: 2 } }],
    ['a site job', siteJobSchema, '{"journalId":"balcanica","issueId":"L-2019"}', { ok: true, job: { journalId: 'balcanica', issueId: 'L-2019' } }],
    ['a body that is not JSON', renderJobSchema, 'not json', { ok: false, reason: 'the message body is not JSON' }],
    ['a job with a bad field', renderJobSchema, '{"doi":"10.2298/X","version":0}', { ok: false, reason: expect.stringMatching(/^not a job: version /) }],
    ['a job with an unknown field', siteJobSchema, '{"journalId":"j","issueId":"i","x":1}', { ok: false, reason: expect.stringMatching(/^not a job:/) }],
  ] as const)('parses %s', (_name, schema, body, expected) => {
    expect(parseJob(schema as typeof renderJobSchema, body)).toEqual(expected);
  });
});

describe('requireEnv', () => {
  it('returns the variables when all are set', () => {
    expect(requireEnv(['A', 'B'], { A: '1', B: '2' })).toEqual({ A: '1', B: '2' });
  });

  it('names every missing or empty variable at once', () => {
    expect(() => requireEnv(['A', 'B', 'C'], { B: '' })).toThrow(new ConfigError('missing environment variable(s): A, B, C (set by the CDK function construct\'s bind* helpers)'));
  });
});
