import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, hmacSha256, sha256, toBase64Url, utf8 } from '#core/oai/checksum';
import { decodeToken, encodeToken, type ListState } from '#core/oai/token';

const STATE: ListState = {
  verb: 'ListRecords',
  metadataPrefix: 'oai_dc',
  set: 'issue:L-2019',
  from: '2024-01-01T00:00:00Z',
  until: undefined,
  asOf: '2025-03-01T12:00:00.250Z',
  after: { changedAt: '2024-06-01T08:00:00.000Z', key: '10.2298/balc1950375e' },
  cursor: 100,
  total: 1000,
};

describe('sha256, hmacSha256 and base64url agree with node:crypto', () => {
  const inputs = [new Uint8Array(0), utf8('abc'), utf8('x'.repeat(55)), utf8('x'.repeat(56)), utf8('x'.repeat(64)), utf8('Ћирилица – en dash'), ...Array.from({ length: 20 }, (_, n) => new Uint8Array(randomBytes(n * 13)))];

  it.each(inputs.map((bytes, n) => ({ n, bytes })))('input $n', ({ bytes }) => {
    // Act / Assess
    expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Buffer.from(hmacSha256(utf8('key'), bytes)).toString('hex')).toBe(createHmac('sha256', 'key').update(bytes).digest('hex'));
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('refuses text that is not base64url', () => {
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });
});

describe('resumption tokens', () => {
  it('carry the whole list state and nothing else', () => {
    // Act
    const token = encodeToken(STATE, 'secret');
    // Assess
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeToken(token, 'ListRecords', 'secret')).toEqual(STATE);
  });

  it('carry where each journal of a stage-wide list stands, when the source said', () => {
    // Prepare
    const state: ListState = { ...STATE, journals: { balcanica: { next: { changedAt: '2024-06-01T08:00:01.000Z', key: '10.2298/balc1950376f' }, share: 37 }, zbornik: null } };
    // Act
    const token = encodeToken(state, 'secret');
    // Assess
    expect(decodeToken(token, 'ListRecords', 'secret')).toEqual(state);
    expect(decodeToken(encodeToken(STATE, 'secret'), 'ListRecords', 'secret')).not.toHaveProperty('journals');
  });

  it('are refused for another verb or under another secret', () => {
    // Prepare
    const token = encodeToken(STATE, 'secret');
    // Act / Assess
    expect(decodeToken(token, 'ListIdentifiers', 'secret')).toBeUndefined();
    expect(decodeToken(token, 'ListRecords', 'other')).toBeUndefined();
  });

  it('are refused when any character of them is changed', () => {
    // Prepare
    const token = encodeToken(STATE, 'secret');
    // Act
    const accepted = [...token].map((ch, i) => `${token.slice(0, i)}${ch === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`).filter((t) => decodeToken(t, 'ListRecords', 'secret') !== undefined);
    // Assess
    expect(accepted).toEqual([]);
  });

  it('are refused when the body is rewritten and the seal kept (a moved cursor)', () => {
    // Prepare
    const [, sealPart] = encodeToken(STATE, 'secret').split('.');
    const forged = toBase64Url(utf8(JSON.stringify({ v: 1, vb: 'ListRecords', p: 'oai_dc', a: STATE.asOf, t: STATE.after.changedAt, k: '0', c: 0, n: 1000 })));
    // Act / Assess
    expect(decodeToken(`${forged}.${sealPart}`, 'ListRecords', 'secret')).toBeUndefined();
  });

  it.each(['', 'XXX', '.', 'abc.', '.abc', encodeToken(STATE).slice(0, -3)])('refuses %j', (token) => {
    expect(decodeToken(token, 'ListRecords')).toBeUndefined();
  });
});
