import { describe, expect, it } from 'vitest';
import { renderJats } from '#core/jats/index';
import { JATS_FORMAT } from '#core/oai/jats';
import { validateXml } from '#tests/helpers/xsd';
import { allRecords, context, fixtureSource } from './fixtures.ts';
import { validateJatsEnvelope } from './jats-envelope.ts';
import { all, ask, elements, parseXml, type Node } from './read.ts';

/** Each `<metadata>` payload as a document of its own, with the JATS namespace declaration removed. */
function payloads(xml: string): string[] {
  const out: string[] = [];
  for (const match of xml.matchAll(/<metadata>\s*([\s\S]*?)\s*<\/metadata>/g)) {
    out.push(`<?xml version="1.0" encoding="UTF-8"?>\n${match[1]!.replace(` xmlns="${JATS_FORMAT.namespace}"`, '')}\n`);
  }
  return out;
}

/** A tree without the whitespace the serialiser indents with, for comparing two documents. */
const strip = (node: Node): Node => ({ ...node, children: node.children.filter((c) => typeof c !== 'string' || c.trim() !== '').map((c) => (typeof c === 'string' ? c : strip(c))) });

describe('the jats metadata format', () => {
  it('ListRecords with jats: the envelope is valid OAI-PMH, each payload in the declared namespace', async () => {
    // Act
    const { xml, root } = await ask(context(fixtureSource()), 'verb=ListRecords&metadataPrefix=jats');
    // Assess
    expect(validateJatsEnvelope(xml).errors).toEqual([]);
    const articles = all(root, 'metadata').map((m) => elements(m)[0]!);
    expect(articles.map((a) => [a.name, a.attrs.xmlns])).toEqual(allRecords().map(() => ['article', JATS_FORMAT.namespace]));
  });

  it('the envelope check can fail: a payload in no namespace is refused', async () => {
    // Prepare
    const { xml } = await ask(context(fixtureSource()), 'verb=ListRecords&metadataPrefix=jats');
    // Act
    const result = validateJatsEnvelope(xml.replaceAll(` xmlns="${JATS_FORMAT.namespace}"`, ''));
    // Assess
    expect(result.valid).toBe(false);
  });

  it('each payload, namespace removed, is valid JATS 1.4 and the same article as the published article.xml', async () => {
    // Prepare
    const records = allRecords();
    // Act
    const { xml } = await ask(context(fixtureSource()), 'verb=ListRecords&metadataPrefix=jats');
    const docs = payloads(xml);
    // Assess
    expect(docs).toHaveLength(records.length);
    docs.forEach((doc, n) => {
      const { journal, issue, article } = records[n]!;
      expect(validateXml('jats', doc).errors).toEqual([]);
      expect(strip(parseXml(doc))).toEqual(strip(parseXml(renderJats({ journal, issue, articles: [article] }, article))));
    });
  });

  it('ListMetadataFormats declares the namespace the payload uses', async () => {
    const { root } = await ask(context(fixtureSource()), 'verb=ListMetadataFormats');
    const jats = all(root, 'metadataFormat').find((f) => all(f, 'metadataPrefix').some((p) => p.children[0] === 'jats'))!;
    expect(all(jats, 'metadataNamespace')[0]!.children).toEqual([JATS_FORMAT.namespace]);
  });
});
