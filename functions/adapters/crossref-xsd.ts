/**
 * Validation of deposit files against the Crossref 5.4.0 XSD, the way Crossref refuses a file that
 * does not validate before looking at any record.
 * https://crossref.gitlab.io/knowledge_base/docs/topics/reasons-for-rejection/
 *
 * Compiling the schema takes seconds: compile once, validate many times. The schema folder is a
 * parameter (the `schemas/` tree described in shared/schemas/README.md); nothing here reads env.
 *
 * Of the ~3.4 s of CPU libxml2 spends compiling it, ~3.2 s is its MathML 3 module (issue 16: once per
 * cold Deposit container), and Colophon's deposits never hold MathML (core/crossref writes titles
 * and abstracts with face and JATS markup only). So the schema is first compiled with that module
 * replaced by one declaration of `mml:math`, and a document is validated against it only when it
 * binds no namespace to MathML's URI anywhere (checked on the parsed document, so a URI spelled
 * with character references is caught too). Such a document has no element, attribute or QName
 * value in the MathML namespace, so no MathML declaration can take part in its validation: every
 * content model that refers to `mml:math` is the official one, and the result (valid or not, and
 * each error) is the official schema's. A document that binds the namespace is validated against
 * the whole official schema, compiled then (tests/deposit/crossref-xsd.test.ts).
 */
import { resolve } from 'node:path';
import type { XmlDocument } from 'libxml2-wasm';
import { compileXsd, validatorOf, type CompiledSchema } from './xsd.ts';

export { SchemaCompileError, type DeferredXmlValidator, type XmlValidator, type XsdResult } from './xsd.ts';

/** The 5.4.0 entry point, relative to the schemas folder. */
export const CROSSREF_XSD = 'crossref/5.4.0/crossref5.4.0.xsd';
/** The MathML 3 module both the Crossref and its JATS part import, relative to the schemas folder. */
export const CROSSREF_MATHML_XSD = 'crossref/5.4.0/standard-modules/mathml3/mathml3.xsd';
export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';

/**
 * What stands in for the MathML module: the one MathML name the other modules refer to (`mml:math`,
 * in common5.4.0.xsd's face markup and in JATS), so their content models compile as they are.
 * Its own content is never used (no document validated against it holds MathML); empty, so a
 * mistake here would refuse a file, never pass one.
 */
const MATHML_STAND_IN = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified" targetNamespace="${MATHML_NAMESPACE}">
  <xs:element name="math"><xs:complexType/></xs:element>
</xs:schema>
`;

/** Which schema each compile was: without the MathML module, or the whole official one. */
export type CrossrefCompile = 'without MathML' | 'whole';
export type CrossrefSchema = CompiledSchema & {
  /** The compiles done so far, in order (the whole schema is compiled on the first document that binds MathML). */
  readonly compiles: () => readonly CrossrefCompile[];
};

/** Any namespace node, on any element, bound to MathML's URI. */
const bindsMathMl = (doc: XmlDocument): boolean => doc.eval(`boolean(//namespace::*[. = '${MATHML_NAMESPACE}'])`) === true;

/** Compiles the Crossref schema found under `schemasDir`; `validate` may then be called any number of times. */
export function compileCrossrefSchema(schemasDir: string): CrossrefSchema {
  // Absolute, as libxml2 resolves the imports against the entry point's path (the stand-in's key must be that string).
  const path = resolve(schemasDir, CROSSREF_XSD);
  const compiles: CrossrefCompile[] = [];
  const first = compileXsd(path, 'the Crossref schema', { substitutes: new Map([[resolve(schemasDir, CROSSREF_MATHML_XSD), MATHML_STAND_IN]]) });
  // Had libxml2 not asked for the module by that path, it read the file: the first compile is the whole schema.
  const withoutMathMl = first.substituted.length > 0 ? first : undefined;
  compiles.push(withoutMathMl ? 'without MathML' : 'whole');
  let whole: CompiledSchema | undefined = withoutMathMl ? undefined : first;
  const wholeSchema = (): CompiledSchema => {
    if (whole === undefined) {
      whole = compileXsd(path, 'the Crossref schema');
      compiles.push('whole');
    }
    return whole;
  };
  const validateDocument = (doc: XmlDocument) => (withoutMathMl === undefined || bindsMathMl(doc) ? wholeSchema() : withoutMathMl).validateDocument(doc);
  return {
    validate: validatorOf(validateDocument),
    validateDocument,
    compiles: () => [...compiles],
    substituted: first.substituted,
    dispose: () => {
      withoutMathMl?.dispose();
      whole?.dispose();
    },
  };
}
