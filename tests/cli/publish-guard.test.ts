/**
 * The guard between files and console (issue 15), without a stage: which console changes a
 * publish from files would overwrite, given the stage's heads, issue record, drafts and the files'
 * base. On a stage: tests/integration/pull.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { recordHash } from '#adapters/content-hash';
import type { Head, IssueRecord } from '#adapters/records';
import type { Draft } from '#adapters/staff-drafts';
import { conflictReport, consoleConflicts, type BatchSource, type GuardInput } from '#cli/publish-guard';
import { loadMetadata } from '#adapters/metadata-fs';
import type { IssueBundle } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';
import { join } from 'node:path';

const loaded = loadMetadata(join(repoDir, 'metadata/balcanica/L-2019'));
if (!loaded.ok) throw new Error('the seed does not load');
const bundle: IssueBundle = loaded.bundles[0]!;
const article = bundle.articles[0]!;
const DOI = article.doi;
const fileHash = recordHash({ journal: bundle.journal, issue: bundle.issue, article });
const issueHash = recordHash({ journal: bundle.journal, issue: bundle.issue });

const head = (over: Partial<Head>): Head =>
  ({ doi: DOI, version: 2, hash: 'console-hash', journalId: 'balcanica', issueId: 'L-2019', articleId: article.id, batchId: 'b-console', createdAt: '2026-12-07T10:00:00.000Z', render: { status: 'pending', version: 2 }, ...over }) as Head;
const record = (over: Partial<IssueRecord>): IssueRecord =>
  ({ journal: bundle.journal, issue: bundle.issue, hash: issueHash, updatedAt: '2026-12-07T09:00:00.000Z', batchId: 'b-files', publishedAt: '2026-12-07T09:00:00.000Z', publishedBatchId: 'b-files', ...over }) as IssueRecord;
const draft = (over: Partial<Draft>): Draft => ({ ref: { journal: 'balcanica', issue: 'L-2019', article: article.id }, version: 3, data: {}, by: 'user-1', at: '2026-12-07T11:00:00.000Z', ...over });
const sources: Record<string, BatchSource> = { 'b-console': 'console', 'b-files': 'files' };

function input(over: Partial<GuardInput>): GuardInput {
  return {
    bundle,
    fileOf: (id) => `metadata/balcanica/L-2019/${id}.yaml`,
    issueFile: 'metadata/balcanica/L-2019/issue.yaml',
    heads: new Map([[DOI.toLowerCase(), head({})]]),
    issueRecord: record({}),
    drafts: [],
    base: undefined,
    sourceOf: async (batch) => sources[batch] ?? 'files',
    ...over,
  };
}

describe('publish from files against console changes', () => {
  it('refuses a console-published version the files have not seen (no base: made after the last files publish)', async () => {
    expect(await consoleConflicts(input({}))).toEqual([{ kind: 'console', what: DOI, file: `metadata/balcanica/L-2019/${article.id}.yaml`, version: 2, at: '2026-12-07T10:00:00.000Z' }]);
  });

  it('lets the files through when they hold what the stage has (nothing would change)', async () => {
    expect(await consoleConflicts(input({ heads: new Map([[DOI.toLowerCase(), head({ hash: fileHash })]]) }))).toEqual([]);
  });

  it('lets the files through over a version made from files', async () => {
    expect(await consoleConflicts(input({ heads: new Map([[DOI.toLowerCase(), head({ batchId: 'b-files' })]]) }))).toEqual([]);
  });

  it('lets the files through when their base (the pull) has that console version, and refuses a newer one', async () => {
    const base = { stage: 'local', pulledAt: '2026-12-07T10:30:00.000Z', issue: { hash: issueHash }, articles: { [DOI.toLowerCase()]: { version: 2, hash: 'console-hash' } } };
    expect(await consoleConflicts(input({ base }))).toEqual([]);
    expect(await consoleConflicts(input({ base, heads: new Map([[DOI.toLowerCase(), head({ version: 3 })]]) }))).toEqual([expect.objectContaining({ kind: 'console', version: 3 })]);
  });

  it('refuses to change an article with a console draft not published yet, even over a files version; a published draft is no conflict', async () => {
    const files = new Map([[DOI.toLowerCase(), head({ batchId: 'b-files' })]]);
    expect(await consoleConflicts(input({ heads: files, drafts: [draft({})] }))).toEqual([{ kind: 'draft', what: DOI, file: `metadata/balcanica/L-2019/${article.id}.yaml`, version: 3, at: '2026-12-07T11:00:00.000Z' }]);
    expect(await consoleConflicts(input({ heads: files, drafts: [draft({ published: { batchId: 'b-console', at: '2026-12-07T11:00:00.000Z' } })] }))).toEqual([]);
    // A draft of an article the files leave as it is stays valid: no conflict.
    expect(await consoleConflicts(input({ heads: new Map([[DOI.toLowerCase(), head({ hash: fileHash })]]), drafts: [draft({})] }))).toEqual([]);
  });

  it('refuses a console change of issue.yaml (its table of contents) unless the base has it', async () => {
    const changed = record({ hash: 'console-issue', batchId: 'b-console', updatedAt: '2026-12-07T12:00:00.000Z' });
    const heads = new Map([[DOI.toLowerCase(), head({ hash: fileHash })]]);
    expect(await consoleConflicts(input({ heads, issueRecord: changed }))).toEqual([
      { kind: 'console', what: "balcanica/L-2019 issue.yaml (the issue's own fields or its table of contents)", file: 'metadata/balcanica/L-2019/issue.yaml', version: 0, at: '2026-12-07T12:00:00.000Z' },
    ]);
    expect(await consoleConflicts(input({ heads, issueRecord: changed, base: { stage: 'local', pulledAt: 'x', issue: { hash: 'console-issue' }, articles: {} } }))).toEqual([]);
  });

  it('says what to do: pull, or --force', () => {
    const lines = conflictReport([{ kind: 'console', what: DOI, file: 'a.yaml', version: 2, at: 'T' }, { kind: 'draft', what: DOI, file: 'a.yaml', version: 3, at: 'T2' }], 'colophon pull balcanica L-2019 --stage local --out metadata');
    expect(lines[0]).toMatch(/^colophon publish: the console changed these 2 since your files were pulled .*nothing was uploaded:$/);
    expect(lines[1]).toBe(`  ${DOI} (a.yaml): published from the console as version 2 at T`);
    expect(lines[2]).toBe(`  ${DOI} (a.yaml): has a console draft not published yet (draft version 3, saved T2)`);
    expect(lines[3]).toContain('colophon pull balcanica L-2019 --stage local --out metadata');
    expect(lines[3]).toContain('--force');
  });
});
