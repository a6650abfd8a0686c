/**
 * The console preview's renderer, as its own module: infra bundles it beside the Admin handler
 * (preview.mjs, infra/constructs/staff-api.ts) and the handler imports it on the first preview, so
 * the landing renderer and citeproc cost nothing at a cold start.
 */
export { renderLandingPage } from '#core/landing/index';
