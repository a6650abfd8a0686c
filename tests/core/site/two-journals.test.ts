/**
 * Two journals on one stage's site (issue 12, High 3): each journal's pages under its own keys,
 * landing pages at /doi/, the root sitemap an index over every journal's sitemap, and each file
 * keeping the sitemaps.org rules (tests/helpers/sitemap-rules.ts). On main the site had one
 * journal's keys (`index.html`, `issues/<id>/`, `sitemap.xml`), so a second journal overwrote them.
 */
import { describe, expect, it } from 'vitest';
import { loadJournal, type IssueBundle, type Journal } from '#core/model/index';
import { renderJournalOutputs, renderJournalSitemaps, renderSitemapIndex, renderStageOutputs, SITEMAP_URL_LIMIT, type SitemapEntry } from '#core/site/index';
import { issueKey, issueUrl, journalHomeKey, journalHomeUrl, journalSitemapKey, keyOfPath, landingUrl, RESERVED_JOURNAL_IDS } from '#core/urls';
import { sitemapLocs, sitemapProblems } from '#tests/helpers/sitemap-rules';
import { fixtureSources } from '../../integration/fixtures.ts';
import { loadBundles } from '../cite/load.ts';

const SITE = 'https://journals.example.org';
const onSite = (bundles: readonly IssueBundle[], id: string): IssueBundle[] => bundles.map((b) => ({ ...b, journal: { ...b.journal, id, base_url: SITE } }));
// Balcanica and a second journal whose only issue has the same id, L-2019: their issue pages must not meet.
const balcanica = onSite(loadBundles('metadata'), 'balcanica');
const second = onSite(loadBundles('tests/fixtures/metadata'), 'sbt').map((b) => ({ ...b, issue: { ...b.issue, id: 'L-2019' } }));
const journalOf = (bundles: readonly IssueBundle[]): Journal => bundles[0]!.journal;

/** What S3 serves for a URL on the site: the path decoded once, `/` → `index.html`. */
const keyOf = (url: string): string => keyOfPath(new URL(url).pathname.replace(/\/$/, '/index.html'));

describe('keys and URLs of two journals on one site', () => {
  it('puts each journal\'s home and issue pages under its own folder, and each URL decodes to its key', () => {
    for (const bundles of [balcanica, second]) {
      const journal = journalOf(bundles);
      expect(keyOf(journalHomeUrl(journal))).toBe(journalHomeKey(journal.id));
      expect(keyOf(issueUrl(journal, 'L-2019'))).toBe(issueKey(journal.id, 'L-2019'));
      expect(issueKey(journal.id, 'L-2019')).toBe(`${journal.id}/issues/L-2019/index.html`);
    }
    expect(issueKey('balcanica', 'L-2019')).not.toBe(issueKey('sbt', 'L-2019'));
    expect(keyOf(landingUrl(journalOf(balcanica), '10.2298/BALC1950375E'))).toBe('doi/10.2298/BALC1950375E/index.html');
  });

  it('gives two journals\' own files no key in common, and none that is a root file', () => {
    // Act
    const a = renderJournalOutputs(journalOf(balcanica), balcanica).outputs.map((o) => o.key);
    const b = renderJournalOutputs(journalOf(second), second).outputs.map((o) => o.key);
    const root = renderStageOutputs([journalOf(balcanica), journalOf(second)], [], SITE).map((o) => o.key);
    // Assess
    expect(a.filter((k) => b.includes(k) || root.includes(k))).toEqual([]);
    expect(b.filter((k) => root.includes(k))).toEqual([]);
    expect(a).toContain('sitemap-balcanica.xml');
    expect(b).toEqual(['sbt/index.html', 'sbt/issues/L-2019/index.html', 'sitemap-sbt.xml']);
  });

  it('refuses journal ids the site uses itself', () => {
    // Prepare
    const [sources] = fixtureSources();
    const named = (id: string) => ({ ...sources!, journal: { ...sources!.journal, text: sources!.journal.text.replace('id: testjournal', `id: ${id}`) } });
    // Act
    const results = RESERVED_JOURNAL_IDS.map((id) => loadJournal(named(id)));
    // Assess
    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(JSON.stringify(!result.ok && result.problems)).toContain('is a path the site uses itself');
    }
    expect(loadJournal(named('balkan-two')).ok).toBe(true);
  });
});

