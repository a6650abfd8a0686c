/**
 * What an article's outputs say about other articles: a notice shows the title of the article it
 * corrects or retracts, and the updated article shows its notices. Neither is in the article's own
 * file, so both are linked in when the outputs are made, from what Colophon knows: the journal
 * folder (CLI) or the records table (Render). A relation to a DOI under the journal's own prefix
 * must name an article Colophon knows: a typo there would register an update of nothing.
 */
import { doiPrefix } from './identifiers.ts';
import type { InlineText } from './markup.ts';
import { isUpdate, type UpdateType } from './relation-types.ts';
import type { Notice } from './relations.ts';
import type { RuleProblem } from './resolve.ts';
import type { Article, IssueBundle } from './resolved.ts';

/** An article Colophon knows, by DOI: enough to name it on another article's page. */
export type KnownArticle = { readonly doi: string; readonly title: InlineText };

const key = (doi: string): string => doi.toLowerCase();

/** Own-prefix relations that name no known article (`known` answers for DOIs outside this bundle). */
export function relationRules(bundle: IssueBundle, known: (doi: string) => boolean): RuleProblem[] {
  const here = new Set(bundle.articles.map((a) => key(a.doi)));
  return bundle.articles.flatMap((article, k) =>
    article.relations.flatMap((r, n): RuleProblem[] =>
      doiPrefix(r.doi) !== bundle.journal.doi_prefix || here.has(key(r.doi)) || known(r.doi)
        ? []
        : [
            {
              where: k,
              path: ['relations', n, 'doi'],
              message: `${r.doi} is under the journal's own prefix ${bundle.journal.doi_prefix} but names no article Colophon knows`,
              hint: 'check the DOI for a typo, or publish the article it names first',
            },
          ],
    ),
  );
}

/**
 * Notices about another journal's article on the same stage: a correction, retraction or
 * expression of concern changes the page, JATS and OAI record of the article it updates, and one
 * journal's staff must never change what another journal's article shows. So a notice is
 * published by the journal of the article it updates. `journalOf` answers for DOIs outside this
 * bundle: the journal that owns each on the stage, undefined for a DOI the stage does not hold.
 */
const NOTICE_NOUNS: Readonly<Record<UpdateType, string>> = { 'correction-of': 'a correction', 'retraction-of': 'a retraction', 'expression-of-concern-for': 'an expression of concern' };

export function foreignNoticeRules(bundle: IssueBundle, journalOf: (doi: string) => string | undefined): RuleProblem[] {
  const here = new Set(bundle.articles.map((a) => key(a.doi)));
  return bundle.articles.flatMap((article, k) =>
    article.relations.flatMap((r, n): RuleProblem[] => {
      if (!isUpdate(r.type) || here.has(key(r.doi))) return [];
      const owner = journalOf(r.doi);
      return owner === undefined || owner === bundle.journal.id
        ? []
        : [
            {
              where: k,
              path: ['relations', n, 'doi'],
              message: `${r.doi} is an article of the journal "${owner}": ${NOTICE_NOUNS[r.type as UpdateType]} of it must be published by that journal, not by "${bundle.journal.id}"`,
              hint: `publish the notice in an issue of "${owner}", or ask its editors to`,
            },
          ];
    }),
  );
}

/** The date a notice was published (online first), as ISO text: shown beside it on the updated article's page. */
const noticeDay = (a: Article): string | undefined => {
  const d = a.dates.published.online ?? a.dates.published.print;
  return d === undefined ? undefined : [String(d.year), ...(d.month === undefined ? [] : [String(d.month).padStart(2, '0')]), ...(d.month !== undefined && d.day !== undefined ? [String(d.day).padStart(2, '0')] : [])].join('-');
};

/** The notices an article publishes about others: one per update relation, keyed by the updated DOI (lower case). */
export function noticesOf(article: Article): { readonly target: string; readonly notice: Notice }[] {
  return article.relations.filter((r) => isUpdate(r.type)).map((r) => ({ target: key(r.doi), notice: { type: r.type as UpdateType, doi: article.doi, title: article.titles[0].title, date: noticeDay(article) } }));
}

/** Every notice of these bundles, by the DOI it updates. */
export function noticeIndex(bundles: readonly IssueBundle[]): Map<string, Notice[]> {
  const index = new Map<string, Notice[]>();
  for (const b of bundles) for (const a of b.articles) for (const { target, notice } of noticesOf(a)) index.set(target, [...(index.get(target) ?? []), notice]);
  return index;
}

/** One article with the titles of what it relates to and the notices that update it. */
export function linkArticle(article: Article, titleOf: (doi: string) => InlineText | undefined, notices: readonly Notice[]): Article {
  const relations = article.relations.map((r) => {
    const title = titleOf(r.doi);
    return title === undefined ? r : { ...r, title };
  });
  const sorted = [...notices].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.doi < b.doi ? -1 : 1));
  return { ...article, relations, ...(sorted.length > 0 ? { updatedBy: sorted } : {}) };
}

/** Every article of a bundle linked against a catalogue (the journal folder's bundles). */
export function linkBundle(bundle: IssueBundle, catalogue: readonly IssueBundle[]): IssueBundle {
  const titles = new Map(catalogue.flatMap((b) => b.articles.map((a) => [key(a.doi), a.titles[0].title] as const)));
  const notices = noticeIndex(catalogue);
  return { ...bundle, articles: bundle.articles.map((a) => linkArticle(a, (doi) => titles.get(key(doi)), notices.get(key(a.doi)) ?? [])) };
}
