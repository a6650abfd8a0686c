/**
 * Concept cases (tests/fixtures/cases/*.yaml): each case patches the seed article and names what
 * must (and must not) appear in the JATS, the Crossref deposit and the landing page. Every XML
 * output is also validated against the official XSDs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderCrossrefDeposit } from '#core/crossref/index';
import { renderJats } from '#core/jats/index';
import { renderLandingPage } from '#core/landing/index';
import { formatProblem, loadJournal } from '#core/model/index';
import { repoDir } from '../helpers/shared.ts';
import { validateXml } from '../helpers/xsd.ts';

type Expect = { contains?: string[]; absent?: string[]; meta?: Record<string, string[]> };
type Case = { name: string; article: Record<string, unknown>; jats?: Expect; crossref?: Expect; html?: Expect };

const casesDir = join(repoDir, 'tests/fixtures/cases');
const seedDir = join(repoDir, 'metadata/balcanica');
const seedArticle = parse(readFileSync(join(seedDir, 'L-2019/edemskiy.yaml'), 'utf8')) as Record<string, unknown>;

const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) => (parse(readFileSync(join(casesDir, file), 'utf8')) as Case[]).map((c) => ({ concept: file.replace('.yaml', ''), ...c })));

/** The seed article with the case's top-level keys replaced (null removes a key). */
function render(patch: Record<string, unknown>) {
  const article = { ...structuredClone(seedArticle), ...patch };
  for (const [k, v] of Object.entries(article)) if (v === null) delete article[k];
  const result = loadJournal({
    id: 'balcanica',
    journal: { path: 'journal.yaml', text: readFileSync(join(seedDir, 'journal.yaml'), 'utf8') },
    issues: [{ id: 'L-2019', issue: { path: 'issue.yaml', text: readFileSync(join(seedDir, 'L-2019/issue.yaml'), 'utf8') }, articles: [{ path: 'case.yaml', text: stringify(article) }] }],
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const bundle = result.bundles[0]!;
  const only = bundle.articles[0]!;
  return {
    jats: renderJats(bundle, only),
    crossref: renderCrossrefDeposit(bundle, { batchId: 'case-batch', timestamp: '20240101000000000' }),
    html: renderLandingPage(bundle, only),
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
