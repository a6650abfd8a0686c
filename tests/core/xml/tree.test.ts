/**
 * The XML serialiser (core/xml/tree.ts) writes one pass over the tree instead of going through
 * fast-xml-parser's XMLBuilder; it must write exactly what the builder wrote for the same tree
 * (the goldens pin whole documents; this covers trees the fixtures never hold: every special
 * character in text and attributes, empty elements, mixed content at any depth).
 */
import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, escapeXml, serializeXml, type XmlElement, type XmlNode } from '#core/xml/tree';

/** The serialiser as it was: the tree indented, converted to the builder's ordered shape, built by XMLBuilder. */
function builderReference(root: XmlElement, unit = '  '): string {
  const indent = (node: XmlElement, depth: number): XmlElement => {
    if (node.children.length === 0 || node.children.some((c) => typeof c === 'string')) return node;
    const children: XmlNode[] = [];
    for (const child of node.children) children.push(`\n${unit.repeat(depth + 1)}`, indent(child as XmlElement, depth + 1));
    children.push(`\n${unit.repeat(depth)}`);
    return { ...node, children };
  };
  type FxpNode = Record<string, unknown>;
  const toFxp = (node: XmlNode): FxpNode => {
    if (typeof node === 'string') return { '#text': node };
    const out: FxpNode = { [node.name]: node.children.map(toFxp) };
    const attrs = Object.entries(node.attrs);
    if (attrs.length > 0) out[':@'] = Object.fromEntries(attrs.map(([k, v]) => [`@_${k}`, v]));
    return out;
  };
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', format: false, suppressEmptyNode: true, processEntities: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([toFxp(indent(root, 0))]) as string}\n`;
}

const names = fc.constantFrom('article', 'front', 'x:title', 'contrib', 'surname', 'i', 'p');
const text = fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '\u2013', 'Ж', '\n', '&amp;', ']]>') , maxLength: 12 });
const attrs = fc.dictionary(fc.constantFrom('id', 'xml:lang', 'content-type', 'href'), text, { maxKeys: 3 });
const { tree } = fc.letrec<{ tree: XmlElement; node: XmlNode }>((rec) => ({
  tree: fc.record({ name: names, attrs, children: fc.array(rec('node'), { maxLength: 4 }) }) as fc.Arbitrary<XmlElement>,
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, rec('tree')) as fc.Arbitrary<XmlNode>,
}));

describe('serializeXml', () => {
  it('writes what fast-xml-parser\'s builder wrote, for any tree', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('  ', '\t'), (root, unit) => {
        expect(serializeXml(root, { indent: unit })).toBe(builderReference(root, unit));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes the five predefined entities in text and attributes, and nothing else', () => {
    // Act
    const xml = serializeXml(el('p', { title: `a"b'c<d>&e` }, `x<y>&z "q" 'r' \u2013`));

    // Assess
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<p title="a&quot;b&apos;c&lt;d&gt;&amp;e">x&lt;y&gt;&amp;z &quot;q&quot; &apos;r&apos; \u2013</p>\n');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('indents element-only content and leaves mixed content, and all inside it, as it is', () => {
    // Act
    const xml = serializeXml(el('a', null, el('b', null, 'x ', el('i', null, el('c'))), el('d', { k: '1' }, el('e', null, 'y'))));

    // Assess
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a>\n  <b>x <i><c/></i></b>\n  <d k="1">\n    <e>y</e>\n  </d>\n</a>\n');
  });
});
