/** What the model says about an article, in the shape the fact extractors (facts.ts, citation-facts.ts) return. */
import { citedDate } from '#core/cite/index';
import { isoDate, plainText, type Article, type IssueBundle } from '#core/model/index';
import type { Facts } from './facts.ts';

export function truth(bundle: IssueBundle, article: Article): Facts {
  const main = article.titles[0];
  const authors = article.contributors.filter((c) => c.role === 'author');
  const { online } = article.dates.published;
  return {
    doi: article.doi,
    title: plainText(main.title) + (main.subtitle ? `: ${plainText(main.subtitle)}` : ''),
    authors: authors.map((c) => (c.kind === 'organization' ? c.name : [c.surname, c.given_names, c.suffix].filter(Boolean).join(', '))),
    orcids: authors.map((c) => (c.kind === 'person' && c.orcid) || '-'),
    issns: [bundle.journal.issn.print, bundle.journal.issn.electronic].filter((v): v is string => v !== undefined).sort(),
    volume: bundle.issue.volume,
    issue: bundle.issue.number,
    firstPage: article.pages?.first ?? article.article_number,
    lastPage: article.pages?.last,
    year: String(citedDate(bundle, article).year),
    onlineDate: online && isoDate(online),
    license: article.license?.url,
  };
}

