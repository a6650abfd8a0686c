/**
 * One model, one truth: the same facts appear identically in the JATS, the Crossref deposit, the
 * landing page's Highwire tags and its JSON-LD, and the OAI-PMH oai_dc record, for every article in metadata/ and every fixture.
 * The expected facts come from the normalised model; each output is read back independently.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { isoDate, type IssueBundle } from '#core/model/index';
import { oaiDc } from '#core/oai/oai-dc';
import { serializeXml } from '#core/xml/tree';
import { crossrefFacts, highwireFacts, jatsFacts, jsonLdFacts, oaiDcFacts } from '../helpers/facts.ts';
import { truth } from '../helpers/truth.ts';
import { bibtexReferences, crossrefReferences, cslReferences, jatsReferences, landingReferences, risReferences } from '../helpers/reference-facts.ts';
import { toReferencesBibtex, toReferencesCslJson, toReferencesRis } from '#core/cite/index';
import { repoDir } from '../helpers/shared.ts';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { citeproc } from '#core/cite/engine';

function bundlesOf(dir: string): IssueBundle[] {
  const result = loadMetadata(join(repoDir, dir));
  if (!result.ok) throw new Error(`${dir} does not load`);
  return result.bundles;
}

const articles = ['metadata', 'tests/fixtures/metadata'].flatMap((dir) =>
  bundlesOf(dir).flatMap((bundle) => bundle.articles.map((article) => ({ name: `${dir}: ${article.id}`, bundle, article }))),
);

describe.each(articles)('$name', ({ bundle, article }) => {
  const expected = truth(bundle, article);
  const html = renderLandingPage(bundle, article, { engine: citeproc });
  const deposit = renderCrossrefDeposit(bundle, { batchId: 'truth-batch', timestamp: '20240101000000000' });

  it('has the facts in the JATS', () => {
    expect(jatsFacts(renderJats(bundle, article))).toEqual(expected);
  });
  it('has the facts in the Crossref deposit', () => {
    expect(crossrefFacts(deposit, article.doi)).toEqual(expected);
  });
  it('has the facts in the Highwire and Dublin Core tags', () => {
    expect(highwireFacts(html)).toEqual(expected);
  });
  it('has the facts in the schema.org JSON-LD', () => {
    // JSON-LD has no online date: schema.org's datePublished carries the cited (volume) date.
    expect(jsonLdFacts(html)).toEqual({ ...expected, onlineDate: undefined });
  });

  it('states the same references (count, DOIs, types) in the JATS, the deposit, the landing page and the reference-list downloads', () => {
    const references = { count: article.references.length, dois: article.references.flatMap((r) => (r.doi === undefined ? [] : [r.doi])), types: article.references.map((r) => r.type) };
    expect(jatsReferences(renderJats(bundle, article))).toEqual(references);
    expect(crossrefReferences(deposit, article.doi)).toEqual(references);
    expect(landingReferences(html)).toEqual(references);
    expect(cslReferences(toReferencesCslJson(article))).toEqual(references);
    expect(risReferences(toReferencesRis(article))).toEqual(references);
    expect(bibtexReferences(toReferencesBibtex(article))).toEqual(references);
  });

  it('gives link previews the first publication date (OpenGraph article:published_time)', () => {
    const { print, online } = article.dates.published;
    const dates = [print, online].filter((d) => d !== undefined).map(isoDate).sort();
    const tag = select('meta[property="article:published_time"]', fromHtml(html));
    expect(tag?.properties.content).toBe(dates[0]);
  });

  it('has the facts in the OAI-PMH oai_dc record', () => {
    const { volume: _v, issue: _i, firstPage: _f, lastPage: _l, onlineDate: _o, orcids: _c, ...comparable } = expected;
    expect(oaiDcFacts(serializeXml(oaiDc({ journal: bundle.journal, issue: bundle.issue, article })))).toEqual(comparable);
  });
});
