/**
 * The CSL-JSON download (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html):
 * the article's CSL item, as reference managers (Zotero, Mendeley, Pandoc) import it, beside
 * the landing page. Its file name belongs in core/urls.ts `ARTICLE_FILES` (as `csl`) once the
 * publish step renders it for the handlers too; until then this module is its one rule.
 */
import type { Article, IssueBundle, Journal } from '#core/model/index';
import { doiPath, keyUrl } from '#core/urls';
import { toCsl } from './to-csl.ts';

export const CSL_JSON_FILE = 'citation.json';

/** The media type IANA registered for CSL-JSON (https://www.iana.org/assignments/media-types/application/vnd.citationstyles.csl+json). */
export const CSL_JSON_CONTENT_TYPE = 'application/vnd.citationstyles.csl+json; charset=utf-8';

/** The site key of an article's CSL-JSON file, beside its landing page. */
export const cslJsonKey = (doi: string): string => `${doiPath(doi)}/${CSL_JSON_FILE}`;
export const cslJsonUrl = (journal: Journal, doi: string): string => keyUrl(journal.base_url, cslJsonKey(doi));

/**
 * The file: a CSL-JSON array holding the one item (the schema's top level is an array of items),
 * indented for people who open it. The title keeps its inline markup as citeproc's mini-HTML.
 */
export const toCslJson = (bundle: IssueBundle, article: Article): string => `${JSON.stringify([toCsl(bundle, article)], null, 2)}\n`;
