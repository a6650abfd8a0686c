/**
 * The examples (a corrected, a translated, a withdrawn and a scheduled article among them) on the
 * local stand-in: every article's six citation downloads, served from its one downloads object
 * (issue 16), are byte for byte what the renderers give as files (`colophon build`), with their
 * media types; where the article's page is not published (scheduled), neither is any download; a
 * withdrawn article keeps its citation and not its reference lists.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMetadata } from '#cli/check';
import { DOWNLOAD_NAMES } from '#core/publish/downloads';
import { articleOutputs } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { publishFolder } from '#infra/local/publish';
import { ROOT } from '#infra/local/paths';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';

const EXAMPLES = join(ROOT, 'examples');

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
  await publishFolder(stage.stack, EXAMPLES);
  // A loaded machine (five developers' suites at once) takes minutes to publish the examples.
  await stage.stack.drain({ timeoutMs: 240_000 });
}, 420_000);
afterAll(() => stage?.stop());

describe('the examples\' citation downloads on the stand-in', () => {
  it('are the renderers\' files, byte for byte, for every published article, and none for an unpublished one', async () => {
    const checked = checkMetadata(EXAMPLES);
    expect(checked.problems).toEqual([]);
    const seen = { published: 0, unpublished: 0, withdrawn: 0 };
    for (const { bundle } of checked.issues) {
      for (const article of bundle.articles) {
        const files = new Map(articleOutputs(bundle, article, { engine: citeproc }).map((o) => [o.key, o]));
        const page = await fetch(`${stage.stack.siteUrl}/doi/${article.doi}/`);
        const published = page.status === 200;
        seen[!published ? 'unpublished' : article.withdrawn === undefined ? 'published' : 'withdrawn']++;
        for (const name of DOWNLOAD_NAMES) {
          const key = `doi/${article.doi}/${name}`;
          const response = await fetch(`${stage.stack.siteUrl}/${key}`);
          const file = files.get(key);
          const served = published && file !== undefined && !(article.withdrawn !== undefined && name.startsWith('references.'));
          expect(response.status, key).toBe(served ? 200 : 404);
          if (!served) continue;
          expect(await response.text(), key).toBe(file.body);
          expect(response.headers.get('content-type'), key).toBe(file.contentType);
        }
      }
    }
    expect(stage.errors).toEqual([]);
    // The examples hold at least one of each kind, so each branch above was taken.
    expect(seen.published).toBeGreaterThan(5);
    expect(seen.unpublished).toBeGreaterThanOrEqual(1);
    expect(seen.withdrawn).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
