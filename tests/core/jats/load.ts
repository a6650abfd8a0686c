/** The seed and the rich fixture issue, loaded once per worker, and a reader for rendered JATS. */
import { join } from 'node:path';
import { descendants, elements, parseXml, text, theDescendant, type XmlNode } from '../../helpers/xml-query.ts';
import { loadMetadata } from '#adapters/metadata-fs';
import type { Article, IssueBundle } from '#core/model/index';
import { repoDir } from '#tests/helpers/shared';

export const METADATA_ROOTS = ['metadata', 'tests/fixtures/metadata'] as const;

export function loadBundles(relative: string): IssueBundle[] {
  const result = loadMetadata(join(repoDir, relative));
  if (!result.ok) throw new Error(`${relative} does not load: ${JSON.stringify(result.problems, null, 2)}`);
  return result.bundles;
}

export type Case = { readonly bundle: IssueBundle; readonly article: Article };

/** Every article below the roots, named by its id. */
export function allArticles(): Case[] {
  return METADATA_ROOTS.flatMap(loadBundles).flatMap((bundle) => bundle.articles.map((article) => ({ bundle, article })));
}

export function articleById(id: string): Case {
  const hit = allArticles().find((c) => c.article.id === id);
  if (!hit) throw new Error(`no article ${id} in ${METADATA_ROOTS.join(', ')}`);
  return hit;
}

/** A parsed element: attributes and children in document order, text kept exactly (mixed content). */
export type Node = XmlNode;

/** Parses a JATS document (with fast-xml-parser, independent of the serialiser) into its root element. */
export const parseJats = (xml: string): Node => parseXml(xml);

/** Every descendant element with this name, in document order. */
export const all = descendants;

/** The one descendant with this name (fails the test when there are none or several). */
export const one = theDescendant;

export { elements, text };
