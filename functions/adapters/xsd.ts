/**
 * XML Schema validation with libxml2 (libxml2-wasm): compile a schema once, validate many
 * documents. The one place that talks to libxml2 for the Crossref deposit check, the Crossref
 * simulator and the tests' validation against the official XSDs.
 */
import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

export type XsdResult = { readonly valid: boolean; readonly errors: readonly string[] };
export type XmlValidator = (xml: string) => XsdResult;
/** A validator that may first have to load libxml2 and compile its schema (the Deposit handler loads them on first use). */
export type DeferredXmlValidator = (xml: string) => XsdResult | Promise<XsdResult>;
export type CompiledSchema = {
  readonly validate: XmlValidator;
  /** Validates a document already parsed (parseXml); the caller keeps and disposes it. */
  readonly validateDocument: (doc: XmlDocument) => XsdResult;
  readonly dispose: () => void;
  /** The substitutes libxml2 read while compiling (CompileOptions), by path. */
  readonly substituted: readonly string[];
};
export type CompileOptions = {
  /**
   * Schema documents read from these texts instead of their files, by the absolute path an import
   * or include resolves to; only while this schema compiles (crossref-xsd.ts: the MathML module).
   */
  readonly substitutes?: ReadonlyMap<string, string>;
};

export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError';
}

/** The substitutes of the compile in progress (compiles are synchronous: never two at once). */
let substituting: ReadonlyMap<string, Uint8Array> | undefined;
let served: string[] = [];
const openSubstitutes = new Map<number, { bytes: Uint8Array; at: number }>();
let nextHandle = 1;
let providersRegistered = false;

/** libxml2's file access, then the substitutes: libxml2 asks the provider registered last first. */
function registerProviders(): void {
  if (providersRegistered) return;
  xmlRegisterFsInputProviders();
  xmlRegisterInputProvider({
    match: (filename) => substituting?.has(filename) === true,
    open: (filename) => {
      const bytes = substituting?.get(filename);
      if (bytes === undefined) return undefined;
      const handle = nextHandle++;
      served.push(filename);
      openSubstitutes.set(handle, { bytes, at: 0 });
      return handle;
    },
    read: (handle, buffer) => {
      const file = openSubstitutes.get(handle);
      if (file === undefined) return -1;
      const n = Math.min(buffer.byteLength, file.bytes.length - file.at);
      buffer.set(file.bytes.subarray(file.at, file.at + n));
      file.at += n;
      return n;
    },
    close: (handle) => openSubstitutes.delete(handle),
  });
  providersRegistered = true;
}

export type ParsedXml = { readonly ok: true; readonly doc: XmlDocument } | { readonly ok: false; readonly result: XsdResult };

/** Parses a document to validate; one that is not well-formed is reported as invalid, with the parser's message. */
export function parseXml(xml: string): ParsedXml {
  try {
    return { ok: true, doc: XmlDocument.fromString(xml) };
  } catch (error) {
    return { ok: false, result: { valid: false, errors: [`not well-formed: ${(error as Error).message.trim()}`] } };
  }
}

/** A validator of XML text from one of parsed documents: parses, validates, and disposes of the document. */
export function validatorOf(validateDocument: (doc: XmlDocument) => XsdResult): XmlValidator {
  return (xml) => {
    const parsed = parseXml(xml);
    if (!parsed.ok) return parsed.result;
    try {
      return validateDocument(parsed.doc);
    } finally {
      parsed.doc.dispose();
    }
  };
}

/**
 * Compiles the schema at `path` (its imports and includes are read by relative path, so libxml2
 * is given file access). A document that is not well-formed is reported as invalid, with the
 * parser's message; schema errors come with their line.
 */
export function compileXsd(path: string, what = 'the schema', options: CompileOptions = {}): CompiledSchema {
  registerProviders();
  let schemaDoc: XmlDocument;
  let validator: XsdValidator;
  substituting = options.substitutes === undefined ? undefined : new Map([...options.substitutes].map(([p, text]) => [p, new TextEncoder().encode(text)]));
  served = [];
  try {
    // The compiled schema may point into its document: both live until dispose().
    schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (error) {
    throw new SchemaCompileError(`cannot compile ${what} ${path}`, { cause: error });
  } finally {
    substituting = undefined;
  }
  const substituted = served;
  const validateDocument = (doc: XmlDocument): XsdResult => {
    try {
      validator.validate(doc);
      return { valid: true, errors: [] };
    } catch (error) {
      const details = (error as { details?: { message: string; line: number }[] }).details;
      return { valid: false, errors: details ? details.map((d) => `line ${d.line}: ${d.message.trim()}`) : [String(error)] };
    }
  };
  return {
    validate: validatorOf(validateDocument),
    validateDocument,
    substituted,
    dispose: () => {
      validator.dispose();
      schemaDoc.dispose();
    },
  };
}
