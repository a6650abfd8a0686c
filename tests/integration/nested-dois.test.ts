/**
 * Nested DOIs across journals (issue 12): a DOI that is another journal's DOI followed by "/…"
 * would put one article's pages inside the other's `/doi/` folder. Within one journal the loader
 * refuses it; across journals (and issues) Ingest now checks the whole stage before writing. On the
 * stand-in: the fixture journal is published, then a second journal whose article DOI is
 * `10.5555/sbt.2024.001/b` is refused with the problem recorded for `colophon status`, nothing of it
 * written, the first journal's page unchanged; and the other way round (the nested DOI first, then a
 * journal with the DOI it sits inside). Before this check both second publishes were accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalSources } from '#core/model/index';
import { NESTED_PK } from '#adapters/doi-paths';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources } from './fixtures.ts';
import { siteSnapshot, tableItems } from './inspect.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

/** The fixture journal under another id, with its DOIs rewritten by `dois` (old → new) everywhere they are named as `doi:`. */
function journalCopy(id: string, dois: Readonly<Record<string, string>>): JournalSources[] {
  const edit = (text: string): string => text.replace(/^(\s*doi: )(\S+)$/gm, (line, head: string, doi: string) => (doi in dois ? `${head}${dois[doi]}` : line));
  return fixtureSources().map((j) => ({
    ...j,
    id,
    journal: { ...j.journal, text: j.journal.text.replace(/^id: .*$/m, `id: ${id}`) },
    issues: j.issues.map((issue) => ({ ...issue, issue: { ...issue.issue, text: edit(issue.issue.text) }, articles: issue.articles.map((a) => ({ ...a, text: edit(a.text) })) })),
  }));
}

const problemsOf = async (journalId: string): Promise<{ path: string[]; message: string; file: string }[]> => {
  const item = (await tableItems(stage.stack)).find((i) => i.pk === `ISSUE#${journalId}#2024-12-3` && i.sk === 'PROBLEMS');
  return item ? (JSON.parse(String(item.problems)) as { path: string[]; message: string; file: string }[]) : [];
};
const heads = async (): Promise<string[]> => (await tableItems(stage.stack)).filter((i) => i.sk === 'HEAD').map((i) => String(i.pk)).sort();

describe('a DOI inside another journal\'s DOI folder', () => {
  it('is refused when the other journal published the outer DOI first; nothing of it is written', async () => {
    // Prepare
    await publishSources(stage.stack, fixtureSources());
    await stage.stack.drain({ timeoutMs: 240_000 });
    const before = await siteSnapshot(stage.stack);
    const headsBefore = await heads();
    const nested = journalCopy('nestjournal', { '10.5555/sbt.2024.001': '10.5555/sbt.2024.001/b', '10.5555/sbt.2024.002': '10.5555/nest.002', '10.5555/sbt.2024.e7': '10.5555/nest.e7', '10.5555/sbt.2024.12.3': '10.5555/nest.12.3' });

    // Act
    await publishSources(stage.stack, nested);
    await stage.stack.drain({ timeoutMs: 240_000 });

    // Assess
    expect(stage.errors).toEqual([]);
    const problems = await problemsOf('nestjournal');
    expect(problems).toEqual([expect.objectContaining({ path: ['doi'], file: expect.stringMatching(/a01-petrovic\.yaml$/), message: expect.stringContaining('begins with the DOI 10.5555/sbt.2024.001 (published in testjournal/2024-12-3)') })]);
    expect(await heads()).toEqual(headsBefore);
    expect(await siteSnapshot(stage.stack)).toEqual(before);
    expect((await tableItems(stage.stack)).filter((i) => i.pk === NESTED_PK)).toEqual([]);
  });

  it('is refused the other way round: a journal whose DOI a published nested DOI sits inside', async () => {
    // Prepare: the nested DOI first (10.5555/outer.1/x), then a journal with 10.5555/outer.1.
    const inner = journalCopy('innerjournal', { '10.5555/sbt.2024.001': '10.5555/outer.1/x', '10.5555/sbt.2024.002': '10.5555/inner.002', '10.5555/sbt.2024.e7': '10.5555/inner.e7', '10.5555/sbt.2024.12.3': '10.5555/inner.12.3' });
    const outer = journalCopy('outerjournal', { '10.5555/sbt.2024.001': '10.5555/outer.1', '10.5555/sbt.2024.002': '10.5555/outer.002', '10.5555/sbt.2024.e7': '10.5555/outer.e7', '10.5555/sbt.2024.12.3': '10.5555/outer.12.3' });
    await publishSources(stage.stack, inner);
    await stage.stack.drain({ timeoutMs: 240_000 });
    const landing = (await fetch(`${stage.stack.siteUrl}/doi/10.5555/outer.1/x/`)).status;

    // Act
    await publishSources(stage.stack, outer);
    await stage.stack.drain({ timeoutMs: 240_000 });

    // Assess
    expect(stage.errors).toEqual([]);
    expect(landing).toBe(200);
    expect(await problemsOf('innerjournal')).toEqual([]);
    expect(await problemsOf('outerjournal')).toEqual([expect.objectContaining({ path: ['doi'], message: expect.stringContaining('DOI 10.5555/outer.1/x (published in innerjournal/2024-12-3) begins with this article\'s DOI 10.5555/outer.1') })]);
    expect((await heads()).filter((pk) => pk.includes('outer.'))).toEqual(['ART#10.5555/outer.1/x']);
    expect((await fetch(`${stage.stack.siteUrl}/doi/10.5555/outer.1/`)).status).toBe(404);
    expect((await tableItems(stage.stack)).filter((i) => i.pk === NESTED_PK).map((i) => i.sk)).toEqual(['10.5555/outer.1/x']);
  });
});
