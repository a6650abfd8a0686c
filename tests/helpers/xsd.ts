/**
 * Validation against the official XSDs in ../shared/schemas with libxml2 (libxml2-wasm).
 * Compiling the Crossref or JATS schema takes ~6 s, so each schema is compiled once per test
 * worker (vitest runs with isolate: false) and reused for every document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { schemasDir } from './shared.ts';

export const SCHEMAS = {
  jats: 'jats/JATS-journalpublishing1-4-mathml3.xsd',
  crossref: 'crossref/5.4.0/crossref5.4.0.xsd',
  crossref531: 'crossref/crossref5.3.1.xsd',
  /** OAI-PMH envelope with oai_dc and oai-identifier payloads. */
  oai: 'oai-pmh/oai-pmh-bundle.xsd',
} as const;
export type SchemaName = keyof typeof SCHEMAS;

let registered = false;
const validators = new Map<SchemaName, XsdValidator>();

function validator(name: SchemaName): XsdValidator {
  const hit = validators.get(name);
  if (hit) return hit;
  if (!registered) registered = xmlRegisterFsInputProviders() || true;
  const path = join(schemasDir(), SCHEMAS[name]);
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
  const compiled = XsdValidator.fromDoc(schemaDoc);
  validators.set(name, compiled);
  return compiled;
}

export type XsdResult = { readonly valid: boolean; readonly errors: readonly string[] };

/** Validates one document; a document that is not well-formed is reported as invalid, with the parser's message. */
export function validateXml(name: SchemaName, xml: string): XsdResult {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    return { valid: false, errors: [`not well-formed: ${(error as Error).message}`] };
  }
  try {
    validator(name).validate(doc);
    return { valid: true, errors: [] };
  } catch (error) {
    const details = (error as { details?: { message: string; line: number }[] }).details;
    return { valid: false, errors: details ? details.map((d) => `line ${d.line}: ${d.message.trim()}`) : [String(error)] };
  } finally {
    doc.dispose();
  }
}
