import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkup, plainText } from '#core/model/index';
import { parseFragment } from '#core/import/html';
import { markupOf, paragraphsOf } from '#core/import/inline';
import { Notes } from '#core/import/notes';

const convert = (source: string): { markup: string | undefined; notes: readonly string[] } => {
  const notes = Notes.create();
  return { markup: markupOf(parseFragment(source).nodes, notes, 'title'), notes: notes.list };
};

describe('inline markup → Colophon markup', () => {
  it.each([
    ['JATS italic, bold, sub, sup, sc', 'H<sub>2</sub>O in <italic>vivo</italic>, <bold>b</bold>, 10<sup>th</sup>, <sc>sc</sc>', 'H<sub>2</sub>O in <i>vivo</i>, <b>b</b>, 10<sup>th</sup>, <sc>sc</sc>'],
    ['Crossref face markup (scp is small caps)', '<i>Drosophila</i> and <scp>dna</scp>', '<i>Drosophila</i> and <sc>dna</sc>'],
    ['HTML em and strong (OJS)', '<em>a</em> <strong>b</strong>', '<i>a</i> <b>b</b>'],
    ['JATS with a namespace prefix (REST abstracts)', '<jats:italic>x</jats:italic>', '<i>x</i>'],
    ['white space collapsed and trimmed', '\n  Sexual   conflict\n  <i>C. maculatus</i>  ', 'Sexual conflict <i>C. maculatus</i>'],
    ['a literal ampersand (not well-formed as XML)', 'R&D <i>x</i>', 'R&D <i>x</i>'],
    ['an escaped less-than before a digit stays as is', 'p &lt; 0.05', 'p < 0.05'],
    ['empty elements dropped', 'a<i></i>b', 'ab'],
  ])('%s', (_name, source, expected) => {
    // Act
    const { markup } = convert(source);

    // Assess
    expect(markup).toBe(expected);
    expect(parseMarkup(markup!).ok).toBe(true);
  });

  it('keeps the text of other markup and lists it', () => {
    // Act
    const { markup, notes } = convert('a <u>b</u> <ovl>c</ovl>');

    // Assess
    expect(markup).toBe('a b c');
    expect(notes).toEqual([
      'title: markup <u> kept as its text (the model takes only i, b, sub, sup, sc)',
      'title: markup <ovl> kept as its text (the model takes only i, b, sub, sup, sc)',
    ]);
  });

  it('writes MathML as its text and says so', () => {
    // Act
    const { markup, notes } = convert('E = <mml:math><mml:mi>m</mml:mi><mml:msup><mml:mi>c</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math>');

    // Assess
    expect(markup).toBe('E = mc2');
    expect(notes[0]).toMatch(/MathML kept as its plain text/);
  });

  it('puts a space after a text "<" that would read as a tag, and says so', () => {
    // Act
    const { markup, notes } = convert('if a &lt;b then </i>');

    // Assess
    expect(markup).toBe('if a < b then');
    expect(parseMarkup(markup!).ok).toBe(true);
    expect(notes).toEqual(['title: text "<b" cannot be written in Colophon markup (a "<" before a letter starts a tag): written with a space after "<"']);
  });

  it('notes a word that mixes Latin and Cyrillic letters but keeps it', () => {
    // Act
    const { markup, notes } = convert('SPA\u0421E-TEMPORAL STRUCTURE');

    // Assess
    expect(markup).toBe('SPA\u0421E-TEMPORAL STRUCTURE');
    expect(notes).toEqual(['title: "SPA\u0421E" mixes Latin and Cyrillic letters (a look-alike letter?): kept as in the source, check it']);
  });

  it('writes any text as markup that parses back to the same text, spaces after "<" aside', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'i', '<', '>', '/', '&', ' ', '!', 'é', '1') }), (text) => {
        // Act
        const notes = Notes.create();
        const markup = markupOf([text], notes, 'f') ?? '';
        const parsed = parseMarkup(markup);

        // Assess
        expect(parsed.ok).toBe(true);
        const plain = parsed.ok ? plainText(parsed.value) : '';
        expect(plain.replace(/< /g, '<')).toBe(text.replace(/\s+/g, ' ').trim().replace(/< /g, '<'));
      }),
    );
  });

  it('splits an abstract into paragraphs, section titles as bold paragraphs', () => {
    // Prepare
    const notes = Notes.create();
    const source = '<jats:sec><jats:title>Background</jats:title><jats:p>One <jats:italic>two</jats:italic>.</jats:p></jats:sec><jats:p>Three.</jats:p>';

    // Act
    const paragraphs = paragraphsOf(parseFragment(source).nodes, notes, 'abstract');

    // Assess
    expect(paragraphs).toEqual(['<b>Background</b>', 'One <i>two</i>.', 'Three.']);
    expect(notes.list).toEqual(['abstract: abstract section headings written as bold paragraphs (the model has no abstract sections)']);
  });

  it('reads HTML that is not well-formed XML (OJS abstracts)', () => {
    // Act
    const fragment = parseFragment('<p>First<br>line &amp; more</p><p>Second &eacute;</p>');

    // Assess
    expect(fragment.wellFormed).toBe(false);
    expect(paragraphsOf(fragment.nodes, Notes.create(), 'abstract')).toEqual(['First line & more', 'Second &eacute;']);
  });
});