describe('sitemaps of two journals', () => {
  const a = renderJournalOutputs(journalOf(balcanica), balcanica);
  const b = renderJournalOutputs(journalOf(second), second);
  const stage = renderStageOutputs([journalOf(balcanica), journalOf(second)], [...a.sitemapParts, ...b.sitemapParts], SITE);
  const file = (outputs: readonly { key: string; body: string }[], key: string): string => outputs.find((o) => o.key === key)!.body;

  it('makes the root sitemap.xml an index over both journals\' sitemaps, keeping the protocol', () => {
    // Act
    const index = file(stage, 'sitemap.xml');
    // Assess
    expect(sitemapProblems(index, `${SITE}/sitemap.xml`, 'sitemapindex')).toEqual([]);
    expect(sitemapLocs(index)).toEqual([`${SITE}/sitemap-balcanica.xml`, `${SITE}/sitemap-sbt.xml`]);
  });

  it('keeps each journal\'s sitemap within the protocol, listing its home, issue and landing pages', () => {
    for (const [journal, outputs] of [[journalOf(balcanica), a.outputs], [journalOf(second), b.outputs]] as const) {
      const key = journalSitemapKey(journal.id);
      const body = file(outputs, key);
      expect(sitemapProblems(body, `${SITE}/${key}`, 'urlset')).toEqual([]);
      expect(sitemapLocs(body).slice(0, 2)).toEqual([journalHomeUrl(journal), issueUrl(journal, 'L-2019')]);
    }
  });

  it('would break the location rule with a journal sitemap under /<journal-id>/, which lists /doi/ pages (why it sits at the root)', () => {
    const body = file(a.outputs, journalSitemapKey('balcanica'));
    expect(sitemapProblems(body, `${SITE}/balcanica/sitemap.xml`, 'urlset').some((p) => p.includes('location rule'))).toBe(true);
  });

  it('escapes and encodes SICI DOIs in <loc>', () => {
    // Prepare
    const journal = journalOf(balcanica);
    const entries: SitemapEntry[] = ['10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', '10.5555/a&b'].map((doi) => ({ loc: landingUrl(journal, doi), lastmod: '2025-01-01' }));
    // Act
    const [sitemap] = renderJournalSitemaps(journal, entries).files;
    // Assess
    expect(sitemapProblems(sitemap!.body, `${SITE}/${sitemap!.key}`, 'urlset')).toEqual([]);
    expect(sitemap!.body).toContain('%3C693%3A%3AAID-ASI4%3E');
    expect(sitemap!.body).not.toMatch(/<loc>[^<]*[<>&][^<]*<\/loc>/);
  });

  it('splits a journal past 50,000 URLs; every part and the index keep the protocol', () => {
    // Prepare
    const journal = journalOf(second);
    const entries = Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, k) => ({ loc: landingUrl(journal, `10.5555/n.${k}`), lastmod: '2025-01-01' }));
    // Act
    const big = renderJournalSitemaps(journal, entries);
    const index = renderSitemapIndex([...a.sitemapParts, ...big.parts]);
    // Assess
    expect(big.files.map((f) => f.key)).toEqual(['sitemap-sbt.xml', 'sitemap-sbt.2.xml']);
    for (const part of big.files) expect(sitemapProblems(part.body, `${SITE}/${part.key}`, 'urlset')).toEqual([]);
    expect(sitemapProblems(index.body, `${SITE}/sitemap.xml`, 'sitemapindex')).toEqual([]);
    expect(sitemapLocs(index.body)).toEqual([`${SITE}/sitemap-balcanica.xml`, `${SITE}/sitemap-sbt.xml`, `${SITE}/sitemap-sbt.2.xml`]);
  });

  it('the checker itself catches relative, unescaped, foreign and too many <loc>s', () => {
    const urlset = (locs: string[]): string => `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;
    expect(sitemapProblems(urlset(['/doi/x/']), `${SITE}/s.xml`, 'urlset')).toEqual([expect.stringContaining('not an absolute URL')]);
    expect(sitemapProblems(urlset([`${SITE}/a?b=1&c=2`]), `${SITE}/s.xml`, 'urlset')).toContainEqual(expect.stringContaining('unescaped &'));
    expect(sitemapProblems(urlset(['https://other.org/x']), `${SITE}/s.xml`, 'urlset')).toEqual([expect.stringContaining('another host')]);
    expect(sitemapProblems(urlset([`${SITE}/a b`]), `${SITE}/s.xml`, 'urlset')).toEqual([expect.stringContaining('URL-escaped')]);
    expect(sitemapProblems(urlset(Array.from({ length: 50_001 }, (_, k) => `${SITE}/${k}`)), `${SITE}/s.xml`, 'urlset')).toEqual(['50001 entries: at most 50,000']);
  });
});

describe('the stage\'s root page', () => {
  it('lists every journal, linking to its home', () => {
    // Act
    const home = renderStageOutputs([journalOf(second), journalOf(balcanica)], [], SITE).find((o) => o.key === 'index.html')!.body;
    // Assess
    expect(home).toContain('href="balcanica/"');
    expect(home).toContain('href="sbt/"');
    expect(home.indexOf('Balcanica')).toBeLessThan(home.indexOf('Studia Balcanica Testimonia'));
  });
});
