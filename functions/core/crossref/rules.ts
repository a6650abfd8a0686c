/**
 * What Crossref 5.4.0 rejects or drops that the model allows: field lengths and name patterns from
 * crossref5.4.0.xsd / common5.4.0.xsd, years outside 1400–2200, DOI suffixes over 200 characters,
 * an issue with nothing to register. Each of these would fail the deposit, so callers treat them as
 * errors; what the deposit merely leaves out is `crossrefOmissions`' business. The model already checks
 * the DOI prefix, at most 20 titles and at most 5 institutions per contributor. (An update notice
 * without the journal's Crossmark policy DOI is refused here too: the deposit could not carry it.)
 * Problems use the model's RuleProblem (`where`: journal, issue or the article's index in the bundle)
 * so callers can locate them in the YAML like the model's own rules.
 */
import type { Contributor } from '../model/contributors.ts';
import type { PartialDate } from '../model/dates.ts';
import type { PublicationDates } from '../model/issue.ts';
import type { FieldPath } from '../model/problems.ts';
import type { RuleProblem } from '../model/resolve.ts';
import type { Journal } from '../model/journal.ts';
import type { Issue } from '../model/issue.ts';
import type { Loose } from '../model/loose.ts';
import type { RelationType } from '../model/relations.ts';
import { isUpdate } from '../model/relation-types.ts';
import type { IssueBundle } from '../model/resolved.ts';

/** What the limits look at: a loaded bundle, or an issue's files as far as they loaded (core/model/load.ts's IssueView). */
export type CrossrefView = {
  readonly journal: Loose<Journal>;
  readonly issue: Loose<Issue>;
  readonly articles: readonly {
    readonly doi?: string | undefined;
    readonly pages?: { readonly first: string; readonly last?: string | undefined } | undefined;
    readonly article_number?: string | undefined;
    readonly dates?: { readonly published?: PublicationDates | undefined; readonly accepted?: PartialDate | undefined } | undefined;
    readonly contributors?: readonly (Contributor | undefined)[] | undefined;
    readonly references?: readonly ({ readonly doi?: string | undefined } | undefined)[] | undefined;
    readonly relations?: readonly ({ readonly type: RelationType } | undefined)[] | undefined;
    readonly withdrawn?: unknown;
  }[];
  readonly issueLoaded: boolean;
};

/** Maximum lengths (in characters) of the XSD simple types the model's values go into. */
export const CROSSREF_MAX_LENGTH = {
  full_title: 255,
  abbrev_title: 150,
  depositor_name: 130,
  email_address: 200,
  registrant: 255,
  volume: 32,
  issue: 32,
  page: 32,
  item_number: 32,
  name: 60,
  suffix: 10,
  organization: 511,
  institution_name: 1024,
  doi_suffix: 200,
} as const;

const YEARS = { min: 1400, max: 2200 } as const;

/**
 * XSD's name pattern `[^\d\?]*[^\?\s]+[^\d]*` (anchored; `\d` is any Unicode digit, `\s` XML white
 * space), after whitespace collapse. Validators read `\d` with the Unicode tables they were built
 * with: the Ethiopic digits U+1369–U+1371 were decimal digits (Nd) until Unicode 4.1 and still are
 * for libxml2, so they count as digits here too (found by tests/core/properties.test.ts).
 */
const XSD_NAME = /^[^\p{Nd}\u1369-\u1371?]*[^?\t\n\r ]+[^\p{Nd}\u1369-\u1371]*$/u;
const collapse = (value: string): string => value.replace(/[\t\n\r ]+/g, ' ').trim();
const chars = (value: string): number => [...value].length;

/** Crossref's limits on a loaded issue. */
export function crossrefRules(bundle: IssueBundle): RuleProblem[] {
  return crossrefIssueRules({ journal: bundle.journal, issue: bundle.issue, articles: bundle.articles, issueLoaded: true });
}

/**
 * Crossref's limits on an issue as far as it loaded (core/model/load.ts runs this for `colophon
 * validate` even when other fields or files have problems). An article's inherited dates are the
 * issue's and are checked with the issue.
 */
