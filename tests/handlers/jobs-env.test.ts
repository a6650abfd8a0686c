import { describe, expect, it } from 'vitest';
import { ConfigError } from '#adapters/errors';
import { requireEnv } from '#handlers/env';
import { issueJobSchema, issueJobsOf, parseJob, renderJobSchema } from '#handlers/jobs';

describe('parseJob', () => {
  it.each([
    ['a render job', renderJobSchema, '{"doi":"10.2298/X","version":2}', { ok: true, job: { doi: '10.2298/X', version: 2 } }],
    ['a site job', issueJobSchema, '{"journalId":"balcanica","issueId":"L-2019"}', { ok: true, job: { journalId: 'balcanica', issueId: 'L-2019' } }],
    ['a body that is not JSON', renderJobSchema, 'not json', { ok: false, reason: 'the message body is not JSON' }],
    ['a job with a bad field', renderJobSchema, '{"doi":"10.2298/X","version":0}', { ok: false, reason: expect.stringMatching(/^not a job: version /) }],
    ['a job with an unknown field', issueJobSchema, '{"journalId":"j","issueId":"i","x":1}', { ok: false, reason: expect.stringMatching(/^not a job:/) }],
  ] as const)('parses %s', (_name, schema, body, expected) => {
    expect(parseJob(schema as typeof renderJobSchema, body)).toEqual(expected);
  });
});

describe('issueJobsOf', () => {
  it('names each issue once with every message that named it, and sets the poison messages apart', () => {
    // Prepare
    const job = (journalId: string, issueId: string): string => JSON.stringify({ journalId, issueId });
    const messages = [
      { messageId: 'm1', body: job('balcanica', 'L-2019') },
      { messageId: 'm2', body: 'not json' },
      { messageId: 'm3', body: job('balcanica', 'LI-2020') },
      { messageId: 'm4', body: job('balcanica', 'L-2019') },
    ];

    // Act
    const { issues, poison } = issueJobsOf(messages);

    // Assess
    expect(issues).toEqual([
      { job: { journalId: 'balcanica', issueId: 'L-2019' }, messageIds: ['m1', 'm4'] },
      { job: { journalId: 'balcanica', issueId: 'LI-2020' }, messageIds: ['m3'] },
    ]);
    expect(poison).toEqual([{ messageId: 'm2', reason: 'the message body is not JSON' }]);
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
