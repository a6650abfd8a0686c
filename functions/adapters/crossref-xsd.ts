/**
 * Validation of deposit files against the Crossref 5.4.0 XSD, the way Crossref refuses a file that
 * does not validate before looking at any record.
 * https://crossref.gitlab.io/knowledge_base/docs/topics/reasons-for-rejection/
 *
 * Compiling the schema takes several seconds: compile once, validate many times. The schema folder
 * is a parameter (the `schemas/` tree described in shared/schemas/README.md); nothing here reads env.
 */
import { join } from 'node:path';
import { compileXsd, type CompiledSchema } from './xsd.ts';

export { SchemaCompileError, type DeferredXmlValidator, type XmlValidator, type XsdResult } from './xsd.ts';

/** The 5.4.0 entry point, relative to the schemas folder. */
export const CROSSREF_XSD = 'crossref/5.4.0/crossref5.4.0.xsd';

/** Compiles the Crossref schema found under `schemasDir`; `validate` may then be called any number of times. */
export const compileCrossrefSchema = (schemasDir: string): CompiledSchema => compileXsd(join(schemasDir, CROSSREF_XSD), 'the Crossref schema');
