/**
 * The site's `/favicon.ico`. Pages carry an empty `<link rel="icon" href="data:,">` (chrome.ts), but
 * whatever is no page of ours still makes browsers ask the root for it: the staff console, a JATS
 * file or sitemap opened in a tab, a PDF, and crawlers that show a site's icon beside its results.
 * Without the file each of those is a 404 in the logs. Drawn here, not shipped as a binary, so a
 * review sees what it is: a 16×16 ICO (one 32-bit BMP image with alpha), a white "C" on the
 * site's link blue (#0645ad, style.ts).
 */

export const FAVICON_KEY = 'favicon.ico';
/** IANA's type for ICO files; browsers sniff the bytes anyway. */
export const FAVICON_CONTENT_TYPE = 'image/vnd.microsoft.icon';

/** Rows top to bottom: `#` the blue ground, `o` the white letter, `.` transparent (the rounded corners). */
const PICTURE = [
  '..############..',
  '.##############.',
  '################',
  '#####oooooo#####',
  '####oooooooo####',
  '###ooo####ooo###',
  '###ooo##########',
  '###ooo##########',
  '###ooo##########',
  '###ooo##########',
  '###ooo####ooo###',
  '####oooooooo####',
  '#####oooooo#####',
  '################',
  '.##############.',
  '..############..',
];

/** Each cell as BMP stores a 32-bit pixel: blue, green, red, alpha. */
const COLOURS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  '#': [0xad, 0x45, 0x06, 0xff],
  o: [0xff, 0xff, 0xff, 0xff],
  '.': [0, 0, 0, 0],
};

const SIZE = 16;
const HEADER = 6 + 16; // ICONDIR, then one ICONDIRENTRY
const INFO = 40; // BITMAPINFOHEADER
const PIXELS = SIZE * SIZE * 4;
const MASK = SIZE * 4; // the AND mask: one bit a pixel, rows padded to 32 bits; all 0, since alpha decides

/** The ICO file's bytes (https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)). */
export function faviconBytes(): Uint8Array {
  const bytes = new Uint8Array(HEADER + INFO + PIXELS + MASK);
  const view = new DataView(bytes.buffer);
  // ICONDIR: reserved, type 1 (icon), one image.
  view.setUint16(2, 1, true);
  view.setUint16(4, 1, true);
  // ICONDIRENTRY: 16×16, no palette, 1 plane, 32 bits, the image's length and where it starts.
  bytes[6] = SIZE;
  bytes[7] = SIZE;
  view.setUint16(10, 1, true);
  view.setUint16(12, 32, true);
  view.setUint32(14, INFO + PIXELS + MASK, true);
  view.setUint32(18, HEADER, true);
  // BITMAPINFOHEADER: the height counts the image and its mask (twice 16), uncompressed.
  view.setUint32(HEADER, INFO, true);
  view.setInt32(HEADER + 4, SIZE, true);
  view.setInt32(HEADER + 8, SIZE * 2, true);
  view.setUint16(HEADER + 12, 1, true);
  view.setUint16(HEADER + 14, 32, true);
  view.setUint32(HEADER + 20, PIXELS + MASK, true);
  // Pixels bottom row first, as BMP stores them.
  PICTURE.toReversed().forEach((row, y) => {
    [...row].forEach((cell, x) => bytes.set(COLOURS[cell]!, HEADER + INFO + (y * SIZE + x) * 4));
  });
  return bytes;
}
