/**
 * Our responses beside real ones (../shared/corpus/oai-pmh: Zenodo, NSDL, arXiv, Tethys, the
 * specification's own examples, …), read in place: the same error for the same mistake, and no
 * element or attribute that no real repository uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryOaiSource } from '#adapters/oai-memory';
import { corpusDir } from '#tests/helpers/shared';
import { context, fixtureSource, syntheticItems } from './fixtures.ts';
import { ask, elements, errorCodes, parseXml, type Node } from './read.ts';

const corpus = (file: string): Node => parseXml(readFileSync(join(corpusDir(), 'oai-pmh', file), 'utf8'));
const local = (name: string): string => name.replace(/^.*:/, '');
const SEED = 'oai:journal.example.org:10.2298/BALC1950375E';

/** A real error response, and the request that is the same mistake made to us. */
const ERRORS: readonly { readonly file: string; readonly query: string; readonly empty?: boolean }[] = [
  { file: 'phpoaipmh/BadResponseNonExistentVerb.xml', query: 'verb=NotExist' },
  { file: 'sickle/badArgument.xml', query: 'verb=ListRecords&from=2002-06-01T02:00:00Z&until=2002-06-01T03:020:00Z&metadataPrefix=oai_dc' },
  { file: 'sickle/badResumptionToken.xml', query: 'verb=ListSets&resumptionToken=0123' },
  { file: 'oaipmh-scythe/ListIdentifiers__resumptionToken-XXX.xml', query: 'verb=ListIdentifiers&resumptionToken=XXX' },
  { file: 'sickle/cannotDisseminateFormat.xml', query: `verb=GetRecord&identifier=${SEED}&metadataPrefix=oai_marc` },
  { file: 'sickle/idDoesNotExist.xml', query: 'verb=GetRecord&identifier=oai:journal.example.org:10.9999/none&metadataPrefix=oai_dc' },
  { file: 'oai-pmh-2-js/error_id-does-not-exist.xml', query: 'verb=GetRecord&identifier=oai:journal.example.org:10.9999/none&metadataPrefix=oai_dc' },
  { file: 'oaipmh-scythe/ListMetadataFormats__identifier-oai_zenodo.o_2.xml', query: 'verb=ListMetadataFormats&identifier=oai:journal.example.org:XXX' },
  { file: 'sickle/noRecordsMatch.xml', query: 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2001-01-01&until=2001-01-01&set=issue:none' },
  { file: 'oaipmh-scythe/ListIdentifiers__from-2030-01-15__metadataPrefix-oai_dc.xml', query: 'verb=ListIdentifiers&from=2030-01-15&metadataPrefix=oai_dc' },
  { file: 'oaipmh-scythe/ListIdentifiers__metadataPrefix-oai_dc__set-XXX.xml', query: 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=XXX' },
  { file: 'sickle/noSetHierarchy.xml', query: 'verb=ListSets', empty: true },
];

describe('error semantics match real repositories', () => {
  it.each(ERRORS)('$file', async ({ file, query, empty }) => {
    // Prepare
    const theirs = corpus(file);
    // Act
    const { root } = await ask(context(empty ? new MemoryOaiSource() : fixtureSource()), query);
    // Assess: the same code, in the same envelope
    expect(errorCodes(root)).toEqual(errorCodes(theirs));
    expect(elements(root).map((e) => e.name)).toEqual(elements(theirs).map((e) => local(e.name)));
  });
});

/** Element paths below the verb element, payloads (metadata, description, about) left out, with each element's attribute names. */
function shape(root: Node): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (node: Node, path: string): void => {
    const here = `${path}/${local(node.name)}`;
    const attrs = out.get(here) ?? new Set<string>();
    for (const name of Object.keys(node.attrs)) if (!name.startsWith('xmlns') && !name.startsWith('xsi:')) attrs.add(name);
    out.set(here, attrs);
    if (['metadata', 'description', 'about'].includes(local(node.name))) return;
    for (const child of elements(node)) walk(child, here);
  };
  for (const verb of elements(root).filter((e) => !['responseDate', 'request', 'error'].includes(local(e.name)))) walk(verb, '');
  return out;
}

/** Every successful response of one verb in the corpus. */
function corpusShapes(verb: string): Map<string, Set<string>> {
  const union = new Map<string, Set<string>>();
  for (const folder of readdirSync(join(corpusDir(), 'oai-pmh'))) {
    for (const file of readdirSync(join(corpusDir(), 'oai-pmh', folder)).filter((f) => f.endsWith('.xml'))) {
      let root: Node;
      try {
        root = corpus(`${folder}/${file}`);
      } catch {
        continue; // one corpus file is broken on purpose
      }
      if (!elements(root).some((e) => local(e.name) === verb)) continue;
      for (const [path, attrs] of shape(root)) union.set(path, new Set([...(union.get(path) ?? []), ...attrs]));
    }
  }
  return union;
}

const VERBS: readonly { readonly verb: string; readonly query: string }[] = [
  { verb: 'Identify', query: 'verb=Identify' },
  { verb: 'ListMetadataFormats', query: 'verb=ListMetadataFormats' },
  { verb: 'ListSets', query: 'verb=ListSets' },
  { verb: 'GetRecord', query: `verb=GetRecord&identifier=${SEED}&metadataPrefix=oai_dc` },
  { verb: 'ListIdentifiers', query: 'verb=ListIdentifiers&metadataPrefix=oai_dc' },
  { verb: 'ListRecords', query: 'verb=ListRecords&metadataPrefix=oai_dc' },
];

describe('response shapes use only what real repositories use', () => {
  it.each(VERBS)('$verb', async ({ verb, query }) => {
    // Prepare: a deleted record and a split list, so that status= and resumptionToken appear
    const source = fixtureSource();
    syntheticItems(120, Date.UTC(2025, 1, 1)).forEach((item, n) => source.put({ ...item, deleted: n % 2 === 0 }));
    const theirs = corpusShapes(verb);
    // Act
    const { root } = await ask(context(source), query);
    const ours = shape(root);
    // Assess
    expect(theirs.size).toBeGreaterThan(0);
    for (const [path, attrs] of ours) {
      expect(theirs.has(path), `${path} appears in no real ${verb} response`).toBe(true);
      for (const attr of attrs) expect(theirs.get(path)!.has(attr), `${path}@${attr} appears in no real ${verb} response`).toBe(true);
    }
  });
});
