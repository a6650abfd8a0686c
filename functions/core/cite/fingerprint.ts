/**
 * A 64-bit FNV-1a hash (http://www.isthe.com/chongo/tech/comp/fnv/, draft-eastlake-fnv) of a
 * string's UTF-16 code units, as 16 hex digits: the cheap check that citations kept with an
 * article version were rendered from the same input (stored-citations.ts). Not a defence
 * against a forger: nobody but Colophon writes the records table, and the question is only
 * whether its own input changed (a chance collision is 1 in 2^64). Core may not import
 * `node:crypto`, and the pure SHA-256 of core/oai/checksum.ts costs ~0.2 ms on a 3 KB item,
 * a tenth of a landing page's budget; this costs a few microseconds.
 */

/** Multiplies the hash (four 16-bit limbs, lowest first) by the FNV prime 2^40 + 0x1b3, modulo 2^64. */
export function fnv64(text: string): string {
  // The offset basis 0xcbf29ce484222325.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i += 1) {
    h0 ^= text.charCodeAt(i);
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const hex = (limb: number): string => limb.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
