/** Records of the corpus that cannot round-trip, by DOI (lower case), each with the reason. */
export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {};
