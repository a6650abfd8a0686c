import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemasDir } from './shared.ts';
import { validateXml } from './xsd.ts';

// The validator itself must be able to fail: the official examples pass, a broken copy does not.
describe('validateXml', () => {
  it('accepts the official Crossref 5.4.0 example and rejects it with an unknown element', () => {
    const xml = readFileSync(join(schemasDir(), 'crossref/5.4.0/examples/derived-journal.article5.4.0.xml'), 'utf8');
    expect(validateXml('crossref', xml)).toEqual({ valid: true, errors: [] });
    const broken = validateXml('crossref', xml.replace('</head>', '<bogus/></head>'));
    expect(broken.valid).toBe(false);
    expect(broken.errors.join('\n')).toMatch(/bogus/);
  });

  it('accepts a real JATS article and rejects one whose front lacks journal-meta', () => {
    const xml = readFileSync(join(schemasDir(), 'jats/examples/elife00013.xml'), 'utf8');
    expect(validateXml('jats', xml).valid).toBe(true);
    expect(validateXml('jats', xml.replace('<front>', '<front><bogus/>')).valid).toBe(false);
  });

  it('reports a document that is not well-formed', () => {
    const result = validateXml('oai', '<OAI-PMH><unclosed></OAI-PMH>');
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/not well-formed/);
  });
});
