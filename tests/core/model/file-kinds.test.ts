import { describe, expect, it } from 'vitest';
import { detectKind, fileProblem, type FileKind } from '#core/model/index';
import { samplePdf, samplePng } from '../../../scripts/sample-files.ts';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The first bytes of an EPUB as OCF 3.3 §4.3 lays them out: a stored `mimetype` entry first. */
function epubHead(name = 'mimetype', method = 0): Uint8Array {
  const head = new Uint8Array(30 + name.length + 20);
  head.set([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, method, 0]);
  head[26] = name.length;
  head.set(bytes(name), 30);
  head.set(bytes('application/epub+zip'), 30 + name.length);
  return head;
}

const SAMPLES: Record<FileKind, Uint8Array> = {
  pdf: samplePdf('A title', ['a line']),
  epub: epubHead(),
  html: new TextEncoder().encode('\ufeff\n  <!DOCTYPE html><html lang="en">'),
  xml: bytes('<?xml version="1.0"?><article/>'),
  jpeg: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  png: samplePng(4, 4, [10, 20, 30]),
  webp: bytes('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '),
};

describe('file signatures', () => {
  it.each(Object.entries(SAMPLES))('recognises %s by its first bytes', (kind, sample) => {
    // Act
    const problem = fileProblem(kind as FileKind, sample.subarray(0, 64), sample.length, 1024 * 1024);

    // Assess
    expect(problem).toBeUndefined();
    expect(detectKind(sample.subarray(0, 64))).toBe(kind);
  });

  it('says what a file is when it is not the declared kind', () => {
    expect(fileProblem('pdf', SAMPLES.png, 100, 1000)).toBe('is not a PDF but a PNG image: its first bytes do not match the declared format "pdf"');
    expect(fileProblem('epub', bytes('PK\u0003\u0004 a plain zip'), 100, 1000)).toBe('is not an EPUB: its first bytes do not match the declared format "epub"');
    expect(fileProblem('html', SAMPLES.pdf, 100, 1000)).toMatch(/^is not an HTML document but a PDF/);
  });

  it('refuses an EPUB whose first entry is not the stored mimetype (a compressed one, or another file)', () => {
    expect(fileProblem('epub', epubHead('mimetype', 8), 100, 1000)).toMatch(/is not an EPUB/);
    expect(fileProblem('epub', epubHead('META-INF', 0), 100, 1000)).toMatch(/is not an EPUB/);
  });

  it('refuses an empty file and one over the limit, naming both sizes', () => {
    expect(fileProblem('pdf', new Uint8Array(), 0, 1000)).toBe('is empty');
    expect(fileProblem('pdf', SAMPLES.pdf, 150 * 1024 * 1024, 100 * 1024 * 1024)).toBe('is 150.0 MB, more than the 100.0 MB this stage takes');
  });
});

describe('sample files', () => {
  it('writes a PDF whose cross-reference table points at each object', () => {
    // Act
    const text = String.fromCharCode(...samplePdf('Title (with parentheses)', ['one', 'two']));

    // Assess
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, k) => expect(text.slice(offset, offset + `${k + 1} 0 obj`.length)).toBe(`${k + 1} 0 obj`));
    expect(text).toContain('(Title \\(with parentheses\\)) Tj');
  });

  it('gives the same bytes every time', () => {
    expect(samplePdf('x', ['y'])).toEqual(samplePdf('x', ['y']));
    expect(samplePng(8, 8, [1, 2, 3])).toEqual(samplePng(8, 8, [1, 2, 3]));
  });
});
