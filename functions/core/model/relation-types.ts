/**
 * The kinds of relation an article may have to another work, apart from the relation schema
 * (relations.ts): renderers and the site read them without importing zod.
 */
export const RELATION_TYPES = ['correction-of', 'retraction-of', 'expression-of-concern-for', 'translation-of'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations that update the other work's status (Crossmark "updates": editorially significant changes). */
export const UPDATE_TYPES = ['correction-of', 'retraction-of', 'expression-of-concern-for'] as const satisfies readonly RelationType[];
export type UpdateType = (typeof UPDATE_TYPES)[number];
export const isUpdate = (type: RelationType): type is UpdateType => (UPDATE_TYPES as readonly string[]).includes(type);
