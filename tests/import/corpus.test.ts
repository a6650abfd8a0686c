/**
 * Round trip over ../shared/corpus: every journal-article record is imported, loaded, rendered
 * (JATS, Crossref deposit, landing page), validated against the official XSDs and compared with
 * its source. Records without a DOI get one from a template (roundtrip.ts), as a production
 * editor importing a back catalogue would. Prints the pass rate per corpus folder and every
 * failure with its reason; the failures must be exactly the explained ones in expected-failures.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkJats4r, problemsOf, type Jats4rFinding } from '#tests/helpers/jats4r';
import { EXPECTED_FAILURES } from './expected-failures.ts';
import { JATS4R_SOURCE_GAPS, sourceGap } from './jats4r-gaps.ts';
import { corpusEntries, roundTrip, type RecordOutcome } from './roundtrip.ts';

const BROKEN = /NOT WELL-FORMED/;

describe('import: corpus round trip', () => {
  const entries = corpusEntries();
  const outcomes: RecordOutcome[] = [];
  const importErrors = new Map<string, string | undefined>();

  // ~200 records, each rendered three times and validated twice: about a minute and a half on 2 cores.
  beforeAll(() => {
    for (const entry of entries) {
      const run = roundTrip(entry);
      outcomes.push(...run.outcomes);
      importErrors.set(entry.path, run.importError);
    }
  }, 600_000);

  it('reads the corpus index', () => {
    // Assess
    expect(entries.length).toBeGreaterThan(150);
    expect(outcomes.length).toBeGreaterThan(150);
  });

  it('writes JATS4R-clean JATS: no error except where the source lacks the data, each such gap explained', async () => {
    // Act: every re-rendered record in one Saxon run
    const docs = outcomes.filter((o) => o.jats !== undefined).map((o) => ({ name: `${o.file} ${o.doi}`, xml: o.jats! }));
    const results = await checkJats4r(docs);
    const errors: { doc: string; finding: Jats4rFinding }[] = [];
    for (const [doc, findings] of results) for (const f of problemsOf(findings)) if (f.role === 'error') errors.push({ doc, finding: f });
    const tally = new Map<string, number>();
    const unexplained: string[] = [];
    for (const e of errors) {
      const gap = sourceGap(e.finding);
      if (gap === undefined) unexplained.push(`${e.doc}: ${e.finding.message} (at ${e.finding.location})`);
      else tally.set(gap, (tally.get(gap) ?? 0) + 1);
    }
    const warnings = [...results.values()].flatMap((f) => f.filter((x) => x.role === 'warning')).length;
    console.log([`JATS4R on ${docs.length} re-rendered corpus records: ${errors.length} errors, ${warnings} warnings; errors by source gap:`, ...[...tally].map(([gap, n]) => `  ${String(n).padStart(5)}  ${gap}: ${JATS4R_SOURCE_GAPS[gap as keyof typeof JATS4R_SOURCE_GAPS].why}`)].join('\n'));

    // Assess
    expect(docs.length).toBeGreaterThan(150);
    expect(unexplained).toEqual([]);
  }, 300_000);

  it('rejects each file that is not well-formed with a clear error', () => {
    // Prepare
    const broken = entries.filter((e) => BROKEN.test(e.notes));

    // Assess
    expect(broken.length).toBeGreaterThanOrEqual(2);
    for (const e of broken) expect(importErrors.get(e.path), e.path).toMatch(/^not well-formed XML: /);
  });

  it('passes ≥ 95% of all journal-article records and fails only the explained ones', () => {
    // Act
    const byFolder = new Map<string, { pass: number; total: number }>();
    for (const o of outcomes) {
      const tally = byFolder.get(o.folder) ?? { pass: 0, total: 0 };
      tally.total += 1;
      if (o.failures.length === 0) tally.pass += 1;
      byFolder.set(o.folder, tally);
    }
    const lines = [...byFolder.entries()].sort().map(([folder, t]) => `${folder.padEnd(52)} ${String(t.pass).padStart(3)}/${String(t.total).padEnd(3)} ${((100 * t.pass) / t.total).toFixed(0)}%`);
    const failed = outcomes.filter((o) => o.failures.length > 0);
    const pass = outcomes.length - failed.length;
    console.log(['corpus round trip, journal-article records passing every comparison:', ...lines, `${'all'.padEnd(52)} ${pass}/${outcomes.length} ${((100 * pass) / outcomes.length).toFixed(1)}%`].join('\n'));
    console.log(['failures:', ...failed.map((o) => `${o.file} ${o.doi}\n    ${o.failures.join('\n    ')}\n    why: ${EXPECTED_FAILURES[o.file] ?? 'UNEXPLAINED'}`)].join('\n'));
    // Records whose source lacks a field the model requires (a title, a date) cannot load at all.
    const unloadable = outcomes.filter((o) => /^(not imported|does not load)/.test(o.failures[0] ?? '')).length;
    console.log(`records the model can hold: ${pass}/${outcomes.length - unloadable} pass (${((100 * pass) / (outcomes.length - unloadable)).toFixed(1)}%)`);

    // Assess
    expect([...new Set(failed.map((o) => o.file))].sort()).toEqual(Object.keys(EXPECTED_FAILURES).sort());
    expect(pass / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });
});
