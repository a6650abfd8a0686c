import { describe, expect, it } from 'vitest';
import { formatProblem } from '#core/model/index';
import { depositBatch, depositIssue } from '#handlers/flows/deposit';
import { richIssue } from '#tests/deposit/fixtures';
import { flowWorld, sqsMessage, type WorldOptions } from './deposit-fakes.ts';

const bundle = richIssue();
const [first, second, third] = bundle.articles.map((a) => a.doi) as [string, string, string];
const job = { journalId: bundle.journal.id, issueId: bundle.issue.id };

const world = (options: WorldOptions = {}) => flowWorld(bundle, options);

describe('depositIssue', () => {
  it('deposits only articles whose current version is rendered, with the issue DOI', async () => {
    // Prepare
    const w = world({ rendered: (doi) => doi !== second });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome.mode).toBe('deposit');
    const [xml] = [...w.crossref.files.values()];
    expect(xml).toContain(`<doi>${first}</doi>`);
    expect(xml).toContain(`<doi>${third}</doi>`);
    expect(xml).not.toContain(second);
    expect(xml).toContain(`<doi>${bundle.issue.doi}</doi>`);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ message: 'articles not rendered yet are left out', fields: expect.objectContaining({ unrendered: [second] }) }));
  });

  it('marks the heads Crossref registered as deposited, and sends nothing the second time', async () => {
    // Prepare
    const w = world();

    // Act
    const once = await depositIssue(w.deps, job);
    const again = await depositIssue(w.deps, job);

    // Assess
    expect(once.mode === 'deposit' && once.marked).toEqual([first, second, third]);
    expect(w.crossref.files.size).toBe(1);
    expect(again.mode === 'deposit' && again.report.batches).toEqual([]);
    expect(w.records.marked.map((m) => m.version)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('leaves a batch Crossref still queues pending, and its heads due', async () => {
    // Prepare
    const w = world({ queued: true });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome.mode === 'deposit' && outcome.report.batches.map((b) => b.status)).toEqual(['pending']);
    expect(outcome.mode === 'deposit' && outcome.marked).toEqual([]);
    expect(await w.ledger.pendingBatches()).toHaveLength(1);
  });

  it('skips an issue with no rendered article without building a service', async () => {
    // Prepare
    const w = world({ rendered: () => false });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome).toEqual({ issue: `${job.journalId}/${job.issueId}`, mode: 'skipped', reason: 'no rendered article' });
    expect(w.services()).toBe(0);
  });

  it('in a dry run keeps a valid file under crossref/dry-run/, reads no credentials and records nothing', async () => {
    // Prepare
    const w = world({ mode: 'dry-run' });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome).toMatchObject({ mode: 'dry-run', valid: true, key: expect.stringMatching(/^crossref\/dry-run\/colophon-\d{17}-abc123\.xml$/) });
    expect(outcome.mode === 'dry-run' && outcome.planned).toEqual([bundle.issue.doi, first, second, third]);
    expect([...w.kept.keys()]).toEqual([outcome.mode === 'dry-run' && outcome.key]);
    expect(w.records.problems.size).toBe(0);
    expect(w.services()).toBe(0);
    expect(w.ledger.writes).toBe(0);
    expect(w.crossref.files.size).toBe(0);
  });
});

