/**
 * Where the article sits in the issue: volume and number as printed (`L` stays `L`), pages as
 * printed (`xiv`), or the article number for journals that number articles instead of paging them.
 */
import type { Issue } from '../model/issue.ts';
import { plainText } from '../model/markup.ts';
import type { Article } from '../model/resolved.ts';
import { leaf, type XmlElement } from '../xml/tree.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/volume.html */
export const volume = (issue: Issue): XmlElement | undefined => leaf('volume', issue.volume);

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/issue.html */
export const issueNumber = (issue: Issue): XmlElement | undefined => leaf('issue', issue.number);

/**
 * Plain text: the Publishing 1.4 XSD allows no emphasis in an issue title, so `<i>` there is
 * dropped, its words kept (https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/issue-title.html).
 */
export const issueTitle = (issue: Issue): XmlElement | undefined => leaf('issue-title', issue.title && plainText(issue.title));

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/fpage.html */
export const fpage = (article: Article): XmlElement | undefined => leaf('fpage', article.pages?.first);

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/lpage.html */
export const lpage = (article: Article): XmlElement | undefined => leaf('lpage', article.pages?.last);

/**
 * The article number. JATS takes pages or an elocation-id, not both; printed pages win when an
 * article has both (https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/elocation-id.html).
 */
export const elocationId = (article: Article): XmlElement | undefined =>
  article.pages ? undefined : leaf('elocation-id', article.article_number);
