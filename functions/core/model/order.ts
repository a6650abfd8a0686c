/**
 * The order of an issue's articles, the one every output uses (issue page, home page, Crossref
 * deposit, OAI sets, `colophon status`):
 * - explicit: issue.yaml lists article ids in order, under its sections (`sections[].articles`)
 *   or for the whole issue (`articles`); sections come in the order issue.yaml lists them;
 * - otherwise grouped as the issue page groups them (articles without a section first, then each
 *   section in the order issue.yaml lists them), and within a group by first page, front matter in roman numerals (`xiv`) before arabic pages, then
 *   labelled pages (`S12`, `e7`) in natural order, articles without pages last; then by article
 *   number; then by title; then by file name, so that the order never depends on how files are read.
 */
import { plainText } from './markup.ts';
import { isRoman, pageValue } from './pages.ts';
import type { Issue } from './issue.ts';
import type { Article } from './resolved.ts';

/** The ids issue.yaml lists, in order (sections first to last), or undefined when it lists none. */
export function listedOrder(issue: Pick<Issue, 'sections' | 'articles'>): string[] | undefined {
  const inSections = (issue.sections ?? []).flatMap((s) => s.articles ?? []);
  if (issue.articles !== undefined) return [...issue.articles];
  return (issue.sections ?? []).some((s) => s.articles !== undefined) ? inSections : undefined;
}

const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** Where a first page sorts: roman front matter, then arabic, then other labels, then none. */
function pageRank(first: string | undefined): [number, number, string] {
  if (first === undefined) return [3, 0, ''];
  if (/^\d+$/.test(first)) return [1, Number(first), ''];
  if (isRoman(first)) return [0, pageValue(first) ?? 0, ''];
  return [2, 0, first];
}

/** The default order: first page, article number, title, file name. */
export function comparePlacement(a: Pick<Article, 'id' | 'pages' | 'article_number' | 'titles'>, b: Pick<Article, 'id' | 'pages' | 'article_number' | 'titles'>): number {
  const [ra, va, la] = pageRank(a.pages?.first);
  const [rb, vb, lb] = pageRank(b.pages?.first);
  return (
    ra - rb ||
    va - vb ||
    natural(la, lb) ||
    natural(a.article_number ?? '\uffff', b.article_number ?? '\uffff') ||
    natural(plainText(a.titles[0].title), plainText(b.titles[0].title)) ||
    natural(a.id, b.id)
  );
}

/** The articles in the issue's order (explicit when issue.yaml lists them, by section and placement otherwise). */
export function orderArticles<A extends Pick<Article, 'id' | 'pages' | 'article_number' | 'titles' | 'section'>>(issue: Pick<Issue, 'sections' | 'articles'>, articles: readonly A[]): A[] {
  const listed = listedOrder(issue);
  const sections = (issue.sections ?? []).map((s) => s.id);
  const group = (a: A): number => (a.section === undefined ? -1 : sections.indexOf(a.section.id));
  const byPlacement = [...articles].sort((a, b) => group(a) - group(b) || comparePlacement(a, b));
  if (listed === undefined) return byPlacement;
  const position = new Map(listed.map((id, k) => [id, k]));
  // Articles issue.yaml does not list are refused by the loader; records from before it did keep their placement, after the listed ones.
  return byPlacement.map((a, k) => ({ a, k: position.get(a.id) ?? listed.length + k })).sort((x, y) => x.k - y.k).map((x) => x.a);
}
