/**
 * Validation of deposit files against the Crossref 5.4.0 XSD with libxml2 (libxml2-wasm), the way
 * Crossref refuses a file that does not validate before looking at any record.
 * https://crossref.gitlab.io/knowledge_base/docs/topics/reasons-for-rejection/
 *
 * Compiling the schema takes several seconds: compile once, validate many times. The schema folder
 * is a parameter (the `schemas/` tree described in shared/schemas/README.md); nothing here reads env.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

/** The 5.4.0 entry point, relative to the schemas folder. */
export const CROSSREF_XSD = 'crossref/5.4.0/crossref5.4.0.xsd';

export type XsdResult = { readonly valid: boolean; readonly errors: readonly string[] };
export type XmlValidator = (xml: string) => XsdResult;

export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError';
}

let fsRegistered = false;

/** Compiles the Crossref schema found under `schemasDir`; `validate` may then be called any number of times. */
export function compileCrossrefSchema(schemasDir: string): { readonly validate: XmlValidator; readonly dispose: () => void } {
  // The XSD imports its modules by relative path: libxml2 needs to read files.
  if (!fsRegistered) fsRegistered = xmlRegisterFsInputProviders() || true;
  const path = join(schemasDir, CROSSREF_XSD);
  let schemaDoc: XmlDocument;
  let validator: XsdValidator;
  try {
    // The compiled schema may point into its document: both live until dispose().
    schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    throw new SchemaCompileError(`cannot compile the Crossref schema ${path}`, { cause: error });
  }

  const validate: XmlValidator = (xml) => {
    let doc: XmlDocument;
    try {
      doc = XmlDocument.fromString(xml);
    } catch (error) {
      return { valid: false, errors: [`not well-formed: ${(error as Error).message.trim()}`] };
    }
    try {
      validator.validate(doc);
      return { valid: true, errors: [] };
    } catch (error) {
      const details = (error as { details?: { message: string; line: number }[] }).details;
      return { valid: false, errors: details ? details.map((d) => `line ${d.line}: ${d.message.trim()}`) : [String(error)] };
    } finally {
      doc.dispose();
    }
  };
  return {
    validate,
    dispose: () => {
      validator.dispose();
      schemaDoc.dispose();
    },
  };
}
