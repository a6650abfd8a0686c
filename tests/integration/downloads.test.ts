/**
 * The six citation downloads on the local stand-in (issue 16): Render writes one object per article
 * instead of six files, and the stage serves the same URLs from it through the Downloads function,
 * routed as the distribution's behaviours route them (the template's path patterns). The bytes and
 * headers are those the renderers give the static files (`colophon build`); a scheduled article's
 * are not there before its release; a withdrawn article keeps its citation (its notice page links
 * it) and loses its reference lists; nothing but the six names is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '#core/model/index';
import { DOWNLOAD_NAMES } from '#core/publish/downloads';
import { articleOutputs, type Output } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { cacheControlFor } from '#core/site/files';
import { checkMetadata } from '#cli/check';
import { DOWNLOAD_PATH_PATTERNS } from '#infra/constructs/site-distribution';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { FIXTURE_DIR, FIXTURE_DOIS, fixtureSources, withArticle } from './fixtures.ts';
import { siteKeys } from './inspect.ts';

const [CITES, HELD, NOTICE] = FIXTURE_DOIS;
const FUTURE = (text: string): string => text.replace('online: 2024-10-15', 'online: 2030-12-15');
const WITHDRAW = (text: string): string => `${text}withdrawn:\n  date: 2025-02-03\n  reason: Published in error.\n`;

/** What the renderers give as files for each article of the fixture (what `colophon build` writes), by key. */
function staticFiles(): Map<string, Output> {
  const checked = checkMetadata(FIXTURE_DIR);
  if (checked.problems.length > 0) throw new Error(`the fixture does not check: ${JSON.stringify(checked.problems)}`);
  const out = new Map<string, Output>();
  for (const { bundle } of checked.issues) for (const article of bundle.articles) for (const o of articleOutputs(bundle, article as Article, { engine: citeproc })) out.set(o.key, o);
  return out;
}

const get = (path: string): Promise<Response> => fetch(`${stage.stack.siteUrl}${path}`);
const articleObjects = async (doi: string): Promise<string[]> => (await siteKeys(stage.stack)).filter((k) => k.startsWith(`doi/${doi}/`)).map((k) => k.slice(`doi/${doi}/`.length));

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  // a02 is held until 2030-12-15 (scheduled).
  await publishSources(stage.stack, withArticle(fixtureSources(), 'a02-mueller.yaml', FUTURE));
  await stage.stack.drain();
});
afterAll(() => stage.stop());

describe('the citation downloads of a published article', () => {
  it('go to the API as the template\'s distribution sends them: its behaviours with a custom origin', () => {
    expect(stage.stack.model.apiPathPatterns).toEqual([...DOWNLOAD_PATH_PATTERNS, '/api/*']);
  });

  it('are stored as one object beside the landing page: three objects a rendered article, not eight (and its galley)', async () => {
    expect(stage.errors).toEqual([]);
    expect((await articleObjects(CITES)).sort()).toEqual(['a01-petrovic.pdf', 'article.xml', 'downloads.json', 'index.html']);
  });

  it.each([CITES, NOTICE])('are served at their URLs byte for byte as the renderers give the files, with their headers (%s)', async (doi) => {
    const files = staticFiles();
    for (const name of DOWNLOAD_NAMES) {
      const key = `doi/${doi}/${name}`;
      const response = await get(`/${key}`);
      const file = files.get(key);
      if (file === undefined) {
        expect(response.status, key).toBe(404);
        continue;
      }
      expect(response.status, key).toBe(200);
      expect(await response.text(), key).toBe(file.body);
      expect(response.headers.get('content-type'), key).toBe(file.contentType);
      expect(response.headers.get('cache-control'), key).toBe(cacheControlFor(key));
    }
  });

  it('are not there for a scheduled article before its release', async () => {
    for (const name of DOWNLOAD_NAMES) expect((await get(`/doi/${HELD}/${name}`)).status, name).toBe(404);
    expect(await articleObjects(HELD)).toEqual([]);
  });

  it.each([
    ['the downloads object itself', `/doi/${CITES}/downloads.json`],
    ['a name in another case', `/doi/${CITES}/Citation.ris`],
    ['a DOI with no article', '/doi/10.5555/none/citation.ris'],
    ['a path that is no DOI', '/doi/robots/citation.ris'],
    ['dot segments out of doi/', '/doi/10.5555/%2E%2E/%2E%2E/%2E%2E/404.html/citation.ris'],
  ])('answer 404 for %s', async (_what, path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe('the citation downloads of a withdrawn article', () => {
  beforeAll(async () => {
    await publishSources(stage.stack, withArticle(withArticle(fixtureSources(), 'a02-mueller.yaml', FUTURE), 'a01-petrovic.yaml', WITHDRAW));
    await stage.stack.drain();
  });

  it('keep its citation, which the notice page links, and lose its reference lists', async () => {
    const page = await (await get(`/doi/${CITES}/`)).text();
    expect(page).toContain('This article has been withdrawn');
    const status = Object.fromEntries(await Promise.all(DOWNLOAD_NAMES.map(async (name) => [name, (await get(`/doi/${CITES}/${name}`)).status] as const)));
    expect(status).toEqual({ 'citation.ris': 200, 'citation.bib': 200, 'citation.json': 200, 'references.ris': 404, 'references.bib': 404, 'references.json': 404 });
    for (const name of ['citation.ris', 'citation.bib', 'citation.json']) expect(page).toContain(`<a href="${name}"`);
    for (const name of ['references.ris', 'references.bib', 'references.json']) expect(page).not.toContain(`href="${name}"`);
    expect(stage.errors).toEqual([]);
  });
});
