/**
 * The four-digit year a printed year holds, as a whole number (1991 of "1991a", 2003 of
 * "2003–2004"): what outputs that take a year only state. Apart from the reference schema
 * (references.ts) so that renderers import no zod.
 */
const FOUR_DIGITS = /(?:^|\D)(\d{4})(?:\D|$)/;
export const yearOfPrinted = (printed: string | undefined): string | undefined => (printed === undefined ? undefined : FOUR_DIGITS.exec(printed)?.[1]);
