/**
 * `rel:program`: relations to other works that relations.xsd can express. A translation is an
 * `intra_work_relation` (`isTranslationOf`). Corrections, retractions and expressions of concern
 * are not relations there: Crossref records them as Crossmark `updates` (crossmark.ts).
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/relationships/
 */
import type { Relation, RelationType } from '../model/relations.ts';
import { el, type XmlElement } from '../xml/tree.ts';

/** The element and `relationship-type` for each relation the model knows, or undefined when relations.xsd has none. */
export const RELATION_TYPES = {
  'translation-of': { element: 'rel:intra_work_relation', type: 'isTranslationOf' },
  'correction-of': undefined,
  'retraction-of': undefined,
  'expression-of-concern-for': undefined,
} as const satisfies Record<RelationType, { element: string; type: string } | undefined>;

export function relProgram(relations: readonly Relation[]): XmlElement | undefined {
  const items = relations.map(relatedItem).filter((item) => item !== undefined);
  return items.length === 0 ? undefined : el('rel:program', { name: 'relations' }, items);
}

export function relatedItem(relation: Relation): XmlElement | undefined {
  const kind = RELATION_TYPES[relation.type];
  if (kind === undefined) return undefined;
  return el('rel:related_item', null, el(kind.element, { 'relationship-type': kind.type, 'identifier-type': 'doi' }, relation.doi));
}
