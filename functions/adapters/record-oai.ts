/**
 * How a version's prepared OAI-PMH parts (core/oai/prepared.ts) are stored: raw DEFLATE JSON in
 * the version item's binary attribute `oaiGz`, written once with the version (~1 KB: about one
 * write unit more per version) and read by the OAI lists instead of the record's body. The head
 * holds a copy of its current version's, which gsi2 projects (records-articles.ts `putVersion`). Versions
 * written before it have none, and parts of another revision or that cannot be read are ignored:
 * the record is then read and rendered as before, so nothing breaks for lack of them.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isCurrentPrepared, prepareRecord, type PreparedRecord } from '#core/oai/prepared';
import type { OaiArticleRecord } from '#core/oai/source';
import type { Item } from './records-table.ts';

export const OAI_ATTRIBUTE = 'oaiGz';

/** The attribute that holds a version's prepared OAI parts: spread into the version item written. */
export function oaiBody(record: OaiArticleRecord): { readonly oaiGz: Uint8Array } {
  return { oaiGz: deflateRawSync(JSON.stringify(prepareRecord(record))) };
}

/**
 * The prepared parts in a version item (or a head, or a gsi2 entry, which hold the current
 * version's), when it holds readable ones of the current revision for the DOI it is the record of:
 * `doi` (any case), by default the item's own `doi` (gsi2 entries do not project it).
 */
export function readPrepared(item: Item, doi: string = String(item.doi)): PreparedRecord | undefined {
  const compressed = item[OAI_ATTRIBUTE];
  if (!(compressed instanceof Uint8Array)) return undefined;
  try {
    const parsed: unknown = JSON.parse(inflateRawSync(compressed).toString('utf8'));
    return isCurrentPrepared(parsed) && parsed.doi.toLowerCase() === doi.toLowerCase() ? parsed : undefined;
  } catch {
    return undefined;
  }
}
