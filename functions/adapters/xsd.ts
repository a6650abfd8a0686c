/**
 * XML Schema validation with libxml2 (libxml2-wasm): compile a schema once, validate many
 * documents. The one place that talks to libxml2 for the Crossref deposit check, the Crossref
 * simulator and the tests' validation against the official XSDs.
 */
import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

export type XsdResult = { readonly valid: boolean; readonly errors: readonly string[] };
export type XmlValidator = (xml: string) => XsdResult;
/** A validator that may first have to load libxml2 and compile its schema (the Deposit handler loads them on first use). */
export type DeferredXmlValidator = (xml: string) => XsdResult | Promise<XsdResult>;
export type CompiledSchema = { readonly validate: XmlValidator; readonly dispose: () => void };

export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError';
}

let fsRegistered = false;

/**
 * Compiles the schema at `path` (its imports and includes are read by relative path, so libxml2
 * is given file access). A document that is not well-formed is reported as invalid, with the
 * parser's message; schema errors come with their line.
 */
export function compileXsd(path: string, what = 'the schema'): CompiledSchema {
  if (!fsRegistered) fsRegistered = xmlRegisterFsInputProviders() || true;
  let schemaDoc: XmlDocument;
  let validator: XsdValidator;
  try {
    // The compiled schema may point into its document: both live until dispose().
    schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    throw new SchemaCompileError(`cannot compile ${what} ${path}`, { cause: error });
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
