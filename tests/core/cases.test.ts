/**
 * Concept cases (tests/fixtures/cases/*.yaml): each case patches the seed article and names what
 * must (and must not) appear in the JATS, the Crossref deposit and the landing page. Every XML
 * output is also validated against the official XSDs.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { caseBundle, cases, type Expect } from '../helpers/cases.ts';
import { validateXml } from '../helpers/xsd.ts';
import { citeproc } from '#core/cite/engine';

function render(patch: Record<string, unknown>) {
  const bundle = caseBundle(patch);
  const only = bundle.articles[0]!;
  return {
    jats: renderJats(bundle, only),
    crossref: renderCrossrefDeposit(bundle, { batchId: 'case-batch', timestamp: '20240101000000000' }),
    html: renderLandingPage(bundle, only, { engine: citeproc }),
  };
}

/** Whitespace between tags is layout, not content. */
const squeeze = (xml: string): string => xml.replace(/>\s+</g, '><');

function metaValues(html: string, name: string): string[] {
  return selectAll(`meta[name="${name}"]`, fromHtml(html)).map((m) => String(m.properties.content ?? ''));
}

function check(output: string, expected: Expect | undefined, kind: 'jats' | 'crossref' | 'html'): void {
  if (!expected) return;
  const text = kind === 'html' ? output : squeeze(output);
  for (const snippet of expected.contains ?? []) expect(text, `${kind} should contain ${snippet}`).toContain(kind === 'html' ? snippet : squeeze(snippet));
  for (const snippet of expected.absent ?? []) expect(text, `${kind} should not contain ${snippet}`).not.toContain(snippet);
  for (const [name, values] of Object.entries(expected.meta ?? {})) expect(metaValues(output, name), `meta ${name}`).toEqual(values);
}

describe.each(cases)('$concept: $name', (c) => {
  const out = render(c.article);

  it('JATS is valid and says what the case expects', () => {
    expect(validateXml('jats', out.jats).errors).toEqual([]);
    check(out.jats, c.jats, 'jats');
  });

  it('the Crossref deposit is valid and says what the case expects', () => {
    expect(validateXml('crossref', out.crossref).errors).toEqual([]);
    check(out.crossref, c.crossref, 'crossref');
  });

  it('the landing page says what the case expects', () => {
    check(out.html, c.html, 'html');
  });
});
