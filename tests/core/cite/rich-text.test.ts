import { describe, expect, it } from 'vitest';
import type { InlineText } from '#core/model/index';
import { fromMarked, MARK, toCslRichText } from '#core/cite/rich-text';

const { open, close, drop } = MARK;

describe('toCslRichText', () => {
  it('writes the five inline tags as the tags citeproc-js reads, text as it is', () => {
    const content: InlineText = ['p < 0.05 & ', { tag: 'i', children: ['Acta ', { tag: 'b', children: ['B'] }] }, ' H', { tag: 'sub', children: ['2'] }, 'O', { tag: 'sup', children: ['th'] }, { tag: 'sc', children: ['sc'] }];
    expect(toCslRichText(content)).toBe('p < 0.05 & <i>Acta <b>B</b></i> H<sub>2</sub>O<sup>th</sup><span style="font-variant:small-caps;">sc</span>');
  });
});

describe('fromMarked', () => {
  it.each([
    ['plain', 'plain text', ['plain text']],
    ['nested runs', `a ${open.i}b ${open.b}c${close}${close} d`, ['a ', { tag: 'i', children: ['b ', { tag: 'b', children: ['c'] }] }, ' d']],
    ['every tag', `${open.sc}s${close}${open.sup}1${close}${open.sub}2${close}`, [{ tag: 'sc', children: ['s'] }, { tag: 'sup', children: ['1'] }, { tag: 'sub', children: ['2'] }]],
    ['an empty run is dropped', `a${open.i}${close}b`, ['a', 'b']],
    ['an unclosed run keeps its text', `a ${open.i}b`, ['a ', 'b']],
    ['a stray close is ignored', `a${close}b`, ['a', 'b']],
    ['dropped output goes, with what it holds', `${drop[0]}1.${open.i}x${close}${drop[1]}Entry`, ['Entry']],
  ] as [string, string, InlineText][])('%s', (_name, marked, expected) => {
    expect(fromMarked(marked)).toEqual(expected);
  });
});
