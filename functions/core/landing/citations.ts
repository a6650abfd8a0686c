/**
 * The citations a landing page shows, rendered ahead of the page to be kept with the article's
 * version (core/cite/stored-citations.ts): Ingest calls this when it stores a version, and Render
 * gives the result back to `renderLandingPage`. The page cites the article as it shows it (a
 * withdrawn article without its abstract and keywords), so the kept citations are made from that
 * same view and their item hash matches the page's. Not exported by ./index.ts: it loads citeproc,
 * which only Ingest's citations.mjs should carry.
 */
import { citeproc } from '#core/cite/engine';
import { citationsToStore, type StoredCitations } from '#core/cite/index';
import type { Article, IssueBundle } from '#core/model/index';
import { withdrawnView } from '#core/model/withdrawn-view';

export const landingCitations = (bundle: IssueBundle, article: Article): StoredCitations => citationsToStore(bundle, withdrawnView(article), { engine: citeproc });
