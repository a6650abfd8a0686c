/**
 * Properties over arbitrary text: whatever an editor types into a text field (astral characters,
 * combining marks, RTL, `<`, `&`, quotes, `]]>`, `</script>`, `<!--`, control characters), the
 * model either rejects it with a problem that names the file, or every output stays sound:
 * well-formed XML, XSD-valid (sampled), HTML with no element or attribute the data put there,
 * JSON-LD that parses and holds the title exactly, RIS and BibTeX whose structure holds.
 *
 * The strings go in as YAML through the real loader (yaml.stringify quotes and escapes them), so
 * validation is under test too, not bypassed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { crossrefRules } from '#core/crossref/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { renderIssueOutputs, type Output } from '#core/publish/outputs';
import { repoDir } from '../helpers/shared.ts';
import { validateXml } from '../helpers/xsd.ts';
import { citeproc } from '#core/cite/engine';

const FIXTURE = join(repoDir, 'tests/fixtures/metadata/testjournal');
const ISSUE = '2024-12-3';
const ARTICLE = 'a01-petrovic';
const EMAIL = 'jelena.petrovic@example.org';
const DEPOSIT = { batchId: 'property-batch', timestamp: '20240101000000000' } as const;

type FileName = 'journal' | 'issue' | 'article';
/** A text field of one fixture file: where it sits, and whether it takes inline markup. */
type Field = { readonly file: FileName; readonly path: readonly (string | number)[]; readonly markup: boolean };

const FIELDS = {
  title: { file: 'article', path: ['title'], markup: true },
  subtitle: { file: 'article', path: ['subtitle'], markup: true },
  translatedTitle: { file: 'article', path: ['translated_titles', 'sr'], markup: true },
  givenName: { file: 'article', path: ['contributors', 0, 'given_name'], markup: false },
  familyName: { file: 'article', path: ['contributors', 0, 'family_name'], markup: false },
  singleName: { file: 'article', path: ['contributors', 2, 'name'], markup: false },
  organization: { file: 'article', path: ['contributors', 3, 'organization'], markup: false },
  affiliation: { file: 'article', path: ['contributors', 0, 'affiliations', 0, 'name'], markup: false },
  abstract: { file: 'article', path: ['abstract', 'en'], markup: true },
  keyword: { file: 'article', path: ['keywords', 'en', 0], markup: false },
  reference: { file: 'article', path: ['references', 0], markup: true },
  referenceWithDoi: { file: 'article', path: ['references', 2, 'citation'], markup: true },
  funder: { file: 'article', path: ['funding', 0, 'funder', 'name'], markup: false },
  award: { file: 'article', path: ['funding', 0, 'awards', 0], markup: false },
  copyrightHolder: { file: 'article', path: ['license', 'copyright_holder'], markup: false },
  journalTitle: { file: 'journal', path: ['title'], markup: false },
  abbrevTitle: { file: 'journal', path: ['abbrev_title'], markup: false },
  publisher: { file: 'journal', path: ['publisher', 'name'], markup: false },
  publisherPlace: { file: 'journal', path: ['publisher', 'place'], markup: false },
  issueTitle: { file: 'issue', path: ['title'], markup: true },
} as const satisfies Record<string, Field>;
type FieldName = keyof typeof FIELDS;
type Assignment = Partial<Record<FieldName, string>>;

const source = {
  journal: parse(readFileSync(join(FIXTURE, 'journal.yaml'), 'utf8')) as unknown,
  issue: parse(readFileSync(join(FIXTURE, ISSUE, 'issue.yaml'), 'utf8')) as unknown,
  article: parse(readFileSync(join(FIXTURE, ISSUE, `${ARTICLE}.yaml`), 'utf8')) as unknown,
};

function setPath(root: unknown, path: readonly (string | number)[], value: string): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

/** The fixture with the assigned fields replaced, loaded through the real loader from YAML text. */
function load(assignment: Assignment): ReturnType<typeof loadJournal> {
  const files = structuredClone(source);
  for (const [name, value] of Object.entries(assignment)) setPath(files[FIELDS[name as FieldName].file], FIELDS[name as FieldName].path, value);
  const file = (path: string, value: unknown): { path: string; text: string } => ({ path, text: stringify(value) });
  return loadJournal({
    id: 'testjournal',
    journal: file('journal.yaml', files.journal),
    issues: [{ id: ISSUE, issue: file(`${ISSUE}/issue.yaml`, files.issue), articles: [file(`${ISSUE}/${ARTICLE}.yaml`, files.article)] }],
  });
}

