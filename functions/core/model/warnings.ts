/**
 * Advice about data that loads and renders but that reusers expect (warnings: `validate` shows
 * them and still succeeds; `build` writes everything). Each names the field to fill in.
 */
import type { RuleProblem } from './resolve.ts';
import type { IssueBundle } from './resolved.ts';

/**
 * A licence: JATS4R asks every article for `<permissions>` with its licence
 * (https://jats4r.niso.org/permissions/), and Crossref's reuse and TDM consumers read `ai:license_ref`.
 */
export function licenseWarnings(bundle: IssueBundle): RuleProblem[] {
  if (bundle.journal.license !== undefined) return [];
  const without = bundle.articles.filter((a) => a.license === undefined).length;
  if (without === 0) return [];
  return [
    {
      where: 'journal',
      path: ['license'],
      message: `no licence: ${without} article(s) of issue ${bundle.issue.id} are published without one, and JATS4R and Crossref expect one`,
      hint: 'add license: {url: …} to journal.yaml (for example https://creativecommons.org/licenses/by/4.0/), or license to each article',
    },
  ];
}
