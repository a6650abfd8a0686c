/**
 * The console preview's renderer, as its own module: infra bundles it beside the Admin handler
 * (preview.mjs, infra/constructs/staff-api.ts) and the handler imports it on the first preview, so
 * the landing renderer and citeproc cost nothing at a cold start. A draft has no kept citations:
 * citeproc renders How to Cite.
 */
import { citeproc } from '#core/cite/engine';
import { renderLandingPage as render } from '#core/landing/index';
import type { Article, IssueBundle } from '#core/model/index';

export const renderLandingPage = (bundle: IssueBundle, article: Article): string => render(bundle, article, { engine: citeproc });