// ---- arbitrary text -------------------------------------------------------------------------

const NASTY = [
  '<', '>', '&', '"', "'", ']]>', '</script>', '<!--', '-->', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b onmouseover=x>',
  '<i>', '</i>', '<i>italic</i>', '<b>bold</b>', 'H<sub>2</sub>O', '10<sup>th</sup>', '<sc>unesco</sc>', '<i><b>x</b></i>', '<i></i>', 'p < 0.05', '&amp;', '&#x3C;',
  '\u202E', '\u200F', '\u200B', '\u0301', 'e\u0301', '\u05D0\u05D1\u05D2', '\u0627\u0644\u0639', '😀', '👩\u200D🔬', '𝔘𝔫𝔦', '\u{10FFFD}', '\u{1FFFE}', '\uFDD0',
  '\uD800', '\uDC00', '\u0000', '\u0007', '\u001B', '\u0085', '\u009F', '\uFFFE', '\uFFFF', '\u007F',
  '\u2028', '\u2029', '\n', '\n\n', '\r', '\r\n', '\t', ' ', '\u00A0', '{', '}', '\\', '%', '$', '#', '_', '~', '^', 'ER  - ', '@article{', '?', '0', '42',
] as const;
const WORDS = ['Petrović', 'Иванова', 'Hoxha', 'Straße', 'Ἑλλάς', 'Ardita', 'word'] as const;

const rawText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const assignment: fc.Arbitrary<Assignment> = fc
  .uniqueArray(fc.constantFrom(...(Object.keys(FIELDS) as FieldName[])), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map(() => rawText)).map((values) => Object.fromEntries(names.map((n, k) => [n, values[k]!])) as Assignment));

// ---- what the model may reject, said independently of its code ------------------------------

/** XML 1.0 `Char` minus what the model also keeps out: C0 (bar tab, LF, CR), DEL, C1, U+FFFE/F, lone surrogates, bidi embeddings/overrides/isolates (Trojan Source), U+FFFD (bytes that were not UTF-8). */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TAG_LIKE = /<\/?[A-Za-z!?]/;

/** Why a value may be refused: characters XML cannot carry, nothing left after trimming, or (in markup) anything tag-like. */
const refusable = (value: string, field: Field): boolean => NOT_TEXT.test(value) || value.trim() === '' || (field.markup && TAG_LIKE.test(value));

const INLINE = /<(\/?)(i|b|sub|sup|sc)>/g;
/** The text of accepted markup: the five inline tags removed, nothing else touched. */
const plain = (value: string): string => value.trim().replace(INLINE, '');

// ---- reading the outputs back ---------------------------------------------------------------

const body = (outputs: readonly Output[], suffix: string): string => outputs.find((o) => o.key.endsWith(suffix))!.body;