export function crossrefIssueRules(view: CrossrefView): RuleProblem[] {
  const { journal, issue, articles } = view;
  const problems: RuleProblem[] = [];
  const tooLong = (where: RuleProblem['where'], path: FieldPath, value: string | undefined, max: number, what: string): void => {
    if (value !== undefined && chars(value) > max) problems.push({ where, path, message: `${what} has ${chars(value)} characters`, hint: `Crossref accepts at most ${max}: shorten it` });
  };
  const doiSuffix = (where: RuleProblem['where'], path: FieldPath, doi: string | undefined): void => {
    if (doi !== undefined) tooLong(where, path, doi.slice(doi.indexOf('/') + 1), CROSSREF_MAX_LENGTH.doi_suffix, `the suffix of DOI ${doi}`);
  };
  const years = (where: RuleProblem['where'], path: FieldPath, date: PartialDate | undefined): void => {
    if (date !== undefined && (date.year < YEARS.min || date.year > YEARS.max)) {
      problems.push({ where, path, message: `year ${date.year} is outside ${YEARS.min}–${YEARS.max}`, hint: 'Crossref accepts publication years from 1400 to 2200: check the year' });
    }
  };
  const published = (where: RuleProblem['where'], dates: PublicationDates | undefined, path: FieldPath): void => {
    years(where, [...path, 'print'], dates?.print);
    years(where, [...path, 'online'], dates?.online);
  };

  tooLong('journal', ['title'], journal.title, CROSSREF_MAX_LENGTH.full_title, 'the journal title');
  tooLong('journal', ['abbrev_title'], journal.abbrev_title, CROSSREF_MAX_LENGTH.abbrev_title, 'the abbreviated title');
  tooLong('journal', ['crossref', 'depositor', 'name'], journal.crossref?.depositor.name, CROSSREF_MAX_LENGTH.depositor_name, 'the depositor name');
  tooLong('journal', ['crossref', 'depositor', 'email'], journal.crossref?.depositor.email, CROSSREF_MAX_LENGTH.email_address, 'the depositor email');
  tooLong('journal', ['crossref', 'registrant'], journal.crossref?.registrant, CROSSREF_MAX_LENGTH.registrant, 'the registrant');

  tooLong('issue', ['volume'], issue.volume, CROSSREF_MAX_LENGTH.volume, 'the volume');
  tooLong('issue', ['number'], issue.number, CROSSREF_MAX_LENGTH.issue, 'the issue number');
  doiSuffix('issue', ['doi'], issue.doi);
  published('issue', issue.published, ['published']);
  if (view.issueLoaded && issue.doi === undefined && articles.length === 0) {
    problems.push({ where: 'issue', path: [], message: 'the issue has no DOI and no articles: a deposit would register nothing', hint: 'add articles or an issue DOI' });
  }

  articles.forEach((article, k) => {
    doiSuffix(k, ['doi'], article.doi);
    tooLong(k, ['pages', 'first'], article.pages?.first, CROSSREF_MAX_LENGTH.page, 'the first page');
    tooLong(k, ['pages', 'last'], article.pages?.last, CROSSREF_MAX_LENGTH.page, 'the last page');
    tooLong(k, ['article_number'], article.article_number, CROSSREF_MAX_LENGTH.item_number, 'the article number');
    if (article.dates?.published !== issue.published) published(k, article.dates?.published, ['dates', 'published']);
    years(k, ['dates', 'accepted'], article.dates?.accepted);
    (article.contributors ?? []).forEach((c, n) => problems.push(...(c ? contributorProblems(k, ['contributors', n], c) : [])));
    (article.references ?? []).forEach((r, n) => doiSuffix(k, ['references', n, 'doi'], r?.doi));
    if (article.withdrawn !== undefined && journal.crossref !== undefined && journal.crossref.crossmark_policy === undefined) {
      problems.push({ where: k, path: ['withdrawn'], message: 'a withdrawal is registered with Crossref as a Crossmark update, which needs the DOI of your policy page on corrections, retractions and withdrawals', hint: "add crossref.crossmark_policy (that page's DOI) to journal.yaml" });
    }
    // Crossref registers updates only as Crossmark, whose record needs the policy page's DOI (crossmark.ts).
    (article.relations ?? []).forEach((r, n) => {
      if (r && isUpdate(r.type) && journal.crossref !== undefined && journal.crossref.crossmark_policy === undefined) {
        problems.push({
          where: k,
          path: ['relations', n, 'type'],
          message: `a ${r.type} notice is registered with Crossref as a Crossmark update, which needs the DOI of your policy page on corrections and retractions`,
          hint: 'add crossref.crossmark_policy (that page\'s DOI) to journal.yaml',
        });
      }
    });
  });
  return problems;
}

function contributorProblems(where: number, path: FieldPath, contributor: Contributor): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const check = (field: FieldPath, value: string | undefined, max: number, what: string, pattern: boolean): void => {
    if (value === undefined) return;
    const collapsed = collapse(value);
    if (chars(collapsed) > max) problems.push({ where, path: [...path, ...field], message: `${what} has ${chars(collapsed)} characters`, hint: `Crossref accepts at most ${max}` });
    if (pattern && !XSD_NAME.test(collapsed)) {
      problems.push({ where, path: [...path, ...field], message: `${what} "${value}" does not fit Crossref's name pattern`, hint: 'Crossref accepts digits in one word of a name only, and no "?" before that word' });
    }
  };
  if (contributor.kind === 'organization') {
    check(['organization'], contributor.name, CROSSREF_MAX_LENGTH.organization, 'the organization name', false);
    return problems;
  }
  check(['given_name'], contributor.given_names, CROSSREF_MAX_LENGTH.name, 'the given name', true);
  check(['family_name'], contributor.surname, CROSSREF_MAX_LENGTH.name, 'the family name', true);
  check(['suffix'], contributor.suffix, CROSSREF_MAX_LENGTH.suffix, 'the suffix', false);
  contributor.affiliations.forEach((a, n) => check(['affiliations', n, 'name'], a.name, CROSSREF_MAX_LENGTH.institution_name, 'the institution name', false));
  return problems;
}
