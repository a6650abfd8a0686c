/**
 * OAI-PMH 2.0 vocabularies: verbs, their arguments, error codes and namespaces, each with the
 * section of the specification that defines it
 * (https://www.openarchives.org/OAI/openarchivesprotocol.html).
 */

/** §2.2 and §3.5: the response envelope's namespace and schema. */
export const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** §4.2 Identify: the description that says how identifiers are built (https://www.openarchives.org/OAI/2.0/guidelines-oai-identifier.htm). */
export const OAI_IDENTIFIER_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
export const OAI_IDENTIFIER_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd';

export const PROTOCOL_VERSION = '2.0';

/** §3.3.2: the finest datestamp this repository supports; day granularity is accepted too, as every repository must. */
export const GRANULARITY = 'YYYY-MM-DDThh:mm:ssZ';

/** §4.2 deletedRecord: a withdrawn article stays as a header with status="deleted", forever. */
export const DELETED_RECORD = 'persistent';

/** §4: the six verbs. */
export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type Verb = (typeof VERBS)[number];
export const isVerb = (value: string): value is Verb => (VERBS as readonly string[]).includes(value);

export const ARGUMENT_NAMES = ['identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'] as const;
export type ArgumentName = (typeof ARGUMENT_NAMES)[number];

/**
 * §4, per verb: which arguments are required, which optional, and which is exclusive (it must be
 * the only argument besides `verb`).
 */
export const VERB_ARGUMENTS: Readonly<Record<Verb, { readonly required: readonly ArgumentName[]; readonly optional: readonly ArgumentName[]; readonly exclusive?: ArgumentName }>> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

/** §3.6 error and exception conditions. */
export const ERROR_CODES = [
  'badArgument',
  'badResumptionToken',
  'badVerb',
  'cannotDisseminateFormat',
  'idDoesNotExist',
  'noRecordsMatch',
  'noMetadataFormats',
  'noSetHierarchy',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One OAI-PMH error: reported with HTTP 200 inside the envelope (§3.6). */
export type OaiError = { readonly code: ErrorCode; readonly message: string };
export const oaiError = (code: ErrorCode, message: string): OaiError => ({ code, message });

/** §3.5 flow control: how many items one response carries. */
export const PAGE_SIZE = { ListRecords: 100, ListIdentifiers: 100 } as const;
