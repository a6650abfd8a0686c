import type { Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { renderLandingPage } from '#core/landing/index';
import { scriptSafeJson } from '#core/landing/json-ld';
import { allCases, caseById, editable, emailsIn } from '../cite/load.ts';
import { all, jsonLdOf, metas, one, parsePage, render, textOf, within } from './page.ts';
import { citeproc } from '#core/cite/engine';

const HOSTILE = '</script><script>alert(1)</script><!-- "\'><img src=x onerror=alert(2)> & \u2028';

describe('text that looks like markup stays text', () => {
  // Prepare: the model cannot hold such a title from YAML (markup.ts rejects it), but renderers must
  // not depend on that: every field goes through the serialiser or the JSON escape.
  const c = editable(caseById('a01-petrovic'));
  c.article.titles[0].title = [HOSTILE];
  c.article.titles[0].subtitle = [HOSTILE];
  c.article.abstracts[0]!.paragraphs = [[HOSTILE]];
  c.article.keywords[0]!.terms = [HOSTILE];
  c.article.references[0]!.citation = [HOSTILE];
  (c.article.contributors[0] as { surname: string }).surname = HOSTILE;
  c.bundle.journal.title = HOSTILE;
  const page = render(c.bundle, c.article);

  it('adds no element: one script (the JSON-LD), no img, no comment', () => {
    expect(page.parseErrors).toEqual([]);
    expect(all(page, 'script')).toHaveLength(1);
    expect(all(page, 'img')).toEqual([]);
    // "<img" does stand inside quoted attribute values, where HTML reads it as text (the parse above shows it).
    const comments: Nodes[] = [];
    const walk = (node: Nodes): void => {
      if (node.type === 'comment') comments.push(node);
      if ('children' in node) node.children.forEach(walk);
    };
    walk(page.tree);
    expect(comments).toEqual([]);
  });

  it('keeps it as the text of the title, headings, meta contents and citation', () => {
    expect(textOf(one(page, 'h1'))).toBe(`${HOSTILE}: ${HOSTILE}`);
    expect(textOf(one(page, 'title'))).toBe(`${HOSTILE}: ${HOSTILE} | ${HOSTILE}`);
    expect(metas(page, 'citation_title')).toEqual([`${HOSTILE}: ${HOSTILE}`]);
    expect(metas(page, 'citation_journal_title')).toEqual([HOSTILE]);
    expect(metas(page, 'citation_author')[0]).toBe(`${HOSTILE}, Jelena`);
    expect(metas(page, 'citation_reference')[0]).toBe(HOSTILE);
    expect(all(page, '#keywords li').map(textOf)).toContain(HOSTILE);
    // citeproc curls the quotes and title-cases the periodical title, as the style asks; the text
    // stays text and the only elements are the style's italics and the DOI's link.
    const citation = one(page, '#how-to-cite dd.citation-apa');
    expect(textOf(citation)).toContain('</script><script>alert(1)</script><!-- "');
    expect(within(citation, '*').filter((e) => e !== citation).map((e) => e.tagName)).toEqual(['i', 'i', 'a']);
  });

  it('keeps it as the value of the JSON-LD, with no < > or & in the script text', () => {
    const script = textOf(one(page, 'script[type="application/ld+json"]'));
    expect(script).not.toMatch(/[<>&]/);
    const ld = jsonLdOf(page);
    expect(ld['headline']).toBe(`${HOSTILE}: ${HOSTILE}`);
    expect(ld['abstract']).toBe(HOSTILE);
    expect((ld['author'] as { familyName: string }[])[0]!.familyName).toBe(HOSTILE);
  });
});

describe('scriptSafeJson', () => {
  it('escapes what could end or comment the script, and stays JSON', () => {
    const value = { a: '</script><!--&', b: '\u2028\u2029' };
    const json = scriptSafeJson(value);
    expect(json).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026","b":"\\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('e-mail addresses', () => {
  it('appear nowhere on any page, the corresponding author’s included', () => {
    const cases = allCases();
    const emails = emailsIn(cases);
    expect(emails).toContain('jelena.petrovic@example.org');
    for (const { bundle, article } of cases) {
      const html = renderLandingPage(bundle, article, { engine: citeproc });
      for (const email of emails) expect(html).not.toContain(email);
      expect(html).not.toMatch(/mailto:|[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  });
});

describe('determinism', () => {
  it('renders the same bytes every time, whatever was rendered before', () => {
    const cases = allCases();
    const first = cases.map(({ bundle, article }) => renderLandingPage(bundle, article, { engine: citeproc }));
    const again = [...cases].reverse().map(({ bundle, article }) => renderLandingPage(bundle, article, { engine: citeproc })).reverse();
    expect(again).toEqual(first);
  });

  it('carries no clock: neither today’s date nor a time of day', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const { bundle, article } of allCases()) {
      const html = renderLandingPage(bundle, article, { engine: citeproc });
      expect(html).not.toContain(today);
      expect(html).not.toMatch(/T\d{2}:\d{2}/);
    }
  });

  it('parses without errors for every article', () => {
    for (const { bundle, article } of allCases()) expect(parsePage(renderLandingPage(bundle, article, { engine: citeproc })).parseErrors).toEqual([]);
  });
});
