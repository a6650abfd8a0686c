/** Page numbers as printed: arabic (`375`) or roman (`xiv`, `L`), kept as written. */

const ROMAN = /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/i;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export const isRoman = (value: string): boolean => ROMAN.test(value);

/** The numeric value of an arabic or roman page number, or null for other labels (`S12`). */
export function pageValue(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value);
  if (!isRoman(value)) return null;
  let total = 0;
  const chars = value.toLowerCase();
  for (let k = 0; k < chars.length; k += 1) {
    const here = ROMAN_VALUES[chars[k]!]!;
    const next = ROMAN_VALUES[chars[k + 1] ?? ''] ?? 0;
    total += here < next ? -here : here;
  }
  return total;
}
