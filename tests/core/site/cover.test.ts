/**
 * The issue's cover (issue 11, item 3) on the issue page and the journal's home page: an image with
 * its text alternative, linked relative to the page, shown only once its file is checked (the file
 * then sits beside the issue page), never as a link to a file the site does not have.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '#core/model/index';
import { renderArchivePage, renderIssuePage } from '#core/site/index';
import { loadBundles } from '../cite/load.ts';
import { all, parsePage } from '../landing/page.ts';

const [fixture] = loadBundles('tests/fixtures/metadata');
const { journal, articles } = fixture!;
const ALT = 'A hand-drawn map of the Danube delta.';
const checked: Issue = { ...fixture!.issue, cover: { path: 'cover.jpg', alt: ALT, file: { sha256: 'a'.repeat(64), size: 1234 } } };
const unchecked: Issue = { ...fixture!.issue, cover: { path: 'cover.jpg', alt: ALT } };

const images = (html: string): { src: unknown; alt: unknown }[] => all(parsePage(html), 'figure.cover img').map((img) => ({ src: img.properties['src'], alt: img.properties['alt'] }));

describe('the cover image', () => {
  it('is on the issue page, beside it, with its text alternative', () => {
    expect(images(renderIssuePage(journal, checked, articles))).toEqual([{ src: 'cover.jpg', alt: ALT }]);
  });

  it('is on the home page while the issue is current', () => {
    const html = renderArchivePage(journal, [{ issue: checked, articleCount: articles.length, articles }]);
    expect(images(html)).toEqual([{ src: 'issues/2024-12-3/cover.jpg', alt: ALT }]);
    expect(parsePage(html).parseErrors).toEqual([]);
  });

  it('is not shown while its file is unchecked, nor when the issue has none', () => {
    expect(images(renderIssuePage(journal, unchecked, articles))).toEqual([]);
    expect(images(renderIssuePage(journal, fixture!.issue, articles))).toEqual([]);
  });
});
