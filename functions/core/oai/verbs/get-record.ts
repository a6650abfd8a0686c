/** GetRecord (OAI-PMH 2.0 §4.1): one record in one format; a withdrawn article as a deleted header. */
import { el, type XmlElement } from '../../xml/tree.ts';
import type { OaiContext } from '../context.ts';
import { record } from '../envelope.ts';
import { findFormat } from '../formats.ts';
import { doiOfIdentifier } from '../identifier.ts';
import { oaiError, type OaiError } from '../vocab.ts';

export async function getRecord(ctx: OaiContext, identifier: string, metadataPrefix: string): Promise<XmlElement | OaiError[]> {
  const format = findFormat(ctx.repository.formats, metadataPrefix);
  const doi = doiOfIdentifier(ctx.repository.domain, identifier);
  const item = doi === undefined ? undefined : await ctx.source.get(doi);
  const errors: OaiError[] = [];
  if (item === undefined) errors.push(oaiError('idDoesNotExist', `${identifier} is not an identifier in this repository.`));
  if (format === undefined || (item !== undefined && !format.available(item))) {
    errors.push(oaiError('cannotDisseminateFormat', `${metadataPrefix} is not a metadata format of ${format === undefined ? 'this repository' : identifier}.`));
  }
  if (errors.length > 0 || item === undefined || format === undefined) return errors;
  return el('GetRecord', null, record(item, ctx.repository.domain, format, ctx.repository.stageWide));
}
