/**
 * Import of existing metadata into Colophon's YAML file shapes: pure mappings from source text
 * (Crossref REST JSON, Crossref deposit or registered-record XML, JATS, OJS native XML) to
 * journal, issue and article inputs, with everything the model cannot hold listed.
 */
import { importCrossrefJson } from './crossref-json.ts';
import { importCrossrefXml } from './crossref-xml.ts';
import { importJats } from './jats.ts';
import { importOjsNative } from './ojs-native.ts';
import type { ImportOutcome } from './record.ts';

export type { ImportOutcome, ImportResult } from './record.ts';

export const IMPORT_FORMATS = ['crossref-json', 'crossref-xml', 'jats', 'ojs-native'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const IMPORTERS: Readonly<Record<ImportFormat, (text: string) => ImportOutcome>> = {
  'crossref-json': importCrossrefJson,
  'crossref-xml': importCrossrefXml,
  jats: importJats,
  'ojs-native': importOjsNative,
};

/** Maps one source file's text; `{ok: false}` when it cannot be read at all (nothing is guessed). */
export function importMetadata(format: ImportFormat, text: string): ImportOutcome {
  return IMPORTERS[format](text);
}
