/**
 * Relations to other works: this article is a notice that corrects, retracts or expresses concern
 * about another DOI (an update, registered with Crossref as a Crossmark `update`), or it
 * translates another work. A relation to a DOI under the journal's own prefix must name an
 * article Colophon knows (`relationRules`).
 */
import * as z from 'zod';
import type { InlineText } from './markup.ts';
import { doi } from './primitives.ts';
import { RELATION_TYPES, type UpdateType } from './relation-types.ts';

export { isUpdate, RELATION_TYPES, UPDATE_TYPES, type RelationType, type UpdateType } from './relation-types.ts';

export const relation = z
  .strictObject({
    type: z.enum(RELATION_TYPES).meta({
      description: 'correction-of: this article is a correction notice for the other; retraction-of: this notice retracts it; expression-of-concern-for: this notice expresses concern about it; translation-of: this article translates it.',
      examples: ['correction-of'],
    }),
    doi: doi.meta({ description: 'The DOI of the other work.', examples: ['10.5555/sbt.2023.099'] }),
  })
  .describe('A work this article relates to: correction-of, retraction-of or expression-of-concern-for (this article is the notice) or translation-of, and its DOI. Example: { type: retraction-of, doi: 10.2298/BALC1950375E }');

/** A relation as renderers see it: the other work's title where Colophon knows it (filled in when the outputs are made, never stored). */
export type Relation = z.output<typeof relation> & { readonly title?: InlineText | undefined };

/** A notice that updates this article, as its page, JATS and tags show it (known from the notice's own relation). */
export type Notice = { readonly type: UpdateType; readonly doi: string; readonly title: InlineText; readonly date?: string | undefined };
