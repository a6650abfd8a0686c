/**
 * Where deposit files go in the artifacts bucket, by what happened to them: sent to Crossref
 * (`crossref/deposits/`), refused by the Crossref 5.4.0 schema before sending
 * (`crossref/invalid/`), or written by a dry run (`crossref/dry-run/`). Separate prefixes keep
 * the record of what Crossref received free of files it never saw.
 */
import type { DepositFileStore } from '#adapters/crossref-deposit';

export const DEPOSIT_PREFIX = 'crossref/deposits/';
export const INVALID_PREFIX = 'crossref/invalid/';
export const DRY_RUN_PREFIX = 'crossref/dry-run/';

export const depositKey = (fileName: string): string => `${DEPOSIT_PREFIX}${fileName}`;
export const invalidKey = (fileName: string): string => `${INVALID_PREFIX}${fileName}`;
export const dryRunKey = (fileName: string): string => `${DRY_RUN_PREFIX}${fileName}`;

/** The artifacts bucket as the deposit flows write it: an XML file under a key. */
export type ArtifactStore = { put(key: string, xml: string): Promise<void> };

/** The deposit service's file store over the artifacts bucket: sent files and schema-refused files apart. */
export const depositFileStore = (artifacts: ArtifactStore): DepositFileStore => ({
  put: (fileName, xml) => artifacts.put(depositKey(fileName), xml),
  putInvalid: (fileName, xml) => artifacts.put(invalidKey(fileName), xml),
});
