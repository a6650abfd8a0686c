/**
 * One truth, the citation downloads too (issue 14): the RIS, BibTeX and CSL-JSON files beside each
 * landing page state the title, authors, year, volume, issue, pages, DOI, ISSNs (and, in CSL-JSON,
 * the online date and the licence) as the model, the JATS, the Crossref deposit and the page's
 * Highwire tags do: for the seed, every fixture and every eighth article re-rendered from the
 * corpus. Each file is read back by its own parser (tests/helpers/citation-facts.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { toBibtex, toCslJson, toReferencesBibtex, toReferencesCslJson, toReferencesRis, toRis } from '#core/cite/index';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import type { Article, IssueBundle } from '#core/model/index';
import { bibtexFacts, cslFacts, risFacts } from '../helpers/citation-facts.ts';
import { bibtexReferenceParts, bibtexReferences, crossrefReferences, cslReferenceParts, cslReferences, jatsReferenceParts, jatsReferences, risReferenceParts, risReferences } from '../helpers/reference-facts.ts';
import { corpusBundles } from '../helpers/corpus-bundles.ts';
import { crossrefFacts, highwireFacts, jatsFacts, type Facts } from '../helpers/facts.ts';
import { repoDir } from '../helpers/shared.ts';
import { truth } from '../helpers/truth.ts';
import { citeproc } from '#core/cite/engine';

type Case = { readonly name: string; readonly bundle: IssueBundle; readonly article: Article };

function casesOf(dir: string): Case[] {
  const result = loadMetadata(join(repoDir, dir));
  if (!result.ok) throw new Error(`${dir} does not load`);
  return result.bundles.flatMap((bundle) => bundle.articles.map((article) => ({ name: `${dir}: ${article.id}`, bundle, article })));
}

const CORPUS_SAMPLE_EVERY = 8;
const corpus = corpusBundles()
  .flatMap(({ file, bundle }) => bundle.articles.map((article) => ({ name: `corpus ${file}: ${article.id}`, bundle, article })))
  .filter((_, i) => i % CORPUS_SAMPLE_EVERY === 0);
const cases = [...casesOf('metadata'), ...casesOf('tests/fixtures/metadata'), ...corpus];

/** A subtitle follows its language's typography (French ` : `): the facts compare words, not that space. */
const sameTitle = (facts: Facts): Facts => ({ ...facts, title: facts.title?.replace(/[\s\u00a0]*:\s*/g, ': ') });
/** What RIS and BibTeX can carry of the truth. */
const taggedFormat = ({ orcids: _o, onlineDate: _d, license: _l, ...rest }: Facts): Facts => rest;

it('samples the corpus', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(20);
});

describe.each(cases)('$name', ({ bundle, article }) => {
  const expected = sameTitle(truth(bundle, article));

  it('states the same facts in RIS as in the model, the JATS, the deposit and the page', () => {
    const ris = sameTitle(risFacts(toRis(bundle, article)));
    expect(ris).toEqual(taggedFormat(expected));
    // The other outputs say the same (the one-truth test checks them against the model for the seed and fixtures).
    expect(ris).toEqual(taggedFormat(sameTitle(jatsFacts(renderJats(bundle, article)))));
    // Crossref has no volume year apart from publication dates: an issue dated 2014 but published
    // (only) online in 2016 states 2016 there (the article's and the issue's publication_date).
    const crossref = crossrefFacts(renderCrossrefDeposit(bundle, { batchId: 'truth-batch', timestamp: '20240101000000000' }), article.doi);
    const yearInCrossref = article.dates.published.print !== undefined || article.dates.published.online?.year === bundle.issue.year;
    expect(ris).toEqual(taggedFormat(sameTitle(yearInCrossref ? crossref : { ...crossref, year: ris.year })));
    expect(ris).toEqual(taggedFormat(sameTitle(highwireFacts(renderLandingPage(bundle, article, { engine: citeproc })))));
  });

  it('states the same facts in BibTeX', () => {
    expect(sameTitle(bibtexFacts(toBibtex(bundle, article)))).toEqual(taggedFormat(expected));
  });

  it('states the same facts in CSL-JSON, with the online date and the licence', () => {
    const { orcids: _o, ...expectedCsl } = expected;
    expect(sameTitle(cslFacts(toCslJson(bundle, article)))).toEqual(expectedCsl);
  });

  it('lists the cited works in the reference-list downloads as the JATS and the deposit do (count, DOIs, types; year, volume, first page each)', () => {
    const jats = renderJats(bundle, article);
    const facts = jatsReferences(jats);
    expect(crossrefReferences(renderCrossrefDeposit(bundle, { batchId: 'truth-batch', timestamp: '20240101000000000' }), article.doi)).toEqual(facts);
    expect(cslReferences(toReferencesCslJson(article))).toEqual(facts);
    expect(risReferences(toReferencesRis(article))).toEqual(facts);
    expect(bibtexReferences(toReferencesBibtex(article))).toEqual(facts);
    const parts = jatsReferenceParts(jats);
    expect(cslReferenceParts(toReferencesCslJson(article))).toEqual(parts);
    expect(risReferenceParts(toReferencesRis(article))).toEqual(parts);
    expect(bibtexReferenceParts(toReferencesBibtex(article))).toEqual(parts);
  });
});
