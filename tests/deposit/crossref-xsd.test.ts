/**
 * The deposit check compiles the Crossref schema without its MathML module (issue 16: ~3.2 of its
 * ~3.4 s of CPU per cold Deposit container) and validates a document against it only when the
 * document binds no namespace to MathML: every result must be the whole official schema's, which
 * tests/helpers/xsd.ts compiles from the file itself (validateXml('crossref')).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCrossrefSchema, CROSSREF_MATHML_XSD, MATHML_NAMESPACE } from '#adapters/crossref-xsd';
import { loadMetadata } from '#adapters/metadata-fs';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { formatProblem } from '#core/model/index';
import { repoDir, schemasDir } from '../helpers/shared.ts';
import { validateXml } from '../helpers/xsd.ts';
import { exampleDeposit } from './fixtures.ts';

const schema = compileCrossrefSchema(schemasDir());
afterAll(() => schema.dispose());

/** Every issue of the examples and of the test fixtures, rendered as Colophon deposits them. */
function colophonDeposits(): { name: string; xml: string }[] {
  const seed = readFileSync(join(repoDir, 'tests/fixtures/golden/seed.crossref.xml'), 'utf8');
  const rendered = ['examples', 'tests/fixtures/metadata'].flatMap((folder) => {
    const loaded = loadMetadata(join(repoDir, folder));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    return loaded.bundles.map((bundle) => ({ name: `${folder} ${bundle.journal.id}/${bundle.issue.id}`, xml: renderCrossrefDeposit(bundle, { batchId: 'xsd-test', timestamp: '20260101000000000' }) }));
  });
  return [{ name: 'golden seed', xml: seed }, ...rendered];
}

/** Ways a deposit goes wrong, none of them touching MathML: each must be refused with the official schema's errors. */
const MISTAKES: readonly { name: string; change: (xml: string) => string }[] = [
  { name: 'a required element missing', change: (xml) => xml.replace(/<doi>[^<]*<\/doi>/, '') },
  { name: 'an unknown element', change: (xml) => xml.replace('<titles>', '<titles><subtitle2>x</subtitle2>') },
  { name: 'text where only elements may be', change: (xml) => xml.replace('<titles>', '<titles>stray text') },
  { name: 'a value outside its list', change: (xml) => xml.replace(/publication_type="[^"]*"/, 'publication_type="bogus"') },
  { name: 'a JATS element where none may be', change: (xml) => xml.replace('<titles>', '<titles><jats:p xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1">x</jats:p>') },
];

describe('the Crossref deposit check', () => {
  it('compiles the schema without its MathML module, and the whole schema only for the first document that binds MathML', () => {
    const fresh = compileCrossrefSchema(schemasDir());
    try {
      expect(fresh.compiles()).toEqual(['without MathML']);
      for (const { xml } of colophonDeposits()) expect(fresh.validate(xml)).toEqual({ valid: true, errors: [] });
      expect(fresh.compiles()).toEqual(['without MathML']);
      expect(fresh.validate(exampleDeposit())).toEqual({ valid: true, errors: [] });
      expect(fresh.validate(exampleDeposit())).toEqual({ valid: true, errors: [] });
      expect(fresh.compiles()).toEqual(['without MathML', 'whole']);
    } finally {
      fresh.dispose();
    }
  });

  it('finds the MathML module by its path however the schemas folder is given (relative here)', () => {
    const relativeDir = relative(process.cwd(), schemasDir());
    expect(isAbsolute(relativeDir)).toBe(false);
    const fresh = compileCrossrefSchema(relativeDir);
    try {
      expect(fresh.compiles()).toEqual(['without MathML']);
      expect(fresh.substituted).toEqual([resolve(schemasDir(), CROSSREF_MATHML_XSD)]);
    } finally {
      fresh.dispose();
    }
  });

  it("gives the official schema's result for every Colophon deposit and every mistake in one", () => {
    const deposits = colophonDeposits();
    expect(deposits.length).toBeGreaterThanOrEqual(3);
    for (const { name, xml } of deposits) {
      expect(xml.includes(MATHML_NAMESPACE), name).toBe(false);
      expect(schema.validate(xml), name).toEqual(validateXml('crossref', xml));
      for (const mistake of MISTAKES) {
        const wrong = mistake.change(xml);
        expect(wrong, `${name}: ${mistake.name}`).not.toBe(xml);
        const official = validateXml('crossref', wrong);
        expect(official.valid, `${name}: ${mistake.name}`).toBe(false);
        expect(schema.validate(wrong), `${name}: ${mistake.name}`).toEqual(official);
      }
    }
  });

  it('validates MathML against the whole official schema: valid math passes, wrong math is refused', () => {
    const withMath = (math: string): string => exampleDeposit().replace('<title>This is a journal article title</title>', `<title>A title with ${math}</title>`);
    const good = withMath('<mml:math><mml:mi>x</mml:mi><mml:mo>+</mml:mo><mml:mn>1</mml:mn></mml:math>');
    const bad = withMath('<mml:math><mml:bogus/></mml:math>');
    expect(good).not.toBe(exampleDeposit());
    expect(schema.validate(good)).toEqual({ valid: true, errors: [] });
    expect(validateXml('crossref', bad).valid).toBe(false);
    expect(schema.validate(bad)).toEqual(validateXml('crossref', bad));
  });

  it('sees the MathML namespace however its URI is spelled (character references), and on any element', () => {
    const spelled = 'http://www.w3.org/1998/Math&#x2F;MathML';
    const xml = exampleDeposit()
      .replace(' xmlns:mml="http://www.w3.org/1998/Math/MathML"', '')
      .replace('<title>This is a journal article title</title>', `<title>Math <m:math xmlns:m="${spelled}"><m:bogus/></m:math></title>`);
    expect(xml.includes(MATHML_NAMESPACE)).toBe(false);
    const official = validateXml('crossref', xml);
    expect(official.valid).toBe(false);
    expect(schema.validate(xml)).toEqual(official);
  });

  it('reports a document that is not well-formed with the parser message', () => {
    const result = schema.validate('<doi_batch><unclosed></doi_batch>');
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/^not well-formed: /);
  });
});
