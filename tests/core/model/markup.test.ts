import { describe, expect, test } from 'vitest';
import { parseMarkup, plainText, type Inline } from '#core/model/markup';

describe('parseMarkup accepts the five tags and literal text', () => {
  test.each<[string, Inline[]]>([
    ['plain text', ['plain text']],
    ['The <i>Acta Bosniaca</i>', ['The ', { tag: 'i', children: ['Acta Bosniaca'] }]],
    ['H<sub>2</sub>O and 10<sup>th</sup>', ['H', { tag: 'sub', children: ['2'] }, 'O and 10', { tag: 'sup', children: ['th'] }]],
    ['<b>bold <i>and italic</i></b>', [{ tag: 'b', children: ['bold ', { tag: 'i', children: ['and italic'] }] }]],
    ['<sc>Small</sc> caps', [{ tag: 'sc', children: ['Small'] }, ' caps']],
    ['p < 0.05 & q > 1', ['p < 0.05 & q > 1']], // a `<` that starts no tag and `&` are literal
    ['&amp; stays as typed', ['&amp; stays as typed']], // no entities: the renderer escapes the `&`
    ['1 <2 and 3> 2', ['1 <2 and 3> 2']],
  ])('%j', (source, expected) => {
    expect(parseMarkup(source)).toEqual({ ok: true, value: expected });
  });

  test('plainText drops the tags', () => {
    const parsed = parseMarkup('The <i>Acta</i> & <b>H<sub>2</sub>O</b>');
    expect(parsed.ok && plainText(parsed.value)).toBe('The Acta & H2O');
  });
});

describe('parseMarkup rejects what is not safe', () => {
  test.each([
    ['<i>never closed', '<i> is never closed', 0],
    ['closed</b> only', 'closing </b> has no opening <b>', 6],
    ['<i>crossed <b>tags</i></b>', 'closing </i> does not match the open <b>', 18],
    ['x <script>alert(1)</script>', 'markup "<script>" is not allowed', 2],
    ['<i class="x">attr</i>', 'markup "<i class=\\"x\\">" is not allowed', 0],
    ['<I>upper</I>', 'markup "<I>" is not allowed', 0],
    ['<a href="https://x">link</a>', 'markup "<a href=\\"https://x\\">" is not allowed', 0],
    ['<!-- comment -->', 'markup "<!-- comment -->" is not allowed', 0],
    ['<br/>', 'markup "<br/>" is not allowed', 0],
    ['<img src=x onerror=alert(1)', '"<img src=x onerror=alert(1)" looks like an unfinished tag', 0],
    ['x<y', '"<y" looks like an unfinished tag; for a less-than sign, put a space after it (a < b)', 1],
  ])('%j: %s at offset %i', (source, message, offset) => {
    // Act
    const parsed = parseMarkup(source);
    // Assess
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem.message).toContain(message);
    expect(!parsed.ok && parsed.problem.offset).toBe(offset);
  });
});
