import { describe, expect, it } from 'vitest';
import { doiSuffixText, expandDoiTemplate, parseDoiTemplate, type DoiTemplate } from '#core/import/doi-template';

const template = (text: string): DoiTemplate => {
  const parsed = parseDoiTemplate(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.template;
};

describe('DOI templates', () => {
  it('fills in every token', () => {
    // Prepare
    const t = template('10.5555/{journal}.{year}.{volume}.{issue}.p{first_page}.{seq}.{id}');

    // Act
    const out = expandDoiTemplate(t, { journal: 'balcanica', year: 2019, volume: 'L', issue: '2', first_page: '375', seq: 7, id: '1234' });

    // Assess
    expect(out).toEqual({ doi: '10.5555/balcanica.2019.l.2.p375.7.1234', missing: [] });
  });

  it.each([
    ['Vol. L', 'vol.-l'],
    ['  Ćirić  Đurić ', 'ciric-duric'],
    ['Spring & Summer', 'spring--summer'],
    ['Suppl. (2)', 'suppl.-(2)'],
    ['№ 3', 'no-3'],
  ])('normalises %j to %j (lower case, no accents, spaces as -, other characters dropped)', (value, text) => {
    expect(doiSuffixText(value)).toBe(text);
  });

  it('keeps the fixed text of the template as written', () => {
    // Act
    const out = expandDoiTemplate(template('10.5555/BALC.{volume}'), { volume: 'L' });

    // Assess
    expect(out.doi).toBe('10.5555/BALC.l');
  });

  it('leaves a token without a value out, with the separators before it, and says which', () => {
    // Prepare
    const t = template('10.5555/corpus.{volume}.{issue}.{seq}');

    // Act
    const noVolume = expandDoiTemplate(t, { issue: '2', seq: 1 });
    const neither = expandDoiTemplate(t, { seq: 3 });
    const leading = expandDoiTemplate(template('10.5555/{volume}-{seq}'), { seq: 4 });

    // Assess
    expect(noVolume).toEqual({ doi: '10.5555/corpus.2.1', missing: ['volume'] });
    expect(neither).toEqual({ doi: '10.5555/corpus.3', missing: ['volume', 'issue'] });
    expect(leading.doi).toBe('10.5555/4');
  });

  it.each([
    ['a prefix that is too short', '10.55/x.{seq}', /"10\.55" is not a DOI prefix/],
    ['a prefix with a scheme', 'doi:10.5555/x.{seq}', /"doi:10\.5555" is not a DOI prefix/],
    ['a prefix not starting 10.', '11.5555/x.{seq}', /"11\.5555" is not a DOI prefix/],
    ['a token in the prefix', '10.{journal}/x.{seq}', /is not a DOI prefix/],
    ['no suffix', '10.5555', /has no \/suffix/],
    ['an unknown token', '10.5555/x.{vol}', /unknown token \{vol\}; the tokens are \{journal\}, \{year\}, \{volume\}, \{issue\}, \{first_page\}, \{seq\}, \{id\}/],
    ['a character outside the suffix set', '10.5555/x y.{seq}', /" " cannot be in a DOI suffix/],
    ['an unclosed brace', '10.5555/x.{seq', /"\{" cannot be in a DOI suffix/],
    ['no token', '10.5555/balc', /has no token, so every article would get the same DOI/],
  ])('rejects %s', (_name, text, problem) => {
    // Act
    const parsed = parseDoiTemplate(text);

    // Assess
    expect(parsed.ok ? '' : parsed.problem).toMatch(problem);
  });
});
