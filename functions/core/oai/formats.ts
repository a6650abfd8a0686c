/** The metadata formats this repository disseminates (OAI-PMH 2.0 §3.4, §4.4). */
import type { XmlElement } from '../xml/tree.ts';
import { JATS_FORMAT, jatsPayload } from './jats.ts';
import { OAI_DC, oaiDc } from './oai-dc.ts';
import type { OaiItem, OaiArticleRecord } from './source.ts';

export type MetadataFormat = {
  readonly prefix: string;
  readonly schema: string;
  readonly namespace: string;
  readonly payload: (record: OaiArticleRecord) => XmlElement;
  /** Whether this item can be disseminated in the format; tombstones are, as headers (§2.5.1). */
  readonly available: (item: OaiItem) => boolean;
};

const always = (): boolean => true;

/** oai_dc, which every repository must offer (§3.4), and JATS 1.4 (see jats.ts for how it is carried). */
export const METADATA_FORMATS: readonly MetadataFormat[] = [
  { ...OAI_DC, payload: oaiDc, available: always },
  { ...JATS_FORMAT, payload: jatsPayload, available: always },
];

export const findFormat = (formats: readonly MetadataFormat[], prefix: string): MetadataFormat | undefined => formats.find((f) => f.prefix === prefix);