function wellFormed(xml: string): string | undefined {
  try {
    XmlDocument.fromString(xml).dispose();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** HTML parse errors that are about the text, not the structure: noncharacters are legal in XML and kept as data. */
const TEXT_ONLY_ERRORS = new Set(['noncharacter-in-input-stream']);

type Structure = { readonly elements: Set<string>; readonly attributes: Set<string> };
type Shape = Structure & { citations: Structure; scripts: number; comments: number; errors: string[]; jsonLd: string[] };

/** The section that holds the styled references (core/landing/how-to-cite.ts): the one place citeproc-js writes. */
const CITATIONS_SECTION = 'how-to-cite';

/**
 * Element and attribute names (those inside the How to Cite section apart), scripts, comments and
 * JSON-LD blocks, as an HTML5 parser independent of the serialiser reads them.
 */
function shape(html: string): Shape {
  const errors: string[] = [];
  const tree = fromHtml(html, { onerror: (e) => void (TEXT_ONLY_ERRORS.has(e.ruleId ?? '') || errors.push(`${e.ruleId ?? ''}: ${e.message}`)) });
  const out: Shape = { elements: new Set(), attributes: new Set(), citations: { elements: new Set(), attributes: new Set() }, scripts: 0, comments: 0, errors, jsonLd: [] };
  const walk = (node: Nodes, into: Structure): void => {
    if (node.type === 'comment') out.comments += 1;
    if (node.type === 'element') {
      into.elements.add(node.tagName);
      for (const name of Object.keys(node.properties)) into.attributes.add(name);
      if (node.tagName === 'script') {
        out.scripts += 1;
        if (node.properties['type'] === 'application/ld+json') out.jsonLd.push(textOf(node));
      }
    }
    const next = node.type === 'element' && node.properties['id'] === CITATIONS_SECTION ? out.citations : into;
    if ('children' in node) for (const child of node.children) walk(child, next);
  };
  walk(tree, out);
  return out;
}
const textOf = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

/** Elements and attributes accepted inline markup legitimately adds to a page. */
function markupExtras(values: Assignment): Structure {
  const out: Structure = { elements: new Set(), attributes: new Set() };
  for (const [name, value] of Object.entries(values)) {
    if (!FIELDS[name as FieldName].markup) continue;
    for (const [, , tag] of value.matchAll(INLINE)) {
      if (tag !== 'sc') out.elements.add(tag!);
      else {
        out.elements.add('span');
        out.attributes.add('className');
      }
    }
  }
  return out;
}

/** What is in `actual` but in none of `allowed`, and what of `required` is missing from it. */
function compare(actual: Structure, required: Structure, ...allowed: Structure[]): { added: string[]; missing: string[] } {
  const may = (kind: keyof Structure, name: string): boolean => required[kind].has(name) || allowed.some((a) => a[kind].has(name));
  return {
    added: [...[...actual.elements].filter((e) => !may('elements', e)).map((e) => `<${e}>`), ...[...actual.attributes].filter((a) => !may('attributes', a)).map((a) => `@${a}`)],
    missing: [...[...required.elements].filter((e) => !actual.elements.has(e)).map((e) => `<${e}>`), ...[...required.attributes].filter((a) => !actual.attributes.has(a)).map((a) => `@${a}`)],
  };
}

const placeholders = (values: Assignment): Assignment => Object.fromEntries(Object.keys(values).map((k) => [k, 'Placeholder']));

/** The title the JSON-LD must hold: title and subtitle joined as fullTitle joins them (cite/title.ts), from the input text. */
function expectedTitle(values: Assignment): string {
  const title = values.title === undefined ? 'The Danube Question and the Acta Bosniaca, 1878–1914' : plain(values.title);
  const subtitle = values.subtitle === undefined ? 'Sources in Serbian, Albanian & Russian' : plain(values.subtitle);
  return `${title}${/[?!:.]$/.test(title) ? ' ' : ': '}${subtitle}`;
}

// ---- the properties -------------------------------------------------------------------------

type Rendered = { readonly rejected: true } | { readonly rejected: false; readonly bundle: IssueBundle; readonly outputs: Output[] };

/** Loads and renders; a refusal must name a file and have a reason in the input (a refusable value was assigned). */
function render(values: Assignment): Rendered {
  const loaded = load(values);
  if (loaded.ok) return { rejected: false, bundle: loaded.bundles[0]!, outputs: renderIssueOutputs(loaded.bundles[0]!, DEPOSIT, { engine: citeproc }) };
  expect(loaded.problems.length).toBeGreaterThan(0);
  for (const problem of loaded.problems) expect(problem.file).toMatch(/\.yaml$/);
  expect(Object.entries(values).some(([name, value]) => refusable(value, FIELDS[name as FieldName]))).toBe(true);
  return { rejected: true };
}

const baselines = new Map<string, Shape>();
/** The page with plain placeholder text in the same fields (memoised: it depends only on which fields are set). */
function baseline(values: Assignment): Shape {
  const key = Object.keys(values).sort().join(' ');
  const hit = baselines.get(key);
  if (hit) return hit;
  const loaded = load(placeholders(values));
  if (!loaded.ok) throw new Error(`placeholder text does not load: ${loaded.problems[0]!.message}`);
  const made = shape(body(renderIssueOutputs(loaded.bundles[0]!, DEPOSIT, { engine: citeproc }), 'index.html'));
  baselines.set(key, made);
  return made;
}

/** Everything but the XSDs: well-formed XML, the page's structure, the JSON-LD title, RIS lines, BibTeX braces, no e-mail. */
function checkOutputs(values: Assignment, outputs: readonly Output[]): void {
  for (const o of outputs) expect(o.body).not.toContain(EMAIL);
  for (const suffix of ['article.xml', `${ISSUE}.xml`]) expect(wellFormed(body(outputs, suffix)), suffix).toBeUndefined();

  const page = shape(body(outputs, 'index.html'));
  const base = baseline(values);
  const extras = markupExtras(values);
  expect(page.errors).toEqual([]);
  expect(compare(page, base, extras)).toEqual({ added: [], missing: [] });
  expect(compare(page.citations, base.citations, extras).added).toEqual([]);
  expect([page.scripts, page.comments]).toEqual([base.scripts, base.comments]);

  expect(page.jsonLd).toHaveLength(1);
  const ld = JSON.parse(page.jsonLd[0]!) as { headline: string };
  expect(ld.headline).toBe(expectedTitle(values));

  const ris = body(outputs, 'citation.ris').split('\r\n');
  expect(ris.at(-1)).toBe('');
  for (const line of ris.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  expect(ris.filter((l) => l.startsWith('TY  - '))).toHaveLength(1);
  expect(ris.filter((l) => l.startsWith('ER  - '))).toHaveLength(1);

  const bib = body(outputs, 'citation.bib').replace(/\\[{}]/g, '');
  let depth = 0;
  for (const ch of bib) {
    depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  expect(bib.match(/^@\w+\{/gm)).toHaveLength(1);
}

describe('arbitrary text in any text field', () => {
  it('is rejected with a problem, or gives well-formed XML, uninjected HTML, exact JSON-LD, sound RIS and BibTeX', () => {
    let accepted = 0;
    fc.assert(
      fc.property(assignment, (values) => {
        const result = render(values);
        if (result.rejected) return;
        checkOutputs(values, result.outputs);
        accepted += 1;
      }),
      { numRuns: 150 },
    );
    // The generator must exercise the renderers, not only the validation.
    expect(accepted).toBeGreaterThan(30);
  });

  it('keeps the JATS and the Crossref deposit valid against their XSDs (sampled)', () => {
    let validated = 0;
    fc.assert(
      fc.property(assignment, (values) => {
        const result = render(values);
        if (result.rejected) return;
        const jats = validateXml('jats', body(result.outputs, 'article.xml'));
        expect(jats.errors).toEqual([]);
        // Lengths and name patterns the model allows but Crossref does not are crossrefRules' problems, not the renderer's.
        if (crossrefRules(result.bundle).length > 0) return;
        const deposit = validateXml('crossref', body(result.outputs, `${ISSUE}.xml`));
        expect(deposit.errors).toEqual([]);
        validated += 1;
      }),
      { numRuns: 50 },
    );
    expect(validated).toBeGreaterThan(5);
  });

  it('has oracles that see an injection, a comment and broken XML (so the properties above can fail)', () => {
    // Prepare
    const page = (inside: string): string => `<!doctype html><html><head><script type="application/ld+json">{}</script></head><body><p>${inside}</p></body></html>`;
    // Act
    const clean = shape(page('x &lt;img&gt;'));
    const injected = shape(page('x <img src=x onerror=alert(1)><!-- c --><script>1</script>'));
    // Assess
    expect(compare(injected, clean)).toEqual({ added: ['<img>', '@src', '@onError'], missing: [] });
    expect([clean.scripts, clean.comments, injected.scripts, injected.comments]).toEqual([1, 0, 2, 1]);
    expect(wellFormed('<a>&</a>')).toBeDefined();
    expect(wellFormed('<a>]]&gt;</a>')).toBeUndefined();
  });

  // Was a bug: citeproc-js read its mini-HTML in plain-text names and titles (fixed in cite/engine.ts).
  it('keeps tag-like text in a surname or journal title as text in How to Cite', () => {
    // Prepare
    const values: Assignment = { familyName: 'Petrović <b>Jr</b>', abbrevTitle: 'H<sub>2</sub>O' };
    const result = render(values);
    if (result.rejected) throw new Error('the model refuses plain text with angle brackets');
    // Act
    const page = shape(body(result.outputs, 'index.html'));
    // Assess
    expect(compare(page.citations, baseline(values).citations).added).toEqual([]);
  });

  it('names the reason when it refuses text: a control character, a blank value, a tag it does not know', () => {
    // Prepare: one value of each refusable kind.
    const cases: Assignment[] = [{ title: 'a\u0007b' }, { familyName: '   ' }, { abstract: 'x <script>y</script>' }, { keyword: '\uD800' }, { title: 'safe\u202Etxt.exe' }, { familyName: 'Petrovi\uFFFD' }];
    for (const values of cases) {
      // Act
      const loaded = load(values);
      // Assess
      expect(loaded.ok, JSON.stringify(values)).toBe(false);
      if (!loaded.ok) expect(loaded.problems[0]!.message).toMatch(/control character|empty|not allowed|not UTF-8/);
    }
  });
});
