/**
 * What a deposit leaves out of valid metadata because Crossref 5.4.0 has no place for it: notices
 * for staff, not errors (the article still publishes, its JATS and landing page still carry it).
 * Same shape as the model's RuleProblem so callers can locate them in the YAML.
 */
import type { RuleProblem } from '../model/resolve.ts';
import type { IssueBundle } from '../model/resolved.ts';
import { RELATION_TYPES } from './rel-program.ts';

export function crossrefOmissions(bundle: IssueBundle): RuleProblem[] {
  return bundle.articles.flatMap((article, k) =>
    article.relations.flatMap((relation, n): RuleProblem[] =>
      RELATION_TYPES[relation.type] === undefined
        ? [
            {
              where: k,
              path: ['relations', n, 'type'],
              message: `the ${relation.type} relation to ${relation.doi} is not in the Crossref deposit`,
              hint: 'Crossref records corrections and retractions as Crossmark updates, which need a Crossmark policy DOI',
            },
          ]
        : [],
    ),
  );
}
