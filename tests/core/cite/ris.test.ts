import { describe, expect, it } from 'vitest';
import { toRis } from '#core/cite/index';
import { allCases, caseById, emailsIn } from './load.ts';

/** The record's lines without the CRLF ends, and its tags in order. */
const linesOf = (ris: string): string[] => ris.split('\r\n');
const values = (ris: string, tag: string): string[] => linesOf(ris).filter((l) => l.startsWith(`${tag}  - `)).map((l) => l.slice(6));

describe('toRis', () => {
  it('gives the seed as one JOUR record, the abstract apart', () => {
    // Prepare
    const { bundle, article } = caseById('edemskiy');
    // Act
    const ris = toRis(bundle, article);
    // Assess: written by hand from the RIS tag list (TY first, ER last, two spaces before the hyphen).
    const lines = linesOf(ris).filter((l) => !l.startsWith('AB  - '));
    expect(lines).toEqual([
      'TY  - JOUR',
      'AU  - Edemskiy, Andrey',
      'TI  - Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961',
      'T2  - Balcanica - Annual of the Institute for Balkan Studies',
      'J2  - Balcanica',
      'PY  - 2019',
      'DA  - 2019',
      'VL  - L',
      'SP  - 375',
      'EP  - 396',
      'SN  - 0350-7653',
      'SN  - 2406-0801',
      'PB  - Institute for Balkan Studies, Serbian Academy of Sciences and Arts',
      'CY  - Belgrade',
      'LA  - en',
      'DO  - 10.2298/BALC1950375E',
      'UR  - https://balcanica.rs/doi/10.2298/BALC1950375E/',
      'KW  - nationalism',
      'KW  - national interest',
      'KW  - confrontation',
      'KW  - Soviet-Albanian conflict',
      'KW  - Enver Hoxha',
      'KW  - Khrushchev',
      'KW  - RGANI',
      'KW  - failed Communist brotherhood',
      'ER  - ',
      '',
    ]);
    expect(values(ris, 'AB')).toHaveLength(1);
    expect(values(ris, 'AB')[0]).toMatch(/^Disagreement between Khrushchev .* Soviet-Yugoslav contacts intensified\.$/);
  });

  it('ends every line with CRLF and has no line breaks inside values', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const ris = toRis(bundle, article);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(values(ris, 'AB')[0]).toContain('assumed. A second paragraph');
  });

  it('lists authors only, in order, and links the PDF galley', () => {
    const { bundle, article } = caseById('a01-petrovic');
    const ris = toRis(bundle, article);
    expect(values(ris, 'AU')).toEqual(['Petrović, Jelena', 'Hoxha, Arben, Jr.', 'Ardita', 'Balkan Archives Working Group']);
    expect(values(ris, 'TI')).toEqual(['The Danube Question and the Acta Bosniaca, 1878\u20131914: Sources in Serbian, Albanian & Russian']);
    expect(values(ris, 'DA')).toEqual(['2024/11']);
    expect(values(ris, 'IS')).toEqual(['3']);
    expect(values(ris, 'L1')).toEqual(['https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/a01-petrovic.pdf']);
  });

  it('gives an article number as C7 and no pages', () => {
    const { bundle, article } = caseById('a03-article-number');
    const ris = toRis(bundle, article);
    expect(values(ris, 'C7')).toEqual(['e7']);
    expect(values(ris, 'SP')).toEqual([]);
  });

  it('carries no e-mail address', () => {
    const cases = allCases();
    const all = cases.map(({ bundle, article }) => toRis(bundle, article)).join('');
    for (const email of emailsIn(cases)) expect(all).not.toContain(email);
  });
});
