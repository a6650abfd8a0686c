import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTimestampRefusal, parseDepositReceipt, parseSubmissionLog, type SubmissionLog } from '#core/deposit/index';

const log = (name: string): string => readFileSync(join(import.meta.dirname, 'logs', name), 'utf8');

function parsed(xml: string): SubmissionLog {
  const result = parseSubmissionLog(xml);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.value;
}

describe('parseSubmissionLog on real Crossref logs', () => {
  it('reads the documentation success example (emailed form, no status attribute)', () => {
    // Act
    const value = parsed(log('success-added.xml'));
    // Assess
    expect(value).toEqual({
      status: 'completed',
      submissionId: '9349810',
      batchId: 'FINAL_001',
      records: [{ status: 'Success', doi: '10.5555/second_conflict_003', message: 'Successfully added', msgId: undefined, conflictId: undefined, doisInConflict: [] }],
      counts: { records: 1, success: 1, warning: 0, failure: 0 },
    });
  });

  it('reads the timestamp refusal and keeps DOIs such as 10.5555/11111 as strings', () => {
    // Act
    const value = parsed(log('timestamp-failure.xml'));
    // Assess
    expect(value.status).toBe('completed');
    if (value.status !== 'completed') return;
    expect(value.records[0]).toMatchObject({ status: 'Failure', doi: '10.5555/11111' });
    expect(isTimestampRefusal(value.records[0]?.message ?? '')).toBe(true);
    expect(value.counts.failure).toBe(1);
  });

  it('reads a warning with its conflict', () => {
    // Act
    const value = parsed(log('warning-conflict.xml'));
    // Assess
    if (value.status !== 'completed') throw new Error('not completed');
    expect(value.records.map((r) => [r.status, r.doi, r.message])).toEqual([
      ['Success', '10.38124/IJISRT', 'Successfully updated in handle'],
      ['Warning', '10.38124/ijisrt/25apr1148_1', 'Updated with conflict'],
    ]);
    expect(value.records[1]).toMatchObject({ conflictId: '8104544', doisInConflict: ['10.38124/ijisrt/25apr1148'] });
    expect(value.counts).toEqual({ records: 2, success: 1, warning: 1, failure: 0 });
  });

  it('reads a file refused whole: one Failure with an empty DOI', () => {
    const value = parsed(log('schema-failure.xml'));
    if (value.status !== 'completed') throw new Error('not completed');
    expect(value.records).toHaveLength(1);
    expect(value.records[0]).toMatchObject({ status: 'Failure', doi: '' });
    expect(value.records[0]?.message).toMatch(/^Error validating schema/);
  });

  it('reads a message written directly in record_diagnostic, with its msg_id', () => {
    const value = parsed(log('msg-id-failure.xml'));
    if (value.status !== 'completed') throw new Error('not completed');
    expect(value.records[0]).toMatchObject({ status: 'Failure', message: 'Submission version NULL is invalid', msgId: '1' });
  });

  it.each([
    ['queued.xml', { status: 'pending', crossrefStatus: 'queued', submissionId: '1415653976' }],
    ['unknown.xml', { status: 'unknown' }],
  ])('%s is not a result yet', (name, expected) => {
    expect(parsed(log(name))).toEqual(expected);
  });

  it('an in_process log is pending', () => {
    expect(parsed('<doi_batch_diagnostic status="in_process"/>')).toMatchObject({ status: 'pending', crossrefStatus: 'in_process' });
  });
});

describe('parseSubmissionLog never reads garbage as success', () => {
  it.each([
    ['empty', ''],
    ['HTML error page', '<html><body>502 Bad Gateway</body></html>'],
    ['text', 'Wrong credentials. Incorrect username or password.'],
    ['unknown record status', '<doi_batch_diagnostic status="completed"><submission_id>1</submission_id><record_diagnostic status="Maybe"><doi>10.5555/x</doi><msg>?</msg></record_diagnostic></doi_batch_diagnostic>'],
    ['completed without submission id', '<doi_batch_diagnostic status="completed"><record_diagnostic status="Success"><doi>10.5555/x</doi><msg>Successfully added</msg></record_diagnostic></doi_batch_diagnostic>'],
    ['count that is not a number', '<doi_batch_diagnostic status="completed"><submission_id>1</submission_id><batch_data><record_count>x</record_count><success_count>0</success_count><warning_count>0</warning_count><failure_count>0</failure_count></batch_data></doi_batch_diagnostic>'],
  ])('%s', (_case, xml) => {
    // Act
    const result = parseSubmissionLog(xml);
    // Assess
    expect(result.ok).toBe(false);
  });
});

describe('parseDepositReceipt', () => {
  it('accepts the receipt page of /servlet/deposit', () => {
    // Prepare: the page as quoted by client projects' tests.
    const body = '\n\n\n\n<html>\n<head><title>SUCCESS</title>\n</head>\n<body>\n<h2>SUCCESS</h2>\n<p>Your batch submission was successfully received.</p>\n</body>\n</html>\n';
    // Act / Assess
    expect(parseDepositReceipt(body)).toEqual({ ok: true, value: { received: true } });
  });

  it('turns any other page into a readable problem', () => {
    const result = parseDepositReceipt('<html><head><title>FAILURE</title></head><body><h2>FAILURE</h2><p>Something else</p></body></html>');
    expect(result).toEqual({ ok: false, problems: ['Crossref did not confirm the upload: FAILURE FAILURE Something else'] });
  });
});
