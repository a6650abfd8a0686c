/**
 * `colophon publish` without a stage: when an article counts as ingested, rendered or failed for
 * this publish, the lines it prints, and that nothing is sent when the metadata has problems or
 * the stage cannot be found. Publishing for real is tests/integration/cli-publish.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Head } from '#adapters/records';
import { progressLine, progressOf, runPublish, tally, type Expected, type Progress, type PublishDeps } from '#cli/publish-command';
import { StageError, type StageFlags } from '#cli/stage';
import { copyTree, removeTempDirs, runCli } from './run.ts';

afterAll(removeTempDirs);

const SINCE = '2026-11-28T07:00:00.000Z';
const expected: Expected = { hash: 'h-new', batchId: 'batch-2', since: SINCE };
type HeadState = Pick<Head, 'hash' | 'batchId' | 'version' | 'render'>;

describe('where an article is, seen from one publish', () => {
  const head = (over: Partial<HeadState>): HeadState => ({ hash: 'h-new', batchId: 'batch-2', version: 2, render: { status: 'pending', version: 2 }, ...over });

  it.each<[string, HeadState | undefined, Progress]>([
    ['no record yet', undefined, { state: 'waiting' }],
    ['the previous content, from another batch', head({ hash: 'h-old', batchId: 'batch-1', render: { status: 'done', version: 2, at: SINCE, artifacts: {} } }), { state: 'waiting' }],
    ['this content, not rendered yet', head({}), { state: 'rendering', version: 2 }],
    ['written by this batch though the hashes differ (another colophon version)', head({ hash: 'h-theirs' }), { state: 'rendering', version: 2 }],
    ['this content, rendered', head({ render: { status: 'done', version: 2, at: '2026-11-28T07:00:03.000Z', artifacts: {} } }), { state: 'rendered', version: 2, at: '2026-11-28T07:00:03.000Z' }],
    [
      'this content, rendered by an earlier publish of the same files',
      head({ batchId: 'batch-1', version: 1, render: { status: 'done', version: 1, at: '2026-01-01T00:00:00.000Z', artifacts: {} } }),
      { state: 'unchanged', version: 1, at: '2026-01-01T00:00:00.000Z' },
    ],
    [
      'this content, failed after the upload',
      head({ render: { status: 'failed', version: 2, at: '2026-11-28T07:00:02.000Z', reason: 'RenderError: x', attempt: 1 } }),
      { state: 'failed', version: 2, at: '2026-11-28T07:00:02.000Z', reason: 'RenderError: x', attempt: 1 },
    ],
    ['this content, failed before the upload (ingest queues it again)', head({ render: { status: 'failed', version: 2, at: '2026-11-28T06:00:00.000Z', reason: 'old', attempt: 3 } }), { state: 'rendering', version: 2 }],
  ])('%s', (_name, current, progress) => {
    expect(progressOf(expected, current)).toEqual(progress);
  });
});

describe('progress lines', () => {
  const what = 'balcanica/L-2019 10.2298/BALC1950375E';
  const url = 'http://127.0.0.1:8788/doi/10.2298/BALC1950375E/';

  it.each<[Progress, string]>([
    [{ state: 'waiting' }, `${what}: waiting for ingest`],
    [{ state: 'rendering', version: 3 }, `${what}: ingested as version 3, rendering`],
    [{ state: 'rendered', version: 3, at: SINCE }, `${what}: rendered version 3 ${url}`],
    [{ state: 'unchanged', version: 3, at: SINCE }, `${what}: unchanged, version 3 is already rendered ${url}`],
    [{ state: 'failed', version: 3, at: '2026-11-28T07:00:02.345Z', reason: 'RenderError: bad\n  at render', attempt: 2 }, `${what}: FAILED version 3 (attempt 2, 2026-11-28 07:00:02Z): RenderError: bad at render`],
  ])('%j', (progress, line) => {
    expect(progressLine(what, progress, url)).toBe(line);
  });

  it('counts articles by state', () => {
    expect(tally([{ state: 'rendered', version: 1, at: SINCE }, { state: 'waiting' }, { state: 'rendered', version: 2, at: SINCE }])).toBe('2 rendered, 1 waiting');
  });
});

describe('colophon publish refuses before sending anything', () => {
  /** Deps whose stage resolution is recorded: reaching it means an upload would follow. */
  function recordingDeps(): { deps: PublishDeps; resolved: StageFlags[] } {
    const resolved: StageFlags[] = [];
    const deps: PublishDeps = {
      resolve: async (flags) => {
        resolved.push(flags);
        throw new StageError('no stage in this test');
      },
      now: () => new Date(SINCE),
      suffix: () => 'abc123',
      sleep: async () => undefined,
    };
    return { deps, resolved };
  }
  const options = { stage: 'local', wait: true, timeoutSeconds: 10, pollSeconds: 1 } as const;

  it('prints every problem with its place and does not look for the stage', async () => {
    // Prepare
    const tree = copyTree('tests/fixtures/metadata');
    const article = join(tree, 'testjournal/2024-12-3/a02-mueller.yaml');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^doi: .*$/m, 'doi: not-a-doi'));
    const { deps, resolved } = recordingDeps();
    let out = '';
    let err = '';
    // Act
    const code = await runPublish({ ...options, root: join(tree, 'testjournal/2024-12-3') }, { out: (t) => (out += t), err: (t) => (err += t) }, deps);
    // Assess
    expect(code).toBe(1);
    expect(resolved).toEqual([]);
    expect(out).toBe('');
    expect(err).toMatch(/a02-mueller\.yaml:\d+:\d+: doi: .*\n1 problem in 1 file; nothing was uploaded\n$/);
  });

  it('exits 2 with the reason when the stage cannot be found', async () => {
    // Prepare
    const { deps, resolved } = recordingDeps();
    let err = '';
    // Act
    const code = await runPublish({ ...options, root: copyTree('metadata') }, { out: () => undefined, err: (t) => (err += t) }, deps);
    // Assess
    expect(code).toBe(2);
    expect(resolved).toEqual([{ stage: 'local', wait: true, timeoutSeconds: 10, pollSeconds: 1, root: expect.any(String) }]);
    expect(err).toBe('colophon publish: no stage in this test\n');
  });

  it.each([
    [['publish'], "missing required argument 'issue-dir'"],
    [['publish', 'metadata', '--stage', 'staging'], 'Allowed choices are local, dev, prod'],
    [['publish', 'metadata', '--timeout', '0'], 'must be a number of seconds, at least 1'],
    [['publish', 'metadata', '--poll', 'often'], 'must be a number of seconds'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    // Act
    const run = await runCli(argv);
    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('is listed in the help with status, and explains its stage options and exit codes', async () => {
    // Act
    const help = await runCli(['--help']);
    const publish = await runCli(['publish', '--help']);
    // Assess
    expect(help.stdout).toMatch(/publish \[options\] <issue-dir>[\s\S]*status \[options\] \[issue-dir\]/);
    expect(publish.stdout).toContain('--stage <stage>');
    expect(publish.stdout).toContain('--endpoint-s3 <url>');
    expect(publish.stdout).toContain('--timeout <seconds>');
    expect(publish.stdout).toContain('75 still rendering at --timeout');
  });
});
