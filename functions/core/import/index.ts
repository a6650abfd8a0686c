/**
 * Import of existing metadata into Colophon's YAML file shapes: pure mappings from source text
 * (Crossref REST JSON, Crossref deposit or registered-record XML, JATS, OJS native XML) to
 * journal, issue and article inputs, with everything the model cannot hold listed.
 */
import { importCrossrefJson } from './crossref-json.ts';
import { importCrossrefXml } from './crossref-xml.ts';
import { importJats } from './jats.ts';
import { importOjsNative } from './ojs-native.ts';
import type { ImportOptions, ImportOutcome } from './record.ts';

export type { AssignedDoi, ImportOptions, ImportOutcome, ImportResult } from './record.ts';
export { DoiAssignmentError, assignDois, type AssignContext, type AssignOutcome, type TakenDoi } from './assign-dois.ts';
export { DOI_TEMPLATE_TOKENS, parseDoiTemplate, type DoiTemplate } from './doi-template.ts';

export const IMPORT_FORMATS = ['crossref-json', 'crossref-xml', 'jats', 'ojs-native'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const IMPORTERS: Readonly<Record<ImportFormat, (text: string, options: ImportOptions) => ImportOutcome>> = {
  'crossref-json': importCrossrefJson,
  'crossref-xml': importCrossrefXml,
  jats: importJats,
  'ojs-native': importOjsNative,
};

/**
 * Maps one source file's text; `{ok: false}` when it cannot be read at all (nothing is guessed).
 * Articles whose source has no DOI are skipped (and noted) unless `keepWithoutDoi`: then they are
 * kept with an empty DOI for `assignDois`. Crossref records always have one (it is their key).
 */
export function importMetadata(format: ImportFormat, text: string, options: ImportOptions = {}): ImportOutcome {
  return IMPORTERS[format](text, options);
}
