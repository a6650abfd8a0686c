import { describe, expect, it } from 'vitest';
import { renderJats } from '#core/jats/index';
import { parseMarkup, type Article, type Inline, type IssueBundle } from '#core/model/index';
import { validateXml } from '#tests/helpers/xsd';
import { all, articleById, elements, one, parseJats, text, type Node } from './load.ts';

// Cases as data: each one changes a loaded article (or its journal and issue) and says what the
// JATS must then show. Every case must also stay valid against the XSD.
type Variant = {
  readonly name: string;
  readonly from: string;
  readonly article?: (a: Article) => Partial<Article>;
  readonly bundle?: (b: IssueBundle) => Partial<IssueBundle>;
  readonly expect: (root: Node, xml: string) => void;
};

const markup = (source: string): Inline[] => {
  const parsed = parseMarkup(source);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
};
const SICI = '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O';

const variants: Variant[] = [
  {
    name: 'a minimal article: one organisation, online date only, one ISSN, no optional parts',
    from: 'edemskiy',
    bundle: (b) => ({
      journal: { ...b.journal, issn: { electronic: '2406-0801' }, abbrev_title: undefined, publisher: { name: 'Institute' } } as IssueBundle['journal'],
      issue: { ...b.issue, volume: undefined, number: '1' },
    }),
    article: (a) => ({
      titles: [{ lang: 'en', title: ['Short'] }],
      contributors: [{ kind: 'organization', name: 'Editorial Board', role: 'editor', affiliations: [], corresponding: false }],
      abstracts: [],
      keywords: [],
      pages: undefined,
      dates: { published: { online: { year: 2024 } } },
      section: a.section,
      free_to_read: false,
    }),
    expect: (root) => {
      // Online in 2024 in the seed's 2019 issue: the issue's year follows as the collection date (what citations cite).
      expect(elements(one(root, 'article-meta')).map((e) => e.name)).toEqual(['article-id', 'title-group', 'contrib-group', 'pub-date', 'pub-date', 'issue']);
      expect(all(root, 'pub-date').map((d) => d.attrs['date-type'])).toEqual(['pub', 'collection']);
      expect(all(root, 'issn').map((n) => n.attrs['publication-format'])).toEqual(['electronic']);
      expect(one(root, 'contrib').attrs).toEqual({ 'contrib-type': 'editor' });
      expect(all(root, 'back')).toEqual([]);
    },
  },
  {
    name: 'an affiliation shared by two contributors is listed once',
    from: 'edemskiy',
    article: (a) => ({
      contributors: [
        a.contributors[0]!,
        { kind: 'person', surname: 'Second', role: 'author', affiliations: [...a.contributors[0]!.affiliations, { name: 'Elsewhere' }], corresponding: true, email: 'second@example.org' },
      ],
    }),
    expect: (root, xml) => {
      expect(all(root, 'aff').map((a) => a.attrs.id)).toEqual(['aff1', 'aff2']);
      expect(all(root, 'contrib').map((c) => all(c, 'xref').map((x) => x.attrs.rid))).toEqual([['aff1'], ['aff1', 'aff2']]);
      const second = all(root, 'aff')[1]!;
      expect(elements(second).map((e) => e.name)).toEqual(['institution-wrap']);
      expect(text(second).trim()).toBe('Elsewhere'); // no country: no separator either
      expect(xml).not.toContain('second@example.org');
    },
  },
  {
    name: 'printed pages win over an article number (JATS takes one or the other)',
    from: 'edemskiy',
    article: () => ({ article_number: 'e12' }),
    expect: (root) => {
      expect(text(one(root, 'fpage'))).toBe('375');
      expect(all(root, 'elocation-id')).toEqual([]);
    },
  },
  {
    name: 'without an abstract in the article language, the first one is the abstract',
    from: 'a01-petrovic',
    article: (a) => ({ abstracts: a.abstracts.filter((x) => x.lang !== 'en') }),
    expect: (root) => {
      expect(one(root, 'abstract').attrs['xml:lang']).toBe('fr');
      expect(all(root, 'trans-abstract').map((x) => x.attrs['xml:lang'])).toEqual(['sr']);
    },
  },
  {
    name: 'a retraction notice',
    from: 'a03-article-number',
    article: () => ({ relations: [{ type: 'retraction-of', doi: '10.5555/sbt.2023.050' }] }),
    expect: (root) => {
      expect(root.attrs['article-type']).toBe('retraction');
      expect(one(root, 'related-article').attrs['related-article-type']).toBe('retracted-article');
    },
  },
  {
    name: 'a funder without identifier or award number',
    from: 'edemskiy',
    article: () => ({ funding: [{ funder: { name: 'A Small Foundation' }, awards: [] }] }),
    expect: (root) => {
      const source = one(root, 'funding-source');
      // JATS4R asks for an institution-wrap around every funder, with or without an id.
      expect(all(one(source, 'institution-wrap'), 'institution').map(text)).toEqual(['A Small Foundation']);
      expect(all(root, 'award-id')).toEqual([]);
    },
  },
  {
    name: 'a citation that prints its DOI gets the pub-id in place, matched regardless of case',
    from: 'edemskiy',
    article: () => ({
      references: [{ id: 'ref1', type: 'web-page', authors: [], editors: [], citation: markup('Petrović, J. <i>Consuls</i>. https://doi.org/10.2298/balc1950001p. Accessed 2024.'), doi: '10.2298/BALC1950001P' }],
    }),
    expect: (root) => {
      const citation = one(root, 'mixed-citation');
      expect(text(citation)).toBe('Petrović, J. Consuls. https://doi.org/10.2298/balc1950001p. Accessed 2024.');
      expect(text(one(citation, 'pub-id'))).toBe('10.2298/balc1950001p');
    },
  },
  {
    name: 'a year printed against a word is tagged (a source without spaces between parts), a year inside a longer number is not',
    from: 'edemskiy',
    article: () => ({
      references: [
        { id: 'ref1', type: 'web-page', authors: [], editors: [], citation: markup('A Previously Unknown Type of Ancient Human. Science Alert2021.'), year: '2021', source: markup('Science Alert') },
        { id: 'ref2', type: 'other', authors: [], editors: [], citation: markup('Report no. 19501, 1950.'), year: '1950' },
      ],
    }),
    expect: (root) => {
      const [first, second] = all(root, 'mixed-citation');
      expect(all(first!, 'year').map(text)).toEqual(['2021']);
      expect(text(first!)).toBe('A Previously Unknown Type of Ancient Human. Science Alert2021.');
      // 1950 tagged where it stands alone, not inside 19501.
      expect(second!.children.filter((c) => typeof c === 'string')).toEqual(['Report no. 19501, ', '.']);
    },
  },
  {
    name: 'text that looks like markup is escaped, not interpreted',
    from: 'a01-petrovic',
    article: (a) => ({
      doi: SICI,
      titles: [{ lang: 'en', title: ['Q&A: <script>alert("x")</script> & ]]> p < 0.05'] }, ...a.titles.slice(1)],
      keywords: [{ lang: 'en', terms: ['<kwd>', 'A & B'] }],
      contributors: [{ ...a.contributors[0]!, affiliations: [{ name: 'Institut "Mihajlo Pupin" <Belgrade> & Co' }] }],
      references: [{ id: 'ref1', type: 'other', authors: [], editors: [], citation: ['<mixed-citation>&amp;</mixed-citation>'], doi: SICI }],
      relations: [{ type: 'translation-of', doi: SICI }],
    }),
    expect: (root, xml) => {
      expect(xml).not.toContain('<script');
      expect(xml).toContain('Q&amp;A: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; p &lt; 0.05');
      expect(text(one(root, 'article-title'))).toBe('Q&A: <script>alert("x")</script> & ]]> p < 0.05');
      expect(all(root, 'kwd').map(text)).toEqual(['<kwd>', 'A & B']);
      expect(text(one(one(root, 'aff'), 'institution'))).toBe('Institut "Mihajlo Pupin" <Belgrade> & Co');
      expect(text(one(root, 'article-id'))).toBe(SICI);
      expect(one(root, 'related-article').attrs['xlink:href']).toBe(SICI);
      expect(text(one(root, 'mixed-citation'))).toBe(`<mixed-citation>&amp;</mixed-citation> https://doi.org/${SICI}`);
      expect(all(root, 'mixed-citation')).toHaveLength(1);
    },
  },
  {
    name: 'model markup keeps a literal < and & beside real tags',
    from: 'edemskiy',
    article: () => ({ titles: [{ lang: 'en', title: markup('Effects at p < 0.05 & <i>in vitro</i> <sc>dna</sc>') }] }),
    expect: (root) => {
      const title = one(root, 'article-title');
      expect(text(title)).toBe('Effects at p < 0.05 & in vitro dna');
      expect(elements(title).map((e) => e.name)).toEqual(['italic', 'sc']);
    },
  },
];

describe('JATS for changed articles', () => {
  it.each(variants)('$name', (variant) => {
    // Prepare
    const { bundle, article } = articleById(variant.from);
    const changed = { ...article, ...variant.article?.(article) } as Article;
    const changedBundle = { ...bundle, ...variant.bundle?.(bundle) } as IssueBundle;
    // Act
    const xml = renderJats(changedBundle, changed);
    // Assess
    expect(validateXml('jats', xml).errors).toEqual([]);
    variant.expect(parseJats(xml), xml);
  });
});
