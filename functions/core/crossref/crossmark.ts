/**
 * `crossmark`: how Crossref registers a correction, retraction or expression of concern. The
 * notice (its own article with its own DOI) lists the DOIs it updates in `updates`, each with its
 * type and date; Crossref then shows the update on the updated article ("updated-by") everywhere
 * its metadata goes. `crossmark_policy` (the DOI of the journal's policy page on updates) is
 * required by the schema, so a journal that deposits updates names it in journal.yaml; with it,
 * every article carries its Crossmark record. In 5.4.0 `crossmark` and the `fr:`/`ai:` programs
 * are alternatives in `journal_article`: with `crossmark`, funding and licence go into its
 * `custom_metadata`.
 * https://www.crossref.org/documentation/crossmark/crossmark-registering-updates/
 * https://data.crossref.org/reports/help/schema_doc/5.4.0/index.html (crossmark, updates, update)
 */
import type { PartialDate } from '../model/dates.ts';
import type { Journal } from '../model/journal.ts';
import type { UpdateType } from '../model/relations.ts';
import { isUpdate } from '../model/relation-types.ts';
import type { Article } from '../model/resolved.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

/** `update/@type` (cm_update_type in common5.4.0.xsd) for each update the model knows. */
export const UPDATE_KINDS = {
  'correction-of': 'correction',
  'retraction-of': 'retraction',
  'expression-of-concern-for': 'expression_of_concern',
} as const satisfies Record<UpdateType, string>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `update/@date` is an `xsd:date`: a partial date counts from its first day, the earliest it can mean. */
export const updateDate = (date: PartialDate): string => `${date.year}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;

/** The date a notice updates what it names: when it was published (online first). */
export function noticeDate(article: Pick<Article, 'dates'>): string {
  const { online, print } = article.dates.published;
  return updateDate((online ?? print)!);
}

/**
 * `updates`: one `update` per DOI this notice corrects, retracts or expresses concern about; for a
 * withdrawn article, an in-situ `withdrawal` of its own DOI (Crossref: an item updated in place
 * names itself in `update`).
 */
export function updates(article: Article): XmlElement | undefined {
  const list = article.relations.filter((r) => isUpdate(r.type));
  const withdrawal = article.withdrawn === undefined ? [] : [el('update', { type: 'withdrawal', date: updateDate(article.withdrawn.date) }, article.doi)];
  if (list.length === 0 && withdrawal.length === 0) return undefined;
  const date = noticeDate(article);
  return el('updates', null, [...list.map((r) => el('update', { type: UPDATE_KINDS[r.type as UpdateType], date }, r.doi)), ...withdrawal]);
}

/** `crossmark` with the policy, the updates and (as `custom_metadata`) the funding and licence programs; nothing without a policy DOI. */
export function crossmark(journal: Journal, article: Article, programs: readonly (XmlElement | undefined)[]): XmlElement | undefined {
  const policy = journal.crossref.crossmark_policy;
  if (policy === undefined) return undefined;
  const custom = programs.filter((p) => p !== undefined);
  return el('crossmark', null, leaf('crossmark_policy', policy), updates(article), custom.length === 0 ? undefined : el('custom_metadata', null, custom));
}
