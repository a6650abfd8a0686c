/**
 * JATS4R's Schematron rules (../shared/schemas/jats4r, read in place) run with Debian's Saxon-HE.
 *
 * The rules are compiled to XSLT once per set of rules (three ISO Schematron steps, ~13 s), and the
 * stylesheet is cached under `.cache/jats4r/<hash of the rules>/` (git-ignored). Documents are then
 * checked many per Java start (Saxon transforms a whole folder in one run): Java start-up costs
 * seconds, a document costs milliseconds. The SVRL reports are read with fast-xml-parser.
 * Provenance, commands and the ID-typing pitfall: ../shared/schemas/jats4r/README.md.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { repoDir, schemasDir } from './shared.ts';

const run = promisify(execFile);

/** Debian's libsaxonhe-java (installed by scripts/setup-saxon.sh, which .ci/run calls). */
export const saxonJar = (): string => process.env.COLOPHON_SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';

export type Jats4rFinding = {
  readonly role: 'error' | 'warning' | 'info';
  /** The Schematron test that fired. */
  readonly test: string;
  /** XPath of the element it fired on. */
  readonly location: string;
  readonly message: string;
};

const rulesDir = (): string => join(schemasDir(), 'jats4r', 'rules');
const isoDir = (): string => join(schemasDir(), 'jats4r', 'iso-schematron');

/** Hash of every file the compiled stylesheet depends on: a change in the rules compiles them again. */
function rulesHash(): string {
  const hash = createHash('sha256');
  for (const dir of [rulesDir(), isoDir()]) {
    for (const name of readdirSync(dir).sort()) {
      hash.update(name);
      hash.update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function saxon(args: readonly string[]): Promise<void> {
  // -warnings:silent: the rules' functions use xsl:value-of where Saxon would like xsl:sequence (SXWN9000).
  await run('java', ['-jar', saxonJar(), '-warnings:silent', ...args], { maxBuffer: 64 * 1024 * 1024 });
}

let compiling: Promise<string> | undefined;

/**
 * The compiled stylesheet's path: from the cache, or compiled now (include → expand → SVRL). Its
 * `doc('lang.xml')`-style lookups resolve against the rules folder through `xml:base`, so the rules'
 * data files are read where they are, never copied.
 */
export function compiledRules(): Promise<string> {
  compiling ??= (async () => {
    const dir = join(repoDir, '.cache', 'jats4r', rulesHash());
    const target = join(dir, 'jats4r.xsl');
    if (existsSync(target)) return target;
    mkdirSync(dir, { recursive: true });
    const work = mkdtempSync(join(dir, 'compile-'));
    try {
      await saxon([`-s:${join(rulesDir(), 'jats4r.sch')}`, `-xsl:${join(isoDir(), 'iso_dsdl_include.xsl')}`, `-o:${join(work, '1.sch')}`]);
      await saxon([`-s:${join(work, '1.sch')}`, `-xsl:${join(isoDir(), 'iso_abstract_expand.xsl')}`, `-o:${join(work, '2.sch')}`]);
      await saxon([`-s:${join(work, '2.sch')}`, `-xsl:${join(isoDir(), 'iso_svrl_for_xslt2.xsl')}`, `-o:${join(work, 'jats4r.xsl')}`]);
      const base = pathToFileURL(`${rulesDir()}/`).href;
      const xsl = readFileSync(join(work, 'jats4r.xsl'), 'utf8').replace(/<xsl:stylesheet\b/, `<xsl:stylesheet xml:base="${base}"`);
      // Another test worker may compile at the same time: write aside, then rename into place (atomic).
      writeFileSync(join(work, 'done.xsl'), xsl);
      renameSync(join(work, 'done.xsl'), target);
      return target;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  })();
  return compiling;
}

/**
 * The rules test `id()`/`idref()`, which need the DTD's ID typing; our JATS has no DOCTYPE, so an
 * internal subset declares the ID attributes for the check (the pitfall in the rules' README).
 */
const ID_TYPING = '<!DOCTYPE article [<!ATTLIST aff id ID #IMPLIED><!ATTLIST xref rid IDREFS #IMPLIED>]>';

export function withIdTyping(xml: string): string {
  if (/<!DOCTYPE/.test(xml.slice(0, 500))) return xml;
  const declaration = /^<\?xml[^>]*\?>\s*/.exec(xml);
  return declaration ? `${declaration[0]}${ID_TYPING}\n${xml.slice(declaration[0].length)}` : `${ID_TYPING}\n${xml}`;
}

const svrlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => name === 'failed-assert' || name === 'successful-report' });

type SvrlEntry = { role?: string; test?: string; location?: string; text?: string | { '#text'?: string } };

/** The findings of one SVRL report (failed asserts and successful reports alike). */
export function parseSvrl(svrl: string): Jats4rFinding[] {
  const doc = svrlParser.parse(svrl) as { 'schematron-output'?: Record<string, SvrlEntry[] | undefined> };
  const out = doc['schematron-output'] ?? {};
  return [...(out['failed-assert'] ?? []), ...(out['successful-report'] ?? [])].map((f) => {
    const text = typeof f.text === 'string' ? f.text : (f.text?.['#text'] ?? '');
    const role = f.role === 'error' || f.role === 'warning' ? f.role : 'info';
    return { role, test: f.test ?? '', location: f.location ?? '', message: text.replace(/\s+/g, ' ').trim() };
  });
}

/** Checks every document in one Java start; the result maps each document's name to its findings. */
export async function checkJats4r(docs: readonly { readonly name: string; readonly xml: string }[]): Promise<Map<string, Jats4rFinding[]>> {
  const xsl = await compiledRules();
  const work = mkdtempSync(join(tmpdir(), 'colophon-jats4r-'));
  try {
    const input = join(work, 'in');
    const output = join(work, 'out');
    mkdirSync(input);
    mkdirSync(output);
    const files = docs.map((d, k) => ({ name: d.name, file: `${String(k).padStart(5, '0')}.xml` }));
    docs.forEach((d, k) => writeFileSync(join(input, files[k]!.file), withIdTyping(d.xml)));
    if (docs.length > 0) await saxon([`-s:${input}`, `-xsl:${xsl}`, `-o:${output}`]);
    return new Map(files.map(({ name, file }) => [name, parseSvrl(readFileSync(join(output, file), 'utf8'))]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Errors and warnings only (the rules' `info` notes are advice, not findings). */
export const problemsOf = (findings: readonly Jats4rFinding[]): Jats4rFinding[] => findings.filter((f) => f.role !== 'info');

/** `error: message (at /article[1]/…)`, for readable test failures. */
export const describeFinding = (f: Jats4rFinding): string => `${f.role}: ${f.message} (at ${f.location})`;
