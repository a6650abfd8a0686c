/** ListMetadataFormats (OAI-PMH 2.0 §4.4): every format, or those one item can be disseminated in. */
import { el, type XmlElement } from '../../xml/tree.ts';
import type { OaiContext } from '../context.ts';
import { doiOfIdentifier } from '../identifier.ts';
import { oaiError, type OaiError } from '../vocab.ts';

export async function listMetadataFormats(ctx: OaiContext, identifier: string | undefined): Promise<XmlElement | OaiError[]> {
  let formats = ctx.repository.formats;
  if (identifier !== undefined) {
    const doi = doiOfIdentifier(ctx.repository.domain, identifier);
    const item = doi === undefined ? undefined : await ctx.source.get(doi);
    if (item === undefined) return [oaiError('idDoesNotExist', `${identifier} is not an identifier in this repository.`)];
    formats = formats.filter((f) => f.available(item));
  }
  if (formats.length === 0) return [oaiError('noMetadataFormats', `No metadata formats are available for ${identifier ?? 'this repository'}.`)];
  return el(
    'ListMetadataFormats',
    null,
    formats.map((f) => el('metadataFormat', null, el('metadataPrefix', null, f.prefix), el('schema', null, f.schema), el('metadataNamespace', null, f.namespace))),
  );
}
