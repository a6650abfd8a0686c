/**
 * Validation against the official XSDs in ../shared/schemas, through the project's one libxml2
 * adapter (functions/adapters/xsd.ts). Compiling the Crossref or JATS schema takes ~6 s, so each
 * schema is compiled once per test worker (vitest runs with isolate: false) and reused.
 */
import { join } from 'node:path';
import { compileXsd, type XmlValidator, type XsdResult } from '#adapters/xsd';
import { schemasDir } from './shared.ts';

export type { XsdResult } from '#adapters/xsd';

export const SCHEMAS = {
  jats: 'jats/JATS-journalpublishing1-4-mathml3.xsd',
  crossref: 'crossref/5.4.0/crossref5.4.0.xsd',
  crossref531: 'crossref/crossref5.3.1.xsd',
  /** OAI-PMH envelope with oai_dc and oai-identifier payloads. */
  oai: 'oai-pmh/oai-pmh-bundle.xsd',
} as const;
export type SchemaName = keyof typeof SCHEMAS;

const validators = new Map<SchemaName, XmlValidator>();

function validator(name: SchemaName): XmlValidator {
  let compiled = validators.get(name);
  if (!compiled) {
    compiled = compileXsd(join(schemasDir(), SCHEMAS[name])).validate;
    validators.set(name, compiled);
  }
  return compiled;
}

/** Validates one document; a document that is not well-formed is reported as invalid, with the parser's message. */
export const validateXml = (name: SchemaName, xml: string): XsdResult => validator(name)(xml);
