/** `<article-meta>`: everything about this article, in the order the JATS 1.4 schema requires. */
import type { Article, IssueBundle } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { abstract, transAbstracts } from './abstract.ts';
import { contribGroup } from './contrib-group.ts';
import { collectionDate, history, pubDates } from './dates.ts';
import { fundingGroup } from './funding-group.ts';
import { elocationId, fpage, issueNumber, issueTitle, lpage, volume } from './issue-info.ts';
import { classificationGroup, kwdGroup } from './kwd-group.ts';
import { permissions } from './permissions.ts';
import { noticeArticle, relatedArticle } from './related-article.ts';
import { selfUris } from './self-uri.ts';
import { titleGroup } from './title-group.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/article-meta.html */
export function articleMeta(bundle: IssueBundle, article: Article): XmlElement {
  const { journal, issue } = bundle;
  return el(
    'article-meta',
    null,
    articleId(article),
    articleCategories(article),
    titleGroup(article),
    contribGroup(article),
    pubDates(article),
    collectionDate(issue, article),
    volume(issue),
    issueNumber(issue),
    issueTitle(issue),
    fpage(article),
    lpage(article),
    elocationId(article),
    history(article),
    permissions(article),
    selfUris(journal, article),
    article.relations.map(relatedArticle),
    (article.updatedBy ?? []).map(noticeArticle),
    abstract(article),
    transAbstracts(article),
    article.keywords.map((group) => kwdGroup(group, article.language)),
    article.classifications.map((group) => classificationGroup(group, article.language)),
    fundingGroup(article),
  );
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/article-id.html */
export const articleId = (article: Article): XmlElement => el('article-id', { 'pub-id-type': 'doi' }, article.doi);

/** The journal section as the display heading. https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/article-categories.html */
export function articleCategories(article: Article): XmlElement | undefined {
  if (article.section === undefined) return undefined;
  return el('article-categories', null, el('subj-group', { 'subj-group-type': 'heading' }, el('subject', null, article.section.title)));
}
