/**
 * Resumption tokens that were forged, are malformed or have expired (issue 12, Medium 4) are
 * answered with badResumptionToken, never an error: a forged `asOf` of 1970 would make each page
 * read every article changed since, and `asOf: "not-a-date"` answered 500.
 */
import { describe, expect, it } from 'vitest';
import { MemoryOaiSource } from '#adapters/oai-memory';
import { hmacSha256, toBase64Url, utf8 } from '#core/oai/checksum';
import { encodeToken, TOKEN_LIFETIME_MS, type ListState } from '#core/oai/token';
import { validateXml } from '#tests/helpers/xsd';
import { context, NOW, syntheticItems } from './fixtures.ts';
import { ask, errorCodes, one } from './read.ts';

const SECRET = 'test-secret';
const state = (asOf: string): ListState => ({ verb: 'ListRecords', metadataPrefix: 'oai_dc', asOf, after: { changedAt: '2024-01-01T00:00:01.000Z', key: '10.5555/x' }, cursor: 1, total: 3 });

/** A token sealed exactly as the server seals it, around any body (what a forger who knew the key could send). */
function sealed(wire: Record<string, unknown>, secret: string): string {
  const body = toBase64Url(utf8(JSON.stringify(wire)));
  return `${body}.${toBase64Url(hmacSha256(utf8(`colophon-oai-token:${secret}`), utf8(body)).slice(0, 12))}`;
}

function source(): MemoryOaiSource {
  const s = new MemoryOaiSource();
  for (const item of syntheticItems(150)) s.put(item);
  return s;
}

describe('resumption tokens', () => {
  it.each([
    ['asOf from 1970 (expired)', encodeToken(state('1970-01-01T00:00:00.000Z'), SECRET)],
    ['asOf just past the lifetime', encodeToken(state(new Date(Date.parse(NOW) - TOKEN_LIFETIME_MS - 1000).toISOString()), SECRET)],
    ['asOf in the future', encodeToken(state('2030-01-01T00:00:00.000Z'), SECRET)],
    ['asOf "not-a-date"', sealed({ v: 1, vb: 'ListRecords', p: 'oai_dc', a: 'not-a-date', t: '2024-01-01T00:00:01.000Z', k: 'x', c: 1, n: 3 }, SECRET)],
    ['a position that is not an instant', sealed({ v: 1, vb: 'ListRecords', p: 'oai_dc', a: NOW, t: 'yesterday', k: 'x', c: 1, n: 3 }, SECRET)],
    ['sealed with the empty key (the old default)', encodeToken(state(NOW), '')],
  ])('%s: badResumptionToken, valid against OAI-PMH.xsd', async (_name, token) => {
    // Act
    const { xml, root } = await ask(context(source()), `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);

    // Assess
    expect(errorCodes(root)).toEqual(['badResumptionToken']);
    expect(validateXml('oai', xml).valid).toBe(true);
  });

  it('accepts a live token and says when the harvest’s tokens expire', async () => {
    // Act
    const first = await ask(context(source()), 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const token = one(first.root, 'resumptionToken');
    const next = await ask(context(source()), `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token.children.map((c) => (typeof c === 'string' ? c : '')).join(''))}`);

    // Assess
    expect(token.attrs.expirationDate).toBe(`${new Date(Date.parse(NOW) + TOKEN_LIFETIME_MS).toISOString().slice(0, 19)}Z`);
    expect(errorCodes(next.root)).toEqual([]);
    expect(validateXml('oai', first.xml).valid).toBe(true);
  });
});
