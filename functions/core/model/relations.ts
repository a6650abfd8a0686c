/** Relations to other works: this article corrects, retracts or translates another DOI. */
import { z } from 'zod';
import { doi } from './primitives.ts';

export const RELATION_TYPES = ['correction-of', 'retraction-of', 'translation-of'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const relation = z.strictObject({ type: z.enum(RELATION_TYPES), doi });
export type Relation = z.output<typeof relation>;
