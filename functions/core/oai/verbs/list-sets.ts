/** ListSets (OAI-PMH 2.0 §4.6): the issues and sections (in the stage's repository, below each journal); short enough never to need a resumption token. */
import { el, type XmlElement } from '../../xml/tree.ts';
import type { OaiContext } from '../context.ts';
import { listSets as sets } from '../sets.ts';
import { oaiError, type OaiError } from '../vocab.ts';

export async function listSets(ctx: OaiContext, resumptionToken: string | undefined): Promise<XmlElement | OaiError[]> {
  // No ListSets response is ever split, so no token of ours can continue one.
  if (resumptionToken !== undefined) return [oaiError('badResumptionToken', 'ListSets is never split: this resumptionToken was not issued by this repository.')];
  const list = ctx.source.sets === undefined ? sets(await ctx.source.issues()) : await ctx.source.sets();
  if (list.length === 0) return [oaiError('noSetHierarchy', 'The repository holds no issue yet, so it has no sets.')];
  return el(
    'ListSets',
    null,
    list.map((s) => el('set', null, el('setSpec', null, s.spec), el('setName', null, s.name))),
  );
}
