import { describe, expect, it } from 'vitest';
import { caseById } from '../cite/load.ts';
import { highwire, metas, renderCase, renderId } from './page.ts';

describe('Highwire citation_* tags for the Balcanica seed', () => {
  const page = renderId('edemskiy');

  it('lists the tags Google Scholar reads, with the seed values, in order', () => {
    // Assess: every value written by hand from the seed metadata.
    expect(highwire(page)).toEqual([
      ['citation_title', 'Additional Evidence on the Final Break between Moscow and Tirana in 1960\u20131961'],
      ['citation_author', 'Edemskiy, Andrey'],
      ['citation_author_institution', 'Institute for Slavic Studies, Russian Academy of Sciences'],
      ['citation_publication_date', '2019'],
      ['citation_online_date', '2023/02/01'],
      ['citation_journal_title', 'Balcanica - Annual of the Institute for Balkan Studies'],
      ['citation_journal_abbrev', 'Balcanica'],
      ['citation_issn', '0350-7653'],
      ['citation_issn', '2406-0801'],
      ['citation_publisher', 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts'],
      ['citation_volume', 'L'],
      ['citation_firstpage', '375'],
      ['citation_lastpage', '396'],
      ['citation_doi', '10.2298/BALC1950375E'],
      ['citation_language', 'en'],
      ['citation_keywords', 'nationalism'],
      ['citation_keywords', 'national interest'],
      ['citation_keywords', 'confrontation'],
      ['citation_keywords', 'Soviet-Albanian conflict'],
      ['citation_keywords', 'Enver Hoxha'],
      ['citation_keywords', 'Khrushchev'],
      ['citation_keywords', 'RGANI'],
      ['citation_keywords', 'failed Communist brotherhood'],
      ['citation_abstract_html_url', 'https://balcanica.rs/doi/10.2298/BALC1950375E/'],
    ]);
  });

  it('has eight keywords and the en dash in the title', () => {
    expect(metas(page, 'citation_keywords')).toHaveLength(8);
    expect(metas(page, 'citation_title')[0]).toContain('1960\u20131961');
  });

  it('has no PDF, issue or reference tags: the seed has no galley, issue number or references', () => {
    for (const name of ['citation_pdf_url', 'citation_issue', 'citation_reference', 'citation_author_orcid']) expect(metas(page, name)).toEqual([]);
  });
});

describe('Highwire tags for the rich fixture', () => {
  const page = renderCase(caseById('a01-petrovic'));

  it('follows each author with that author’s institutions and ORCID iD, translators left out', () => {
    const authorTags = highwire(page).filter(([name]) => name.startsWith('citation_author'));
    expect(authorTags).toEqual([
      ['citation_author', 'Petrović, Jelena'],
      ['citation_author_institution', 'Institute for Balkan Studies, SASA'],
      ['citation_author_institution', 'University of Belgrade, Faculty of Philosophy'],
      ['citation_author_orcid', 'https://orcid.org/0000-0002-1825-0097'],
      ['citation_author', 'Hoxha, Arben, Jr.'],
      ['citation_author_institution', 'Akademia e Studimeve Albanologjike'],
      ['citation_author', 'Ardita'],
      ['citation_author', 'Balkan Archives Working Group'],
    ]);
  });

  it('gives the issue, the print date as cited, the PDF and one tag per reference', () => {
    expect(metas(page, 'citation_issue')).toEqual(['3']);
    expect(metas(page, 'citation_publication_date')).toEqual(['2024/11']);
    expect(metas(page, 'citation_online_date')).toEqual(['2024/10/15']);
    expect(metas(page, 'citation_pdf_url')).toEqual(['https://journal.example.org/sbt/doi/10.5555/sbt.2024.001/a01-petrovic.pdf']);
    expect(metas(page, 'citation_reference')).toEqual([
      'Jelavich, Barbara. Russia\'s Balkan Entanglements, 1806\u20131914. Cambridge University Press, 1991.',
      'Hoxha, Enver. Hrushovianët. Tiranë, 1980.',
      'Petrović, J. \u201cConsuls on the Danube.\u201d Balcanica 50 (2019) 1\u201320. https://doi.org/10.2298/BALC1950001P',
      'Шемякин, А. Л. Сербия и Россия. Москва, 2015.',
    ]);
  });

  it('keeps the keywords of every language', () => {
    expect(metas(page, 'citation_keywords')).toEqual(['Danube', 'consular reports', 'Habsburg Bosnia', 'Danube', 'rapports consulaires', 'Дунав', 'конзуларни извештаји']);
  });

  it('gives an article number as first page when there are no pages', () => {
    const numbered = renderCase(caseById('a03-article-number'));
    expect(metas(numbered, 'citation_firstpage')).toEqual(['e7']);
    expect(metas(numbered, 'citation_lastpage')).toEqual([]);
  });
});
