/** The DOI landing page renderer. */
export { landingCitationEngineNeeded, renderLandingPage } from './page.ts';
export { scriptSafeJson, scholarlyArticle } from './json-ld.ts';
export { licenseName } from './license.ts';
export type { LandingOptions } from './page.ts';
