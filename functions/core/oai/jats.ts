/**
 * The `jats` payload: the same `<article>` tree as the published `article.xml` (core/jats), put
 * into a namespace so that it can travel inside `<metadata>`.
 *
 * Why a namespace: OAI-PMH.xsd admits exactly one element `##other` (from a namespace other than
 * OAI-PMH's) with processContents="strict", and JATS has no namespace: a bare `<article>` inside
 * the default-namespaced envelope is not even in "another" namespace. PKP's oaiJats plugin, the one
 * JATS-over-OAI that harvesters meet in practice, solves it the same way: metadataPrefix `jats`,
 * and a default `xmlns` on `<article>` naming the JATS version
 * (https://github.com/pkp/oaiJats, OAIMetadataFormat_JATS: `xmlns="https://jats.nlm.nih.gov/publishing/1.1/"`).
 * Colophon renders JATS Publishing 1.4, so its namespace is `https://jats.nlm.nih.gov/publishing/1.4/`,
 * declared identically in ListMetadataFormats (PKP declares another URI there than on the payload;
 * here the two agree). A harvester gets plain, XSD-valid JATS 1.4 back by dropping that one
 * `xmlns`: the prefixed xlink/mml/ali namespaces and `xml:lang` are untouched.
 */
import { jatsArticle } from '../jats/index.ts';
import type { XmlElement } from '../xml/tree.ts';
import type { OaiArticleRecord } from './source.ts';

export const JATS_FORMAT = {
  prefix: 'jats',
  schema: 'https://jats.nlm.nih.gov/publishing/1.4/xsd/JATS-journalpublishing1-4-mathml3.xsd',
  namespace: 'https://jats.nlm.nih.gov/publishing/1.4/',
} as const;

/** `<article xmlns="https://jats.nlm.nih.gov/publishing/1.4/">` for one article. */
export function jatsPayload({ journal, issue, article }: OaiArticleRecord): XmlElement {
  const tree = jatsArticle({ journal, issue, articles: [article] }, article);
  return { ...tree, attrs: { xmlns: JATS_FORMAT.namespace, ...tree.attrs } };
}
