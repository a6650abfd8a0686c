/** Names as citations, indexers and readers want them, from the model's contributors. */
import type { Article, Contributor, ContributorRole } from '#core/model/index';

/** A name as citations use it: the article's contributors and the cited works' authors and editors alike. */
export type CitableName = { readonly kind: 'person'; readonly surname: string; readonly given_names?: string | undefined; readonly suffix?: string | undefined } | { readonly kind: 'organization'; readonly name: string };

/** The contributors with one role, in the order the article lists them. */
export const withRole = (article: Article, role: ContributorRole): Contributor[] => article.contributors.filter((c) => c.role === role);

/** The authors (not editors or translators): the names a citation starts with. */
export const authorsOf = (article: Article): Contributor[] => withRole(article, 'author');

/**
 * "Surname, Given names" (and ", Suffix"), as Google Scholar's inclusion guidelines ask for
 * `citation_author` and as RIS `AU` and Dublin Core `DC.creator` take it; a single name or an
 * organisation stays as it is.
 */
export function invertedName(c: CitableName): string {
  if (c.kind === 'organization') return c.name;
  const parts = [c.surname, c.given_names, c.suffix].filter((p): p is string => p !== undefined);
  return parts.join(', ');
}

/** "Given names Surname Suffix", the name as a reader sees it on the page. */
export function displayName(c: Contributor): string {
  if (c.kind === 'organization') return c.name;
  return [c.given_names, c.surname, c.suffix].filter((p): p is string => p !== undefined).join(' ');
}
