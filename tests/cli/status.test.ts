/**
 * `colophon status` without a stage: how render and Crossref states read, the table, and how the
 * CLI finds a stage (local state file, flags, env, the synthesized templates, CloudFormation outputs).
 * The same command against the emulators is tests/integration/cli-publish.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readMetadata } from '#adapters/metadata-fs';
import type { JournalSources } from '#core/model/index';
import { localName } from '#infra/local/template';
import { describeOutputs, localEndpoints, localOutputs, stageUrl, StageError, type StageTarget } from '#cli/stage';
import { alignColumns, crossrefCell, crossrefLegend, crossrefView, formatStatus, needsAttention, renderView, runStatus, selectIssues, shortTime, type StatusReport } from '#cli/status-command';
import { synthStage } from '#tests/infra/synth';
import { repoDir } from '#tests/helpers/shared';
import { copyTree, removeTempDirs, runCli, tempDir } from './run.ts';

afterAll(removeTempDirs);

const DOI = '10.2298/BALC1950375E';

describe('render state of the current version', () => {
  it.each([
    ['pending', { version: 2, render: { status: 'pending', version: 2 } }, { state: 'pending', version: 2 }],
    ['done', { version: 2, render: { status: 'done', version: 2, at: 't', artifacts: {} } }, { state: 'rendered', version: 2, at: 't' }],
    ['failed', { version: 2, render: { status: 'failed', version: 2, at: 't', reason: 'r', attempt: 3 } }, { state: 'failed', version: 2, at: 't', reason: 'r', attempt: 3 }],
    ['done for an older version', { version: 3, render: { status: 'done', version: 2, at: 't', artifacts: {} } }, { state: 'pending', version: 3 }],
  ] as const)('%s', (_name, head, expected) => {
    expect(renderView(head)).toEqual(expected);
  });
});

describe('Crossref state', () => {
  it.each([
    ['not published on this stage', 'none', undefined, ['-', '']],
    ['never sent', 'ready', undefined, ['ready', '']],
    ['registered as published', 'registered', { state: 'registered', updatedAt: '2026-03-01T10:00:00.000Z' }, ['registered', '2026-03-01 10:00:00Z']],
    ['registered, changed since', 'stale', { state: 'registered', updatedAt: '2026-03-01T10:00:00.000Z' }, ['stale', '2026-03-01 10:00:00Z']],
    ['refused', 'failed', { state: 'failed', updatedAt: '2026-03-01T10:00:00.000Z', message: 'no' }, ['FAILED', '2026-03-01 10:00:00Z']],
  ] as const)('%s', (_name, state, entry, expected) => {
    // Act
    const view = crossrefView(state, entry ? { doi: DOI, ...entry } : undefined);
    // Assess
    expect(crossrefCell(view)).toEqual(expected);
    expect(view.due).toBe(state === 'ready' || state === 'stale');
  });

  it('explains each state staff may act on, once, under the table', () => {
    // Act
    const legend = crossrefLegend(['registered', 'ready', 'stale', 'ready', 'none', 'failed']);
    // Assess
    expect(legend).toEqual([
      '  ready: Crossref does not have this DOI yet: colophon register sends it',
      '  stale: Crossref has an older version of this record: colophon register sends the current one',
      "  FAILED: Crossref refused this record: read Crossref's message, fix the metadata and publish again",
    ]);
  });
});

describe('the table', () => {
  const report: StatusReport = {
    stage: 'local',
    source: 'the local stand-in',
    siteUrl: 'http://127.0.0.1:8788',
    issues: [
      {
        journalId: 'balcanica',
        issueId: 'L-2019',
        updatedAt: '2026-11-28T06:38:59.123Z',
        batchId: 'b1',
        publishedAt: '2026-11-29T10:00:00.000Z',
        publishedBatchId: 'b4',
        articles: [
          {
            doi: DOI,
            articleId: 'edemskiy',
            title: 'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
            render: { state: 'rendered', version: 1, at: '2026-11-28T06:39:00.456Z' },
            url: `https://balcanica.rs/doi/${DOI}/`,
            stageUrl: `http://127.0.0.1:8788/doi/${DOI}/`,
            crossref: { state: 'warning', due: false, updatedAt: '2026-11-28T07:00:00.000Z', message: 'Added with conflict:\n  10.1/x' },
            local: 'changed',
          },
          {
            doi: '10.2298/BALC1950400X',
            articleId: 'zz',
            title: 'A short title',
            render: { state: 'failed', version: 2, at: '2026-11-28T06:39:01.000Z', reason: 'RenderError: bad\n  at x', attempt: 2 },
            url: 'https://balcanica.rs/doi/10.2298/BALC1950400X/',
            stageUrl: 'http://127.0.0.1:8788/doi/10.2298/BALC1950400X/',
            crossref: { state: 'ready', due: true },
          },
        ],
      },
      {
        journalId: 'balcanica',
        issueId: 'LI-2020',
        problems: { batchId: 'b2', at: '2026-11-28T08:00:00.000Z', problems: [{ file: 'metadata/balcanica/LI-2020/a.yaml', path: ['doi'], message: 'is not a DOI', line: 3, column: 6 }] },
        articles: [],
      },
    ],
  };

  it('prints a heading per issue, aligned columns, the details of failures and messages, and the problems', () => {
    // Act
    const lines = formatStatus(report);
    // Assess
    expect(lines).toEqual([
      'stage local: the local stand-in; site http://127.0.0.1:8788',
      '',
      'balcanica/L-2019: 2 articles (1 rendered, 1 failed); published 2026-11-29 10:00:00Z (batch b4), metadata last changed 2026-11-28 06:38:59Z (batch b1)',
      '  DOI                    TITLE                                    RENDER       SINCE                 CROSSREF  SINCE                 URL',
      `  ${DOI}*  Additional Evidence on the Final Break…  rendered v1  2026-11-28 06:39:00Z  warning   2026-11-28 07:00:00Z  http://127.0.0.1:8788/doi/${DOI}/`,
      '  10.2298/BALC1950400X   A short title                            FAILED v2    2026-11-28 06:39:01Z  ready                           http://127.0.0.1:8788/doi/10.2298/BALC1950400X/',
      `  ${DOI}: Crossref (warning): Added with conflict: 10.1/x`,
      '  10.2298/BALC1950400X: render failed (attempt 2): RenderError: bad at x',
      '  * the file on disk differs from what is published: run colophon publish',
      '  ready: Crossref does not have this DOI yet: colophon register sends it',
      "  warning: Crossref has this record but warned about it: read Crossref's message",
      '',
      'balcanica/LI-2020: 0 articles; not published on this stage',
      '  the upload of 2026-11-28 08:00:00Z (batch b2) was refused, 1 problem:',
      '    metadata/balcanica/LI-2020/a.yaml:3:6: doi: is not a DOI',
    ]);
    expect(needsAttention(report)).toBe(true);
  });

  it('shows a refused Crossref deposit file beside a refused upload, each under its own heading', () => {
    // Prepare
    const problem = { file: 'crossref/invalid/colophon-1.xml', path: [], message: 'does not validate against Crossref 5.4.0: bad', line: 12, column: 1 };
    const refused: StatusReport = { ...report, issues: [{ ...report.issues[1]!, depositProblems: { batchId: 'b3', at: '2026-11-28T09:00:00.000Z', problems: [problem] } }] };

    // Act
    const lines = formatStatus(refused);

    // Assess
    expect(lines.slice(-4)).toEqual([
      '  the upload of 2026-11-28 08:00:00Z (batch b2) was refused, 1 problem:',
      '    metadata/balcanica/LI-2020/a.yaml:3:6: doi: is not a DOI',
      '  the Crossref deposit file of 2026-11-28 09:00:00Z (batch b3) was refused, 1 problem:',
      '    crossref/invalid/colophon-1.xml:12:1: does not validate against Crossref 5.4.0: bad',
    ]);
    const { problems: _upload, ...onlyDeposit } = refused.issues[0]!;
    expect(needsAttention({ ...refused, issues: [onlyDeposit] })).toBe(true);
  });

  it("shows the issue's own DOI with its registration, and a refused issue DOI needs attention", () => {
    // Prepare
    const { problems: _problems, ...base } = report.issues[1]!;
    const registered: StatusReport = { ...report, issues: [{ ...base, issueDoi: { doi: '10.2298/BALC1950', crossref: { state: 'registered', due: false, updatedAt: '2026-11-28T09:00:00.000Z' } } }] };
    const refused: StatusReport = { ...report, issues: [{ ...base, issueDoi: { doi: '10.2298/BALC1950', crossref: { state: 'failed', due: true, updatedAt: '2026-11-28T09:00:00.000Z', message: 'bad\nvolume' } } }] };
    const waiting: StatusReport = { ...report, issues: [{ ...base, issueDoi: { doi: '10.2298/BALC1950', crossref: { state: 'ready', due: true } } }] };

    // Act
    const lines = [registered, refused, waiting].map((r) => formatStatus(r).find((l) => l.startsWith('  issue DOI')));

    // Assess
    expect(lines).toEqual([
      '  issue DOI 10.2298/BALC1950: Crossref registered since 2026-11-28 09:00:00Z',
      '  issue DOI 10.2298/BALC1950: Crossref FAILED since 2026-11-28 09:00:00Z: bad volume',
      '  issue DOI 10.2298/BALC1950: Crossref ready',
    ]);
    expect([registered, refused, waiting].map(needsAttention)).toEqual([false, true, false]);
  });

  it('says so when the stage has no issue yet, and needs no attention', () => {
    // Prepare
    const empty: StatusReport = { ...report, issues: [] };
    // Act
    const lines = formatStatus(empty);
    // Assess
    expect(lines.at(-1)).toBe('no issue published yet');
    expect(needsAttention(empty)).toBe(false);
  });

  it('pads by characters, not UTF-16 units, and leaves the last column unpadded', () => {
    expect(alignColumns([['a𝑥', 'b'], ['abc', 'd']])).toEqual(['a𝑥   b', 'abc  d']);
    expect(shortTime('2026-11-28T06:38:59.123Z')).toBe('2026-11-28 06:38:59Z');
  });
});

describe('which issues a folder names', () => {
  it('names the loaded issue with the hash of each article record (what ingest compares)', () => {
    // Prepare
    const sources = readMetadata(join(repoDir, 'metadata/balcanica/L-2019')) as JournalSources[];
    // Act
    const [selection, ...rest] = selectIssues(sources);
    // Assess
    expect(rest).toEqual([]);
    expect(selection).toMatchObject({ journalId: 'balcanica', folderJournalId: 'balcanica', issueId: 'L-2019', local: { articles: [{ doi: DOI, articleId: 'edemskiy', hash: expect.stringMatching(/^[0-9a-f]{64}$/) }] } });
  });

  it('still names the issue by its folders when its metadata does not load', () => {
    // Prepare
    const tree = copyTree('metadata');
    writeFileSync(join(tree, 'balcanica/L-2019/edemskiy.yaml'), 'doi: [');
    // Act
    const selection = selectIssues(readMetadata(join(tree, 'balcanica/L-2019')) as JournalSources[]);
    // Assess
    expect(selection).toEqual([{ journalId: 'balcanica', folderJournalId: 'balcanica', issueId: 'L-2019' }]);
  });
});

describe('finding the stage', () => {
  const stateFile = (content: unknown): string => {
    const file = join(tempDir(), 'endpoints.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };
  const recorded = { endpoints: { s3: 'http://127.0.0.1:4001', dynamodb: 'http://127.0.0.1:4002' }, siteUrl: 'http://127.0.0.1:8790/' };

  it('reads what npm start recorded, flags and AWS_ENDPOINT_URL_* taking precedence', () => {
    // Prepare
    const file = stateFile(recorded);
    // Act
    const fromFile = localEndpoints({ stage: 'local', localState: file }, {});
    const fromEnv = localEndpoints({ stage: 'local', localState: file }, { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:5001' });
    const fromFlags = localEndpoints({ stage: 'local', localState: file, endpointS3: 'http://127.0.0.1:6001', siteUrl: 'http://127.0.0.1:6003' }, { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:5001' });
    // Assess
    expect(fromFile).toEqual({ endpoints: recorded.endpoints, siteUrl: 'http://127.0.0.1:8790', source: `the local stand-in (${file})` });
    expect(fromEnv.endpoints).toEqual({ s3: 'http://127.0.0.1:5001', dynamodb: 'http://127.0.0.1:4002' });
    expect(fromFlags).toMatchObject({ endpoints: { s3: 'http://127.0.0.1:6001' }, siteUrl: 'http://127.0.0.1:6003' });
  });

  it('works from the environment alone, with the default site port, and says how to start the stand-in when nothing is known', () => {
    // Prepare
    const missing = join(tempDir(), 'none.json');
    const env = { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:2' };
    // Act
    const found = localEndpoints({ stage: 'local', localState: missing }, env);
    // Assess
    expect(found).toEqual({ endpoints: { s3: 'http://127.0.0.1:1', dynamodb: 'http://127.0.0.1:2' }, siteUrl: 'http://127.0.0.1:8788', source: 'the local stand-in' });
    expect(() => localEndpoints({ stage: 'local', localState: missing }, {})).toThrow(/start it with npm start, or give --endpoint-s3 and --endpoint-dynamodb/);
    expect(() => localEndpoints({ stage: 'local', localState: stateFile({ endpoints: {} }) }, {})).toThrow(StageError);
  });

  it('resolves the local outputs from the synthesized templates to the names the stand-in creates', () => {
    // Prepare: the real local stage, synthesized into a scratch cloud assembly.
    const cdkOut = tempDir();
    const { statefulTemplate, statelessTemplate } = synthStage('local');
    writeFileSync(join(cdkOut, 'Colophon-local-Stateful.template.json'), JSON.stringify(statefulTemplate.toJSON()));
    writeFileSync(join(cdkOut, 'Colophon-local-Stateless.template.json'), JSON.stringify(statelessTemplate.toJSON()));
    const naming = { prefix: 'tabc-', queueUrl: (n: string) => n, siteHost: '127.0.0.1:8790' };
    // Act
    const outputs = localOutputs('http://127.0.0.1:8790', 'tabc-', cdkOut);
    // Assess
    expect(outputs).toEqual({
      InboxBucketName: localName(naming, 'Colophon-local-Stateful', 'InboxBucket', 'AWS::S3::Bucket'),
      SiteBucketName: localName(naming, 'Colophon-local-Stateful', 'SiteBucket', 'AWS::S3::Bucket'),
      ArtifactsBucketName: localName(naming, 'Colophon-local-Stateful', 'ArtifactsBucket', 'AWS::S3::Bucket'),
      TableName: 'tabc-Colophon-local-Stateful-RecordsTable',
      SiteBaseUrl: 'http://127.0.0.1:8790',
    });
    expect(outputs.InboxBucketName).toBe('tabc-colophon-local-stateful-inboxbucket');
    expect(() => localOutputs('http://127.0.0.1:8790', '', tempDir())).toThrow(/the local stage is not synthesized: run npm start/);
  });

  it('reads the AWS stages from the stateful stack outputs, and names what is missing', async () => {
    // Prepare
    const cfn = new CloudFormationClient({ region: 'eu-central-1' });
    const outputs = [
      { OutputKey: 'InboxBucketName', OutputValue: 'inbox-1' },
      { OutputKey: 'SiteBucketName', OutputValue: 'site-1' },
      { OutputKey: 'ArtifactsBucketName', OutputValue: 'artifacts-1' },
      { OutputKey: 'TableName', OutputValue: 'table-1' },
      { OutputKey: 'SiteBaseUrl', OutputValue: 'https://d1.cloudfront.net' },
      { OutputKey: 'ApiId', OutputValue: 'x' },
    ];
    const send = vi.spyOn(cfn, 'send');
    send.mockImplementationOnce(async () => ({ Stacks: [{ StackName: 'Colophon-dev-Stateful', Outputs: outputs }], $metadata: {} }));
    send.mockImplementationOnce(async () => ({ Stacks: [{ StackName: 'Colophon-prod-Stateful', Outputs: outputs.slice(1) }], $metadata: {} }));
    send.mockImplementationOnce(async () => {
      throw new Error('Stack with id Colophon-prod-Stateful does not exist');
    });
    // Act
    const dev = await describeOutputs(cfn, 'dev');
    const partial = describeOutputs(cfn, 'prod');
    // Assess
    expect(dev).toEqual({ InboxBucketName: 'inbox-1', SiteBucketName: 'site-1', ArtifactsBucketName: 'artifacts-1', TableName: 'table-1', SiteBaseUrl: 'https://d1.cloudfront.net' });
    expect((send.mock.calls[0]![0] as { input: unknown }).input).toEqual({ StackName: 'Colophon-dev-Stateful' });
    await expect(partial).rejects.toThrow('stack Colophon-prod-Stateful has no output InboxBucketName: deploy the current version of the stack');
    await expect(describeOutputs(cfn, 'prod')).rejects.toThrow(/does not exist in this account and region: deploy the prod stage first/);
    cfn.destroy();
  });

  it('maps a public URL to where the stage serves it', () => {
    expect(stageUrl(`https://balcanica.rs/doi/${DOI}/`, 'https://balcanica.rs', 'http://127.0.0.1:8788')).toBe(`http://127.0.0.1:8788/doi/${DOI}/`);
    expect(stageUrl('https://elsewhere.org/x', 'https://balcanica.rs', 'http://127.0.0.1:8788')).toBe('https://elsewhere.org/x');
  });
});

describe('colophon status (command line)', () => {
  it('exits 2 with the reason when the stage cannot be found', async () => {
    // Prepare
    let out = '';
    let err = '';
    const resolve = async (): Promise<StageTarget> => {
      throw new StageError('stack Colophon-dev-Stateful does not exist');
    };
    // Act
    const code = await runStatus({ stage: 'dev' }, { out: (t) => (out += t), err: (t) => (err += t) }, { resolve });
    // Assess
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('colophon status: stack Colophon-dev-Stateful does not exist\n');
  });

  it('refuses an unknown stage and lists the choices', async () => {
    // Act
    const run = await runCli(['status', '--stage', 'staging']);
    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are local, dev, prod");
  });
});
