/**
 * examples/ is the staff's reference journal: it must validate with no problem and no warning,
 * and `colophon build` must write JATS and Crossref deposits valid against the official XSDs,
 * and landing pages that show what each feature promises. (JATS4R checks its JATS in
 * tests/core/jats/jats4r.test.ts; the browser suite checks its pages with the Nu checker.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoDir } from '#tests/helpers/shared';
import { validateXml } from '#tests/helpers/xsd';
import { removeTempDirs, runCli, tempDir } from '../cli/run.ts';

afterAll(removeTempDirs);

const EXAMPLES = join(repoDir, 'examples');
const files = (dir: string, name: RegExp): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => name.test(f))
    .sort()
    .map((f) => join(dir, f));

describe('examples/', () => {
  let out = '';
  const page = (doi: string): string => readFileSync(join(out, 'exemplaria/doi', doi, 'index.html'), 'utf8');

  beforeAll(async () => {
    out = tempDir('colophon-examples-');
    const run = await runCli(['build', EXAMPLES, '--out', out]);
    if (run.code !== 0) throw new Error(`colophon build examples failed: ${run.stderr}${run.stdout}`);
  });

  it('validates with no problem and no warning', async () => {
    const run = await runCli(['validate', EXAMPLES]);
    expect(run.stdout).toMatch(/^OK: 1 journal, \d+ issues, \d+ articles in .*examples\n$/);
    expect(run.code).toBe(0);
  });

  it('writes JATS valid against JATS 1.4, for every article', () => {
    const jats = files(out, /article\.xml$/);
    expect(jats.length).toBeGreaterThanOrEqual(10);
    for (const file of jats) expect({ file, ...validateXml('jats', readFileSync(file, 'utf8')) }).toMatchObject({ file, valid: true });
    // The withdrawn article's JATS says so (and keeps the citation without the work).
    const withdrawn = readFileSync(join(out, 'exemplaria/doi/10.5555/exemplaria.xiii.41/article.xml'), 'utf8');
    expect(withdrawn).toMatch(/<notes notes-type="withdrawal">\s*<title>Withdrawn<\/title>\s*<p>This article has been withdrawn \(2025-03-20\): Published in error/);
    expect(withdrawn).toContain('<date date-type="withdrawn" iso-8601-date="2025-03-20">');
    expect(withdrawn).not.toContain('<abstract');
  });

  it('writes Crossref deposits valid against Crossref 5.4.0, with the Crossmark updates', () => {
    const deposits = files(join(out, 'exemplaria/crossref'), /\.xml$/);
    expect(deposits.length).toBeGreaterThanOrEqual(2);
    for (const file of deposits) expect({ file, ...validateXml('crossref', readFileSync(file, 'utf8')) }).toMatchObject({ file, valid: true });
    const notices = readFileSync(join(out, 'exemplaria/crossref/XIII-2025.xml'), 'utf8');
    for (const type of ['correction', 'retraction', 'expression_of_concern']) expect(notices).toMatch(new RegExp(`<update type="${type}"[^>]*>10\\.5555/exemplaria\\.xii\\.\\d</update>`));
    // The withdrawn article: an in-situ update of its own DOI.
    expect(notices).toContain('<update type="withdrawal" date="2025-03-20">10.5555/exemplaria.xiii.41</update>');
  });

  it('shows each feature on the landing pages', () => {
    // Roman volume as printed; print and online dates; a French article with its English title.
    expect(page('10.5555/exemplaria.xii.1')).toContain('<meta name="citation_volume" content="XII">');
    expect(page('10.5555/exemplaria.xii.2')).toContain('Maps of Borders That Never Existed');
    expect(page('10.5555/exemplaria.xii.1')).toContain('<meta name="citation_pdf_url" content="https://exemplaria.example.org/doi/10.5555/exemplaria.xii.1/carberry.pdf">');
    // The notices, at the top of the updated articles' pages.
    expect(page('10.5555/exemplaria.xii.4')).toContain('This article has been retracted (2025-03-10)');
    expect(page('10.5555/exemplaria.xii.3')).toMatch(/expression of concern/i);
    expect(page('10.5555/exemplaria.xii.1')).toContain('A correction to this article has been published (2025-03-10)');
    // JEL codes: a typed keyword group in the JATS, under the scheme's name on the page; the reference lists as downloads.
    expect(readFileSync(join(out, 'exemplaria/doi/10.5555/exemplaria.xii.1/article.xml'), 'utf8')).toMatch(/<kwd-group kwd-group-type="JEL">\s*<kwd>N73<\/kwd>\s*<kwd>N93<\/kwd>\s*<\/kwd-group>/);
    expect(page('10.5555/exemplaria.xii.1')).toMatch(/<dt>JEL<\/dt>\s*<dd>\s*<ul class="keywords">\s*<li>N73<\/li>\s*<li>N93<\/li>/);
    expect(page('10.5555/exemplaria.xii.1')).toContain('href="references.ris"');
    // The issue-level licence reaches an article without its own; an article's own licence wins.
    expect(page('10.5555/exemplaria.xii.1')).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(page('10.5555/exemplaria.xii.3')).toContain('https://creativecommons.org/licenses/by-sa/4.0/');
    // The withdrawn article's page is a notice that keeps the citation, without the work; the sitemap drops it.
    const withdrawn = page('10.5555/exemplaria.xiii.41');
    expect(withdrawn).toContain('This article has been withdrawn (2025-03-20): Published in error');
    expect(withdrawn).toContain('<meta name="citation_title" content="Customs without Ships" lang="en">');
    expect(withdrawn).not.toContain('never saw a ship');
    expect(files(join(out, 'exemplaria'), /^sitemap[^/]*\.xml$/).map((f) => readFileSync(f, 'utf8')).join('')).not.toContain('exemplaria.xiii.41');
    // The XIII-2025 cover sits beside its issue page, byte for byte, shown there and on the home page (XIII-2025 is current) with its alt text.
    expect(Buffer.compare(readFileSync(join(out, 'exemplaria/exemplaria/issues/XIII-2025/cover.png')), readFileSync(join(EXAMPLES, 'exemplaria/XIII-2025/cover.png')))).toBe(0);
    const alt = 'alt="A lighthouse on the harbour wall of Novi Exemplar, over a dark blue sea."';
    expect(readFileSync(join(out, 'exemplaria/exemplaria/issues/XIII-2025/index.html'), 'utf8')).toContain(`<figure class="cover"><img src="cover.png" ${alt}></figure>`);
    expect(readFileSync(join(out, 'exemplaria/exemplaria/index.html'), 'utf8')).toContain(`<figure class="cover"><img src="issues/XIII-2025/cover.png" ${alt}></figure>`);
    // The galley sits beside its page.
    expect(readFileSync(join(out, 'exemplaria/doi/10.5555/exemplaria.xii.1/carberry.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('marks the retracted article, the one under an expression of concern and the withdrawn one in the tables of contents', () => {
    const marks = (issue: string): string[] => [...readFileSync(join(out, 'exemplaria/exemplaria/issues', issue, 'index.html'), 'utf8').matchAll(/<p class="toc-status">([^<]+)<\/p>\s*<h3[^>]*><a href="[^"]*exemplaria\.([^/"]+)\//g)].map((m) => `${m[2]}: ${m[1]}`);
    expect(marks('XII-2024')).toEqual(['xii.3: Expression of concern', 'xii.4: Retracted']);
    expect(marks('XIII-2025')).toEqual(['xiii.41: Withdrawn']);
  });
});
