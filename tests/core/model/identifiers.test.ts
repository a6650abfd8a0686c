import { describe, expect, test } from 'vitest';
import { canonicalDoi, canonicalIssn, canonicalOrcid, canonicalRor, doiPrefix } from '#core/model/identifiers';
import { doi } from '#core/model/primitives';

describe('ISSN (ISO 3297 mod-11 check digit)', () => {
  test.each([
    ['0317-8471', '0317-8471'], // the ISSN International Centre's own example
    ['0350-7653', '0350-7653'], // Balcanica, print
    ['2406-0801', '2406-0801'], // Balcanica, online
    ['2049-3630', '2049-3630'], // check digit 0
    ['2434-561X', '2434-561X'], // check digit X
    ['2434-561x', '2434-561X'], // lower-case x is normalised
    ['03178471', '0317-8471'], // hyphen restored
    [' 0378-5955 ', '0378-5955'],
  ])('%s is valid, as %s', (input, expected) => {
    // Act / Assess
    expect(canonicalIssn(input)).toBe(expected);
  });

  test.each(['0317-8472', '0350-7654', '2434-5610', '2049-363X', '0317-847', '0317-84711', 'ISSN 0317-8471', '0317 8471'])('%s is rejected', (input) => {
    expect(canonicalIssn(input)).toBeNull();
  });
});

describe('ORCID iD (ISO 7064 11,2 checksum)', () => {
  test.each([
    ['0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'], // Josiah Carberry, ORCID's test record
    ['https://orcid.org/0000-0001-5109-3700', 'https://orcid.org/0000-0001-5109-3700'],
    ['http://orcid.org/0000-0002-1694-233X', 'https://orcid.org/0000-0002-1694-233X'], // check character X; http upgraded
  ])('%s is valid, as %s', (input, expected) => {
    expect(canonicalOrcid(input)).toBe(expected);
  });

  test.each(['0000-0002-1825-0098', '0000-0002-1694-2339', '0000-0001-5109-370', '0000000218250097', 'https://example.org/0000-0002-1825-0097', '0000-0002-1825-009x'])(
    '%s is rejected',
    (input) => {
      expect(canonicalOrcid(input)).toBeNull();
    },
  );
});

describe('ROR id', () => {
  test.each([
    ['https://ror.org/05gq02987', 'https://ror.org/05gq02987'], // Brown University
    ['03vek6s52', 'https://ror.org/03vek6s52'], // Harvard University
  ])('%s is valid, as %s', (input, expected) => {
    expect(canonicalRor(input)).toBe(expected);
  });

  test.each(['https://ror.org/5gq02987', 'https://ror.org/15gq02987', 'https://ror.org/05gq0298', 'https://ror.org/05gq0u987', 'https://www.grid.ac/institutes/grid.40263.33'])('%s is rejected', (input) => {
    expect(canonicalRor(input)).toBeNull();
  });
});

describe('DOI', () => {
  test.each([
    ['10.2298/BALC1950375E', '10.2298/BALC1950375E'],
    ['https://doi.org/10.2298/BALC1950375E', '10.2298/BALC1950375E'],
    ['doi:10.5555/sbt.2024.001', '10.5555/sbt.2024.001'],
    ['10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0'],
  ])('%s is a DOI, as %s', (input, expected) => {
    expect(canonicalDoi(input)).toBe(expected);
  });

  test.each(['10.2298', '10.22/x', '11.2298/x', '10.2298/with space', 'BALC1950375E'])('%s is not a DOI', (input) => {
    expect(canonicalDoi(input)).toBeNull();
  });

  test('doiPrefix is the part before the first slash', () => {
    expect(doiPrefix('10.5555/a/b')).toBe('10.5555');
  });

  test.each(['10.5555/../../etc', '10.5555/a//b', '10.5555/./x'])('the model rejects %s, which would name another folder as a path', (input) => {
    // Act
    const result = doi.safeParse(input);
    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('part between slashes');
  });
});
