/**
 * `journal_article`: every element in the order crossref5.4.0.xsd requires. The `fr:`/`ai:` programs
 * sit directly in the article, or inside `crossmark` when the journal names its Crossmark policy
 * (the schema makes them alternatives; crossmark.ts).
 */
import type { Journal } from '../model/journal.ts';
import type { Article } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { abstract } from './abstract.ts';
import { aiProgram } from './ai-program.ts';
import { citationList } from './citation-list.ts';
import { contributors } from './contributors.ts';
import { crossmark } from './crossmark.ts';
import { acceptanceDate, publicationDates } from './dates.ts';
import { articleDoiData } from './doi-data.ts';
import { frProgram } from './fr-program.ts';
import { pages } from './pages.ts';
import { publisherItem } from './publisher-item.ts';
import { relProgram } from './rel-program.ts';
import { titles } from './titles.ts';
import { crossrefLanguage } from './vocabulary.ts';

export function journalArticle(journal: Journal, article: Article): XmlElement {
  const programs = [frProgram(article.funding), aiProgram(article.license, article.dates.published, article.free_to_read)];
  const record = crossmark(journal, article, programs);
  return el(
    'journal_article',
    { publication_type: 'full_text', language: crossrefLanguage(article.language) },
    article.titles.map(titles),
    contributors(article.contributors),
    article.abstracts.map(abstract),
    publicationDates(article.dates.published),
    acceptanceDate(article.dates.accepted),
    pages(article.pages),
    publisherItem(article.article_number),
    record ?? programs,
    relProgram(article.relations),
    articleDoiData(journal, article),
    citationList(article.references),
  );
}
