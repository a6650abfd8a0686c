import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { registeredDois, runDepositFiles, type DepositFilesDeps } from '#cli/deposit-files-command';
import type { StageTarget } from '#cli/stage';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { loadJournal } from '#core/model/index';
import { readMetadata } from '#adapters/metadata-fs';
import type { JournalSources } from '#core/model/index';
import { removeTempDirs, tempDir } from './run.ts';

afterAll(removeTempDirs);

const SEED = 'metadata/balcanica/L-2019';
const DOI = '10.2298/BALC1950375E';

function seedDeposit(): string {
  const loaded = loadJournal((readMetadata(SEED) as JournalSources[])[0]!);
  if (!loaded.ok) throw new Error('the seed loads');
  return renderCrossrefDeposit(loaded.bundles[0]!, { batchId: 'colophon-1', timestamp: '20260101000000000' });
}

function deps(files: Record<string, string>): DepositFilesDeps {
  const target = { stage: 'local', source: 'the local stand-in', close: () => undefined } as unknown as StageTarget;
  return {
    resolve: async () => target,
    artifacts: async () => ({ list: async (prefix) => Object.keys(files).filter((k) => k.startsWith(prefix)), getText: async (key) => files[key] }),
  };
}

describe('colophon deposit-files', () => {
  test('copies the dry-run, sent and refused files that register a DOI of the issue, and says what each is', async () => {
    // Prepare
    const out = tempDir();
    const seed = seedDeposit();
    const other = seed.replaceAll(DOI, '10.2298/OTHER');
    let stdout = '';
    // Act
    const code = await runDepositFiles({ stage: 'local', root: SEED, out }, { out: (t) => (stdout += t), err: () => undefined }, deps({ 'crossref/dry-run/colophon-1.xml': seed, 'crossref/dry-run/colophon-2.xml': other, 'crossref/invalid/colophon-3.xml': seed }));
    // Assess
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(out, 'dry-run/colophon-1.xml')}  dry run: written, not sent; 1 DOI(s)\n${join(out, 'refused/colophon-3.xml')}  refused by the Crossref schema: not sent (see colophon status); 1 DOI(s)\n`);
    expect(readFileSync(join(out, 'dry-run/colophon-1.xml'), 'utf8')).toBe(seed);
  });

  test('says so when the stage has no file yet (exit 1)', async () => {
    // Prepare
    let stderr = '';
    // Act
    const code = await runDepositFiles({ stage: 'local', root: SEED, out: tempDir() }, { out: () => undefined, err: (t) => (stderr += t) }, deps({}));
    // Assess
    expect(code).toBe(1);
    expect(stderr).toBe(`no Crossref deposit file for ${SEED} on the local stand-in yet: one is written after each publish that renders something\n`);
  });

  test("a file's registered DOIs are its doi_data, not the DOIs its references cite", () => {
    const xml = '<doi_batch xmlns="http://www.crossref.org/schema/5.4.0"><body><journal><journal_article><doi_data><doi>10.5555/a</doi></doi_data><citation_list><citation key="r1"><doi>10.5555/cited</doi></citation></citation_list></journal_article></journal></body></doi_batch>';
    expect(registeredDois(xml)).toEqual(['10.5555/a']);
  });
});
