/**
 * DOIs whose pages would nest. A landing page lives in a folder named after its DOI
 * (`doi/<doi>/index.html`, beside `citation.bib`, `article.xml`, galleys), so a DOI that extends
 * another one by a path (`10.5555/a` and `10.5555/a/citation.bib`) puts one article's folder
 * inside the other's, where its files can collide with the first article's files (and, written
 * to a disk by `build`, a file and a folder would need the same name). Crossref allows such
 * DOIs; a journal mints its own, so it can always give one of them another.
 */
import type { CheckedFile } from './parse-file.ts';
import type { Problem } from './problems.ts';

export type DoiClaim = { readonly doi: string; readonly place: CheckedFile<unknown>['place'] };

export function nestedDoiProblems(claims: readonly DoiClaim[]): Problem[] {
  const byKey = new Map(claims.map((c) => [c.doi.toLowerCase(), c]));
  const problems: Problem[] = [];
  for (const claim of claims) {
    const segments = claim.doi.toLowerCase().split('/');
    // The prefix (10.5555) and the first suffix segment form the shortest DOI; check each longer path's parents.
    for (let end = segments.length - 1; end >= 2; end--) {
      const outer = byKey.get(segments.slice(0, end).join('/'));
      if (outer === undefined || outer === claim) continue;
      problems.push(
        claim.place({
          path: ['doi'],
          message: `the DOI ${claim.doi} lies inside the page folder of ${outer.doi} (/doi/${outer.doi}/): the two articles' pages and files would mix`,
          hint: `give one of them a DOI that does not continue the other with a "/" (for example ${outer.doi}.2 or ${claim.doi.replaceAll('/', '-').replace('-', '/')})`,
        }),
      );
      break;
    }
  }
  return problems;
}
