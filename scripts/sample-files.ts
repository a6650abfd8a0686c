/**
 * Small, valid, byte-for-byte reproducible files for the example journal and the test fixtures:
 * a one-page PDF with a few lines of text, and a flat-colour PNG. No dates, ids or random parts,
 * so the same input always gives the same bytes (tests/examples compares them with the files in
 * the repository). Regenerate the example journal's files with `npx tsx scripts/make-example-files.ts`.
 */
// PNG's chunk checksum is zlib's CRC-32 (ISO/IEC 15948 §5.5).
import { crc32, deflateSync } from 'node:zlib';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** PDF string literal: backslash, parentheses escaped; anything outside printable ASCII becomes `?`. */
const pdfString = (text: string): string => `(${text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A one-page A4 PDF 1.4 showing `lines` in Helvetica (ISO 32000-1 §7.5: header, body, cross-reference
 * table with each object's byte offset, trailer). Readers open it; `%PDF-` starts it.
 */
export function samplePdf(title: string, lines: readonly string[]): Uint8Array {
  const text = [`BT /F1 16 Tf 72 770 Td ${pdfString(title)} Tj ET`, ...lines.map((line, k) => `BT /F1 11 Tf 72 ${740 - k * 16} Td ${pdfString(line)} Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (Colophon sample files) >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, k) => {
    offsets.push(body.length);
    body += `${k + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(body);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A `width`×`height` PNG in one RGB colour with a darker band across the middle (PNG spec: signature, IHDR, IDAT, IEND). */
export function samplePng(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const band = Math.abs(y - height / 2) < height / 8 ? 0.6 : 1;
    for (let x = 0; x < width; x++) raw.set(rgb.map((v) => Math.round(v * band)), y * (1 + width * 3) + 1 + x * 3);
  }
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
