/**
 * `colophon deposit <dir> --dry-run` without a ledger: writes each issue's complete deposit file
 * (every DOI, a fresh timestamp from the clock), validates it against the Crossref 5.4.0 XSD when
 * the schemas are at hand, and prints its path. Sends nothing and needs no credentials, so staff
 * can look at exactly what Crossref would receive before the first live deposit.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileCrossrefSchema } from '#adapters/crossref-xsd';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { formatTimestamp } from '#core/deposit/index';
import { checkMetadata } from './check.ts';
import { problemReport } from './report.ts';
import type { Output } from './deposit-command.ts';

/** The schemas folder: the option, else `$COLOPHON_SCHEMAS_DIR`, else `../shared/schemas` beside the repository. */
export function findSchemas(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const candidate = option ?? env.COLOPHON_SCHEMAS_DIR ?? resolve(import.meta.dirname, '../../../shared/schemas');
  return existsSync(candidate) ? candidate : undefined;
}

export function runDryRun(options: { metadata: string; keep: string; schemas: string | undefined }, output: Output, now: Date = new Date()): number {
  const checked = checkMetadata(options.metadata);
  if (checked.problems.length > 0) {
    for (const line of problemReport(checked.problems, 'no deposit file was written')) output.err(line);
    return 1;
  }
  const validator = options.schemas ? compileCrossrefSchema(options.schemas) : undefined;
  if (!validator) output.err('note: no schemas folder (set COLOPHON_SCHEMAS_DIR or --schemas): the file was not validated');
  let invalid = false;
  try {
    mkdirSync(options.keep, { recursive: true });
    for (const { bundle } of checked.issues) {
      const timestamp = formatTimestamp(now);
      const xml = renderCrossrefDeposit(bundle, { batchId: `${bundle.journal.id}-${bundle.issue.id}-${randomUUID()}`, timestamp });
      const path = join(options.keep, `${bundle.journal.id}-${bundle.issue.id}-${timestamp}.xml`);
      writeFileSync(path, xml, 'utf8');
      const result = validator?.validate(xml);
      if (result && !result.valid) {
        invalid = true;
        output.err(`${path}: not valid against the Crossref 5.4.0 schema:\n  ${result.errors.join('\n  ')}`);
      }
      output.out(path);
      output.err(`${bundle.journal.id} ${bundle.issue.id}: ${bundle.articles.length} article DOI(s)${bundle.issue.doi ? ' and the issue DOI' : ''}, timestamp ${timestamp}${result?.valid ? ', valid against Crossref 5.4.0' : ''}; dry run: nothing sent`);
    }
  } finally {
    validator?.dispose();
  }
  return invalid ? 1 : 0;
}
