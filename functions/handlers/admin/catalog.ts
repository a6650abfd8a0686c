/**
 * GET /api/admin/catalog: the journals the caller may edit, their issues and articles with render
 * and Crossref state, plus what exists only in the console so far (a new issue, a new article),
 * marked `draft`. Beside the Crossref state, the deposit ledger's word on each DOI: Crossref's
 * message when it refused (or warned about) the record, when, and in which batch, as
 * `colophon status` prints them.
 */
import type { DepositLedger } from '#adapters/deposit-ledger';
import type { RecordsStore } from '#adapters/records';
import type { DraftStore } from '#adapters/staff-drafts';
// Not the deposit barrel: it carries the Crossref log parser (fast-xml-parser, ~60 KiB of the cold start).
import { doiKey } from '#core/deposit/plan';
import { plainText } from '#core/model/markup';
import { mayEdit, type Staff } from './access.ts';

/** The ledger's last word on a DOI, where there is one worth showing: Crossref refused it, warned, or has it in hand. */
type DepositNote = { state: 'failed' | 'warning' | 'submitted'; message?: string; at: string; batchId?: string };
type CatalogArticle = { id: string; doi?: string; title: string; version: number; render: string; crossref: string; deposit?: DepositNote; draft?: true };
type CatalogIssue = { id: string; volume?: unknown; number?: unknown; year?: unknown; publishedAt?: string; draft?: true; articles: CatalogArticle[] };

const field = (data: unknown, name: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined);
const asText = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** Articles that exist only as console drafts (made with "New article"), after the published ones. */
async function draftArticles(drafts: DraftStore, journal: string, issue: string, published: ReadonlySet<string>): Promise<CatalogArticle[]> {
  return (await drafts.listIssue(journal, issue))
    .filter((d) => !published.has(d.ref.article))
    .map((d) => {
      const doi = asText(field(d.data, 'doi'));
      return { id: d.ref.article, ...(doi === undefined ? {} : { doi }), title: asText(field(d.data, 'title')) ?? d.ref.article, version: d.version, render: 'draft', crossref: 'due', draft: true as const };
    });
}

/** The articles with the ledger's note on their DOIs (one BatchGet per issue). */
async function withDepositNotes(ledger: Pick<DepositLedger, 'entries'>, articles: CatalogArticle[]): Promise<CatalogArticle[]> {
  const dois = articles.flatMap((a) => (a.doi === undefined || a.draft ? [] : [a.doi]));
  if (dois.length === 0) return articles;
  const entries = await ledger.entries(dois);
  return articles.map((a) => {
    const entry = a.doi === undefined ? undefined : entries.get(doiKey(a.doi));
    if (entry === undefined || (entry.state !== 'failed' && entry.state !== 'warning' && entry.state !== 'submitted')) return a;
    const deposit: DepositNote = { state: entry.state, at: entry.updatedAt, ...(entry.message ? { message: entry.message } : {}), ...(entry.batchId ? { batchId: entry.batchId } : {}) };
    return { ...a, ...(entry.state === 'failed' ? { crossref: 'failed' } : {}), deposit };
  });
}

export async function catalog(deps: { readonly records: RecordsStore; readonly drafts: DraftStore; readonly ledger: Pick<DepositLedger, 'entries'> }, staff: Staff): Promise<{ journals: unknown[] }> {
  const journals = (await deps.records.listJournals()).filter((j) => mayEdit(staff, j.journal.id));
  const out = await Promise.all(
    journals.map(async (j) => {
      const records = await deps.records.listIssues(j.journal.id);
      const issues: CatalogIssue[] = await Promise.all(
        records.map(async (i) => {
          // Held articles too: an article scheduled for a day to come shows as such, not as a draft.
          const articles: CatalogArticle[] = (await deps.records.listIssueArticles(j.journal.id, i.issue.id, { scheduled: true })).map((a) => ({
            id: a.meta.articleId,
            doi: a.meta.doi,
            title: plainText(a.record.article.titles[0].title),
            version: a.meta.version,
            render: a.meta.scheduledFor !== undefined ? `scheduled for ${a.meta.scheduledFor.slice(0, 10)}` : a.meta.render.version !== a.meta.version ? 'pending' : a.meta.render.status === 'done' ? 'rendered' : a.meta.render.status,
            crossref: a.meta.deposit?.status === 'done' && a.meta.deposit.version === a.meta.version ? 'deposited' : 'due',
          }));
          const drafted = await draftArticles(deps.drafts, j.journal.id, i.issue.id, new Set(articles.map((a) => a.id)));
          return { id: i.issue.id, volume: i.issue.volume, number: i.issue.number, year: i.issue.year, publishedAt: i.publishedAt, articles: [...(await withDepositNotes(deps.ledger, articles)), ...drafted] };
        }),
      );
      const known = new Set(issues.map((i) => i.id));
      for (const d of await deps.drafts.listIssues(j.journal.id)) {
        if (known.has(d.issue)) continue;
        issues.push({ id: d.issue, volume: field(d.data, 'volume'), number: field(d.data, 'number'), year: field(d.data, 'year'), draft: true, articles: await draftArticles(deps.drafts, j.journal.id, d.issue, new Set()) });
      }
      return { id: j.journal.id, title: j.journal.title, issues };
    }),
  );
  return { journals: out };
}
