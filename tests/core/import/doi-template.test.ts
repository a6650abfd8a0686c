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
    expect(out).toEqual({ ok: true, doi: '10.5555/balcanica.2019.l.2.p375.7.1234' });
  });

  it.each([
    ['Vol. L', 'vol-l'],
    ['  Ćirić  Đurić ', 'ciric-duric'],
    ['Spring & Summer', 'spring-summer'],
    ['Suppl. (2)', 'suppl-2'],
    ['№ 3', 'no-3'],
    ['3–4', '3-4'],
    ['3 — 4', '3-4'],
    ['1/2', '1/2'],
    ['2..3', '2.3'],
    ['-12.', '12'],
    ['Том 3', '3'],
    ['Том', ''],
    ['…', ''],
  ])('normalises %j to %j (lower case, no accents, dashes, spaces and punctuation as one -, no separator at the ends)', (value, text) => {
    expect(doiSuffixText(value)).toBe(text);
  });

  it('keeps the fixed text of the template as written', () => {
    // Act
    const out = expandDoiTemplate(template('10.5555/BALC.{volume}'), { volume: 'L' });

    // Assess
    expect(out).toEqual({ ok: true, doi: '10.5555/BALC.l' });
  });

  it('gives a double issue with an en dash its dash', () => {
    // Act
    const out = expandDoiTemplate(template('10.5555/balc.{volume}.{issue}.{seq}'), { volume: '12', issue: '3–4', seq: 5 });

    // Assess
    expect(out).toEqual({ ok: true, doi: '10.5555/balc.12.3-4.5' });
  });

  it('gives no DOI when a token has no value, naming every such token, so that no two meanings share a DOI', () => {
    // Prepare
    const t = template('10.5555/corpus.{volume}.{issue}.{seq}');

    // Act
    const noVolume = expandDoiTemplate(t, { issue: '2', seq: 1 });
    const noIssue = expandDoiTemplate(t, { volume: '2', seq: 1 });
    const neither = expandDoiTemplate(t, { volume: ' ', seq: 3 });

    // Assess
    expect(noVolume).toEqual({ ok: false, missing: ['volume'], unusable: [] });
    expect(noIssue).toEqual({ ok: false, missing: ['issue'], unusable: [] });
    expect(neither).toEqual({ ok: false, missing: ['volume', 'issue'], unusable: [] });
  });

  it('gives no DOI when a value keeps no Latin letter or digit, and says so apart from a missing one', () => {
    // Act
    const out = expandDoiTemplate(template('10.5555/zb.{volume}.{seq}'), { volume: 'Том', seq: 1 });

    // Assess
    expect(out).toEqual({ ok: false, missing: [], unusable: [{ token: 'volume', value: 'Том' }] });
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
    ['a suffix ending in a separator', '10.5555/balc.{seq}.', /its suffix ends with the separator "\."/],
    ['a suffix ending in a slash', '10.5555/balc.{seq}/', /its suffix ends with the separator "\/"/],
    ['a suffix starting with a separator', '10.5555/-{seq}', /its suffix starts with the separator "-"/],
    ['two tokens side by side', '10.5555/balc.{volume}{issue}.{seq}', /\{volume\}\{issue\} side by side make DOIs ambiguous; put a separator between them/],
  ])('rejects %s', (_name, text, problem) => {
    // Act
    const parsed = parseDoiTemplate(text);

    // Assess
    expect(parsed.ok ? '' : parsed.problem).toMatch(problem);
  });
});
