/**
 * Hostile OAI-PMH arguments (issue 12, Low): control characters were echoed raw (the response was
 * not well-formed XML), and the error list had no cap (a 1.7 MB POST answered 18.5 MB). Every
 * response here must be valid against OAI-PMH.xsd, whatever was sent.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ERRORS } from '#core/oai/arguments';
import { validateXml } from '#tests/helpers/xsd';
import { context, fixtureSource } from './fixtures.ts';
import { ask, errorCodes } from './read.ts';

const ctx = () => context(fixtureSource());

describe('hostile arguments', () => {
  it.each([
    ['a control character in a set', 'verb=ListRecords&metadataPrefix=oai_dc&set=issue%01'],
    ['a control character in a resumption token', 'verb=ListRecords&resumptionToken=abc%1Bdef'],
    ['a control character in an identifier', 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:x:10.1%00'],
    ['a control character in an unknown argument\'s name', 'verb=Identify&x%07y=1'],
    ['a control character in the verb', 'verb=Iden%08tify'],
    ['a lone surrogate', 'verb=ListRecords&resumptionToken=%ED%A0%80'],
    ['a 5,000-character bad value', `verb=ListRecords&metadataPrefix=${'<'.repeat(5000)}`],
  ])('%s: a valid response with badArgument or badVerb', async (_, query) => {
    // Act
    const { xml, root } = await ask(ctx(), query);
    // Assess
    expect(validateXml('oai', xml).errors).toEqual([]);
    expect(errorCodes(root).every((c) => c === 'badArgument' || c === 'badVerb' || c === 'badResumptionToken')).toBe(true);
    expect(errorCodes(root).length).toBeGreaterThan(0);
    expect(xml.length).toBeLessThan(2000);
  });

  it(`caps the error list at ${MAX_ERRORS} and says how many were left out`, async () => {
    // Prepare: about 1.7 MB of illegal arguments.
    const query = `verb=Identify&${Array.from({ length: 150_000 }, (_, k) => `a${k}=1`).join('&')}`;
    // Act
    const { xml, root } = await ask(ctx(), query);
    // Assess
    expect(query.length).toBeGreaterThan(1_000_000);
    expect(errorCodes(root)).toHaveLength(MAX_ERRORS + 1);
    expect(xml).toContain(`${150_000 - MAX_ERRORS} more problems with the arguments are left out.`);
    expect(xml.length).toBeLessThan(10_000);
    expect(validateXml('oai', xml).errors).toEqual([]);
  });
});
