/**
 * The site's /favicon.ico (issue 15's follow-up): a well-formed ICO that browsers decode, one
 * 16×16 image with alpha. Whether a browser shows it is checked on the stand-in
 * (tests/integration/console-goal.test.ts: no /favicon.ico 404 in the console's log).
 */
import { describe, expect, it } from 'vitest';
import { FAVICON_KEY, faviconBytes } from '#core/site/favicon';

describe('the site icon', () => {
  it('is one 16×16 32-bit image whose directory entry names its true length and place', () => {
    // Act
    const bytes = faviconBytes();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Assess: ICONDIR
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 1]);
    // ICONDIRENTRY: width, height, planes, bits, length, offset
    expect([bytes[6], bytes[7], view.getUint16(10, true), view.getUint16(12, true)]).toEqual([16, 16, 1, 32]);
    const length = view.getUint32(14, true);
    const offset = view.getUint32(18, true);
    expect(offset + length).toBe(bytes.length);
    // BITMAPINFOHEADER: 40 bytes, 16 wide, 32 high (image and mask), 32 bits, uncompressed
    expect([view.getUint32(offset, true), view.getInt32(offset + 4, true), view.getInt32(offset + 8, true), view.getUint16(offset + 14, true), view.getUint32(offset + 16, true)]).toEqual([40, 16, 32, 32, 0]);
    expect(length).toBe(40 + 16 * 16 * 4 + 16 * 4);
  });

  it('is opaque but for its rounded corners, and the same bytes every time (written only when changed)', () => {
    // Act
    const bytes = faviconBytes();
    const pixel = (x: number, y: number): number => bytes[22 + 40 + ((15 - y) * 16 + x) * 4 + 3]!;
    // Assess: alpha of the top-left corner, the middle, the bottom-right corner
    expect([pixel(0, 0), pixel(8, 8), pixel(15, 15)]).toEqual([0, 255, 0]);
    expect(faviconBytes()).toEqual(bytes);
    expect(FAVICON_KEY).toBe('favicon.ico');
  });
});
