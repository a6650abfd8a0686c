/** Relations to other works: this article corrects, retracts or translates another DOI. */
import { z } from 'zod';
import { doi } from './primitives.ts';

export const RELATION_TYPES = ['correction-of', 'retraction-of', 'translation-of'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const relation = z.strictObject({
  type: z.enum(RELATION_TYPES).meta({ description: 'correction-of: this article corrects the other; retraction-of: this notice retracts it; translation-of: this article translates it.', examples: ['translation-of'] }),
  doi: doi.meta({ description: 'The DOI of the other work.', examples: ['10.5555/sbt.2023.099'] }),
});
export type Relation = z.output<typeof relation>;
