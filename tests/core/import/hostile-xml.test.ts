/**
 * Hostile XML handed to `colophon import`: entities the file declares itself (external ones read
 * other files, internal ones expand without bound), tens of thousands of nested elements. Each is
 * a refusal that says what to do, never an internal error; every importer goes through parseXml.
 */
import { describe, expect, it } from 'vitest';
import { importMetadata } from '#core/import/index';
import { parseXml } from '#core/import/xml';

const BATCH = (inner: string, doctype = ''): string => `<?xml version="1.0"?>${doctype}<doi_batch xmlns="http://www.crossref.org/schema/5.4.0" version="5.4.0">${inner}</doi_batch>`;

describe('hostile XML', () => {
  it.each([
    ['an external general entity (XXE)', BATCH('<head>&x;</head>', '<!DOCTYPE doi_batch [<!ENTITY x SYSTEM "file:///etc/passwd">]>')],
    ['an external parameter entity', BATCH('<head/>', '<!DOCTYPE doi_batch [<!ENTITY % p SYSTEM "http://169.254.169.254/"> %p;]>')],
    ['1,200 internal entities', BATCH(Array.from({ length: 1200 }, (_, k) => `&e${k};`).join(''), `<!DOCTYPE doi_batch [${Array.from({ length: 1200 }, (_, k) => `<!ENTITY e${k} "x">`).join('')}]>`)],
    ['an entity expansion bomb', BATCH('<head>&l3;</head>', '<!DOCTYPE doi_batch [<!ENTITY l0 "lol"><!ENTITY l1 "&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;"><!ENTITY l2 "&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;&l1;"><!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;">]>')],
  ])('refuses %s: the file declares its own entities', (_name, xml) => {
    const parsed = parseXml(xml);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining('the file declares its own entities (<!ENTITY …> in its DOCTYPE), which Colophon does not read') });
  });

  it('refuses 20,000 nested elements as unreadable, without a stack overflow', () => {
    const parsed = parseXml(BATCH(`${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}`));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^cannot be read safely: /);
  });

  it('still reads a DOCTYPE that only names its DTD (as JATS files do)', () => {
    const parsed = parseXml('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN" "JATS-journalpublishing1-4.dtd"><article><front/></article>');
    expect(parsed.ok).toBe(true);
  });

  it('reaches every importer: a Crossref XML import of an XXE file is refused with the reason', () => {
    const outcome = importMetadata('crossref-xml', BATCH('<head>&x;</head>', '<!DOCTYPE doi_batch [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('declares its own entities') });
  });
});
