import { describe, expect, it } from 'vitest';
import { oaiDc } from '#core/oai/oai-dc';
import { serializeXml } from '#core/xml/tree';
import { validateXml } from '#tests/helpers/xsd';
import { allRecords, recordById } from './fixtures.ts';
import { elements, parseXml, text, type Node } from './read.ts';

/** The dc elements of one record as [name, xml:lang, text] triples, in document order. */
const fields = (id: string): [string, string | undefined, string][] =>
  elements(parseXml(serializeXml(oaiDc(recordById(id))))).map((e: Node) => [e.name.replace('dc:', ''), e.attrs['xml:lang'], text(e)]);
const values = (id: string, name: string): string[] => fields(id).filter(([n]) => n === name).map(([, , v]) => v);

describe('oai_dc from the normalised model', () => {
  it('maps the seed article field by field', () => {
    // Act
    const dc = fields('edemskiy');
    // Assess
    expect(dc.filter(([n]) => n !== 'subject' && n !== 'description')).toEqual([
      ['title', 'en', 'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961'],
      ['creator', undefined, 'Edemskiy, Andrey'],
      ['publisher', undefined, 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts'],
      ['date', undefined, '2019'],
      ['type', undefined, 'info:eu-repo/semantics/article'],
      ['type', undefined, 'info:eu-repo/semantics/publishedVersion'],
      ['type', undefined, 'Text'],
      ['identifier', undefined, 'https://doi.org/10.2298/BALC1950375E'],
      ['identifier', undefined, 'https://balcanica.rs/doi/10.2298/BALC1950375E/'],
      ['source', undefined, 'Balcanica - Annual of the Institute for Balkan Studies; Vol. L (2019); 375-396'],
      ['source', undefined, '0350-7653'],
      ['source', undefined, '2406-0801'],
      ['language', undefined, 'en'],
    ]);
    expect(values('edemskiy', 'subject')).toHaveLength(8);
    expect(values('edemskiy', 'description')[0]).toMatch(/^Disagreement between Khrushchev/);
  });

  it('keeps every title with its language, markup flattened, subtitle after a colon', () => {
    expect(fields('a01-petrovic').filter(([n]) => n === 'title')).toEqual([
      ['title', 'en', 'The Danube Question and the Acta Bosniaca, 1878–1914: Sources in Serbian, Albanian & Russian'],
      ['title', 'sr', 'Дунавско питање и Acta Bosniaca, 1878–1914'],
      ['title', 'de', 'Die Donaufrage und die Acta Bosniaca: Quellen aus drei Sprachen'],
    ]);
  });

  it('lists the authors in order as creators (person, mononym, organisation) and the translator as contributor', () => {
    expect(values('a01-petrovic', 'creator')).toEqual(['Petrović, Jelena', 'Hoxha, Arben, Jr.', 'Ardita', 'Balkan Archives Working Group']);
    expect(values('a01-petrovic', 'contributor')).toEqual(['Иванова, Ольга']);
  });

  it('gives abstracts per language, galley media types, relations and rights', () => {
    // Act
    const dc = fields('a01-petrovic');
    // Assess
    expect(dc.filter(([n]) => n === 'description').map(([, lang]) => lang)).toEqual(['en', 'fr', 'sr']);
    expect(values('a01-petrovic', 'description')[0]).toContain('H2O-stained consular reports & the Acta Bosniaca');
    expect(values('a01-petrovic', 'format')).toEqual(['application/pdf', 'application/epub+zip']);
    expect(values('a01-petrovic', 'relation')).toEqual(['https://doi.org/10.2298/BALC1950375E']);
    expect(values('a01-petrovic', 'rights')).toEqual(['https://creativecommons.org/licenses/by-nc-nd/4.0/', 'Copyright (c) 2024 Jelena Petrović and Arben Hoxha']);
    expect(values('a01-petrovic', 'date')).toEqual(['2024-11']);
  });

  it.each(allRecords().map((r) => ({ id: r.article.id, record: r })))('$id: valid against oai_dc.xsd, no e-mail address', ({ record }) => {
    // Prepare: the bundle schema checks a bare oai_dc:dc too (it imports oai_dc.xsd)
    const xml = serializeXml(oaiDc(record));
    // Act / Assess
    expect(validateXml('oai', xml).errors).toEqual([]);
    expect(xml).not.toMatch(/@example\.org/);
  });
});
