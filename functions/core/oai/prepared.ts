/**
 * An OAI-PMH record's parts made once, when its version is written, instead of on every harvest
 * (issue 16): the leaf set specs, and the `oai_dc` payload serialised as it sits in a response.
 * A list page is then its index query, one read of these parts per record, and string joins: no
 * record body is parsed and no tree built (100,000 records harvested, 1,000 pages).
 *
 * Only `oai_dc` is kept: every harvester asks for it (OAI-PMH 2.0 §3.4), and it is ~1 KB
 * compressed; a JATS payload (~13 KB, ~4 KB compressed) would add ~4 write units to every
 * version for a format few harvesters ask for, so `jats` is rendered from the record as before.
 *
 * `PREPARED_REVISION` names what made the parts: bump it whenever the oai_dc payload, the set
 * specs or the serialiser change their output, so parts kept by older code are not served (the
 * record is rendered instead). tests/core/oai/prepared.test.ts fails until it is bumped.
 */
import { serializeFragment, type XmlElement } from '../xml/tree.ts';
import { OAI_DC, oaiDc } from './oai-dc.ts';
import { leafSpecsOf } from './sets.ts';
import type { OaiArticleRecord } from './source.ts';

export const PREPARED_REVISION = 1;

/** Where a payload sits in every response: `<OAI-PMH>` › verb › `<record>` › `<metadata>` › payload. */
export const PAYLOAD_DEPTH = 4;
/** The indent unit of every response (serializeXml's default). */
export const PAYLOAD_INDENT = '  ';

export type PreparedRecord = {
  readonly revision: number;
  readonly doi: string;
  readonly journalId: string;
  /** Leaf set specs in the journal's own repository (sets.ts `leafSpecsOf`). */
  readonly sets: readonly string[];
  /** metadataPrefix → the payload element as serialised at PAYLOAD_DEPTH. */
  readonly payloads: Readonly<Record<string, string>>;
};

/** The formats whose payloads are prepared. */
export const PREPARED_FORMATS: readonly string[] = [OAI_DC.prefix];

const serialised = (payload: XmlElement): string => serializeFragment(payload, PAYLOAD_DEPTH, PAYLOAD_INDENT).xml;

/** The prepared parts of one version's record. */
export function prepareRecord(record: OaiArticleRecord): PreparedRecord {
  return {
    revision: PREPARED_REVISION,
    doi: record.article.doi,
    journalId: record.journal.id,
    sets: leafSpecsOf(record),
    payloads: { [OAI_DC.prefix]: serialised(oaiDc(record)) },
  };
}

/** Whether `value` (read back from storage) is prepared parts of the current revision. */
export function isCurrentPrepared(value: unknown): value is PreparedRecord {
  const v = value as Partial<PreparedRecord> | null;
  return (
    typeof v === 'object' && v !== null && v.revision === PREPARED_REVISION && typeof v.doi === 'string' && typeof v.journalId === 'string' &&
    Array.isArray(v.sets) && v.sets.every((s) => typeof s === 'string') && typeof v.payloads === 'object' && v.payloads !== null && Object.values(v.payloads).every((p) => typeof p === 'string')
  );
}