describe('depositIssue: a deposit file the schema refuses', () => {
  const ERRORS = Array.from({ length: 14 }, (_, k) => `line ${k + 3}: cvc-complex-type.2.4.a: Invalid content was found starting with element 'x${k}'.`);
  const issueKey = `${job.journalId}/${job.issueId}/deposit`;
  const uploadKey = `${job.journalId}/${job.issueId}/upload`;

  it('keeps the file under crossref/invalid/, sends nothing, logs ten problems and records them for colophon status', async () => {
    // Prepare
    const w = world({ refuse: ERRORS });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    const batch = outcome.mode === 'deposit' ? outcome.report.batches[0]! : undefined;
    expect(batch?.status).toBe('invalid');
    const key = `crossref/invalid/${batch!.fileName}`;
    expect([...w.kept.keys()]).toEqual([key]);
    expect(w.kept.get(key)).toContain('<doi_batch');
    expect(w.crossref.files.size).toBe(0);
    const logged = w.log.lines.find((l) => l.message === 'deposit file does not validate: nothing sent');
    expect(logged?.fields).toMatchObject({ key, problemCount: 14, problems: ERRORS.slice(0, 10) });
    const recorded = w.records.problems.get(issueKey);
    expect(recorded).toMatchObject({ journalId: job.journalId, issueId: job.issueId, batchId: batch!.batchId });
    expect(recorded?.problems.map(formatProblem)).toEqual([
      ...ERRORS.slice(0, 10).map((e, k) => `${key}:${k + 3}:1: does not validate against Crossref 5.4.0: ${e.replace(/^line \d+: /, '')}`),
      `${key}: and 4 more schema problem(s) in the file`,
    ]);
  });

  it('records the problems of a dry-run file the schema refuses, naming the dry-run file', async () => {
    // Prepare
    const w = world({ mode: 'dry-run', refuse: ERRORS.slice(0, 1) });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome).toMatchObject({ mode: 'dry-run', valid: false });
    const key = outcome.mode === 'dry-run' ? outcome.key : undefined;
    expect(key).toMatch(/^crossref\/dry-run\//);
    expect(w.records.problems.get(issueKey)?.problems).toEqual([{ file: key, path: [], line: 3, message: expect.stringContaining('cvc-complex-type.2.4.a') }]);
  });

  it('records its problems beside those of a refused upload, leaving those as they were', async () => {
    // Prepare
    const w = world({ refuse: ERRORS });
    const upload = { journalId: job.journalId, issueId: job.issueId, batchId: 'upload-1', at: '2025-03-01T09:00:00.000Z', problems: [{ file: 'sbt/2024-12-3/a1.yaml', path: ['doi'], message: 'not a DOI' }] };
    await w.records.putProblems(upload);

    // Act
    await depositIssue(w.deps, job);

    // Assess
    expect(w.records.problems.get(uploadKey)).toEqual(upload);
    expect(w.records.problems.get(issueKey)?.problems).toHaveLength(11);
  });

  it('keeps one file and one record when the same refused records are deposited again', async () => {
    // Prepare
    const w = world({ refuse: ERRORS });
    await depositIssue(w.deps, job);
    const first = w.records.problems.get(issueKey);
    let writes = 0;
    const counting = { ...w.deps, records: { ...w.deps.records, putProblems: async (...args: Parameters<typeof w.deps.records.putProblems>) => (writes++, w.deps.records.putProblems(...args)) } };

    // Act
    await depositIssue(counting, job);

    // Assess
    expect([...w.kept.keys()]).toEqual([expect.stringMatching(/^crossref\/invalid\/invalid-[0-9a-f]{24}\.xml$/)]);
    expect(writes).toBe(0);
    expect(w.records.problems.get(issueKey)).toBe(first);
  });

  it('clears the problems of an earlier refused file once a deposit validates, but never a refused upload’s', async () => {
    // Prepare
    const w = world();
    await w.records.putProblems({ journalId: job.journalId, issueId: job.issueId, batchId: 'b0', at: 'x', problems: [{ file: 'crossref/invalid/b0.xml', path: [], message: 'm' }] }, 'deposit');
    await w.records.putProblems({ journalId: job.journalId, issueId: job.issueId, batchId: 'u', at: 'x', problems: [{ file: 'sbt/2024-12-3/a1.yaml', path: [], message: 'm' }] });

    // Act
    await depositIssue(w.deps, job);

    // Assess
    expect(w.records.problems.has(issueKey)).toBe(false);
    expect(w.records.problems.get(uploadKey)?.batchId).toBe('u');
  });
});

describe('depositBatch', () => {
  it('deposits each issue once however many jobs name it, and fails poison messages alone', async () => {
    // Prepare
    const w = world();
    const messages = [sqsMessage(job), sqsMessage(job), sqsMessage('not json'), sqsMessage({ journalId: 'x' })];

    // Act
    const response = await depositBatch(w.deps, messages);

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([messages[2]!.messageId, messages[3]!.messageId]);
    expect(w.crossref.files.size).toBe(1);
  });

  it('never polls the pending batches of earlier deposits: the schedule and the callback settle them', async () => {
    // Prepare
    const w = world({ failing: new Map([['stuck.xml', new Error('log unreadable')]]) });
    await w.ledger.reserve({ batchId: 'stuck', fileName: 'stuck.xml', timestamp: '1', records: [{ doi: '10.5555/elsewhere', hash: 'h' }], at: w.now().toISOString() });

    // Act
    const response = await depositBatch(w.deps, [sqsMessage(job)]);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(w.crossref.polls).not.toContain('stuck.xml');
    expect(w.crossref.polls).toHaveLength(1);
    expect(w.ledger.batches.get('stuck')?.status).toBe('reserved');
  });

  it('fails the messages of an issue that cannot be deposited, and only those', async () => {
    // Prepare
    const w = world();
    const unknown = sqsMessage({ journalId: 'nope', issueId: 'nope' });
    const known = sqsMessage(job);

    // Act
    const response = await depositBatch(w.deps, [unknown, known]);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: unknown.messageId }]);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'deposit failed' }));
  });
});
