/** References as data: the documented type rule for text-only references, the parts' checks, and canonical licence URLs. */
import { describe, expect, it } from 'vitest';
import { canonicalLicenseUrl, inferReferenceType, parseMarkup, reference } from '#core/model/index';

const markup = (s: string) => {
  const parsed = parseMarkup(s);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
};

describe('the type of a reference given only as text', () => {
  it.each([
    ['Petrović, J. “Consuls on the Danube.” <i>Balcanica</i> 50 (2019) 1–20.', 'journal-article'],
    ['Smith, A. Title. <i>Journal</i>, vol. 3, no. 2, 2001.', 'journal-article'],
    ['Jelavich, Barbara. <i>Russia’s Balkan Entanglements</i>. Cambridge, 1991.', 'book'],
    ['Mazower, M. “The Balkans.” In: C. Clark (ed.), <i>Europe 1900</i>. London, 2005.', 'chapter'],
    ['Nikolić, D. Serbian consuls, 1878–1914. PhD thesis, University of Belgrade, 2010.', 'thesis'],
    ['Doe, J. Deep learning. arXiv:2101.00001, 2021.', 'preprint'],
    ['Proceedings of the Third Balkan Congress, Sofia 1966.', 'conference-paper'],
    ['World Bank. Serbia economic report. Washington, 2019.', 'report'],
    ['Census microdata [Data set]. Statistical Office, 2011.', 'dataset'],
    ['R Core Team. R: A language and environment [Computer software]. Vienna, 2020.', 'software'],
    ['Institute for Balkan Studies. https://www.balkaninstitut.com/, accessed 31 May 2024.', 'web-page'],
    ['Archive of Yugoslavia, fond 370, f. 12.', 'other'],
  ])('%s → %s', (text, type) => {
    expect(inferReferenceType(markup(text))).toBe(type);
  });

  it('every reference gets a type: stated, or from the rule, never none', () => {
    expect(reference.parse('Archive of Yugoslavia, fond 370.').type).toBe('other');
    expect(reference.parse({ citation: 'Anything', type: 'dataset' }).type).toBe('dataset');
    expect(reference.parse({ citation: 'Some text', source: 'J', volume: 3 }).type).toBe('journal-article');
  });

  it('keeps the parts, people and organisations apart', () => {
    const r = reference.parse({ citation: 'x', authors: [{ family_name: 'Jelavich', given_name: 'Barbara' }, { organization: 'UNESCO' }], year: 1991, first_page: 375, last_page: 396 });
    expect(r.authors).toEqual([{ kind: 'person', surname: 'Jelavich', given_names: 'Barbara' }, { kind: 'organization', name: 'UNESCO' }]);
    expect([r.year, r.first_page, r.last_page]).toEqual(['1991', '375', '396']);
  });

  it.each([
    [{ citation: 'x', first_page: 1, article_number: 'e7' }, 'give pages or an article number, not both'],
    [{ citation: 'x', last_page: 9 }, 'a last page needs a first page'],
    [{ citation: 'x', year: 'n.d.' }, 'must hold a four-digit year'],
    [{ citation: 'x', authors: [{ given_name: 'B.' }] }, 'give family_name'],
    [{ citation: 'x', type: 'novel' }, 'Invalid option'],
  ])('refuses %j', (value, message) => {
    const result = reference.safeParse(value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe('licence URLs', () => {
  it.each([
    ['http://creativecommons.org/licenses/by/4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['https://creativecommons.org/licenses/BY-NC-ND/4.0/legalcode', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['http://www.creativecommons.org/licenses/by-sa/3.0/rs/deed.sr', 'https://creativecommons.org/licenses/by-sa/3.0/rs/'],
    ['https://creativecommons.org/licenses/by/4.0/deed.fr', 'https://creativecommons.org/licenses/by/4.0/'],
    ['http://creativecommons.org/publicdomain/zero/1.0/', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['https://www.elsevier.com/tdm/userlicense/1.0/', 'https://www.elsevier.com/tdm/userlicense/1.0/'],
  ])('%s → %s', (typed, canonical) => {
    expect(canonicalLicenseUrl(typed)).toBe(canonical);
  });
});
