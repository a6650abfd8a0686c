/** Small OJS native XML exports for the DOI assignment tests: one issue, articles built by `ojsArticle`. */

/** An OJS export of one published issue holding `articles` (see `ojsArticle`). */
export const ojsIssue = (articles: string, issue: { volume?: string; number?: string } = { volume: '1', number: '2' }): string => `<?xml version="1.0"?>
<issues xmlns="http://pkp.sfu.ca"><issue published="1">
  <issue_identification>${issue.volume === undefined ? '' : `<volume>${issue.volume}</volume>`}${issue.number === undefined ? '' : `<number>${issue.number}</number>`}<year>2020</year></issue_identification>
  <date_published>2020-03-10</date_published>
  <articles>${articles}</articles></issue></issues>`;

/** One article; `ids` holds its `<id>` elements (none: no DOI, no submission id). */
export const ojsArticle = (title: string, ids: string, pages = '1-10', surname = 'Marić'): string => `<article current_publication_id="2">${ids}
  <publication id="2" locale="en_US" date_published="2020-03-10"><title locale="en_US">${title}</title>
    <authors><author id="9"><givenname locale="en_US">Ana</givenname><familyname locale="en_US">${surname}</familyname></author></authors>
    <pages>${pages}</pages></publication></article>`;
